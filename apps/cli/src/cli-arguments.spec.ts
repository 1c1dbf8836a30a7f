import { parseCliArguments, USAGE } from './cli-arguments';

describe('parseCliArguments', () => {
  it('reads plan-keywork, which takes nothing', () => {
    expect(parseCliArguments(['plan-keywork'])).toEqual({ ok: true, command: { name: 'plan-keywork' } });
    expect(parseCliArguments(['plan-keywork', 'STI'])).toEqual({
      ok: false,
      problem: "plan-keywork takes no 'STI'.",
    });
  });

  it('reads digest, which takes nothing', () => {
    expect(parseCliArguments(['digest'])).toEqual({ ok: true, command: { name: 'digest' } });
    expect(parseCliArguments(['digest', '--now'])).toEqual({ ok: false, problem: "digest takes no '--now'." });
  });

  it('reads migrate and seed, with or without --if-empty', () => {
    expect(parseCliArguments(['migrate'])).toEqual({ ok: true, command: { name: 'migrate' } });
    expect(parseCliArguments(['seed'])).toEqual({
      ok: true,
      command: { name: 'seed', ifEmpty: false, national: null },
    });
    expect(parseCliArguments(['seed', '--if-empty'])).toEqual({
      ok: true,
      command: { name: 'seed', ifEmpty: true, national: null },
    });
  });

  it('reads seed --national at full size, or at the --scale given, in any order with --if-empty', () => {
    expect(parseCliArguments(['seed', '--national'])).toEqual({
      ok: true,
      command: { name: 'seed', ifEmpty: false, national: { scale: 1 } },
    });
    expect(parseCliArguments(['seed', '--national', '--scale', '0.1'])).toEqual({
      ok: true,
      command: { name: 'seed', ifEmpty: false, national: { scale: 0.1 } },
    });
    expect(parseCliArguments(['seed', '--scale', '0.25', '--if-empty', '--national'])).toEqual({
      ok: true,
      command: { name: 'seed', ifEmpty: true, national: { scale: 0.25 } },
    });
  });

  it('rejects a scale that is missing, not a number, zero or above 1, naming the value', () => {
    const problem = (value: string) => `--scale takes a fraction above 0 and at most 1, not '${value}'.`;
    expect(parseCliArguments(['seed', '--national', '--scale'])).toEqual({ ok: false, problem: problem('') });
    expect(parseCliArguments(['seed', '--national', '--scale', 'tenth'])).toEqual({
      ok: false,
      problem: problem('tenth'),
    });
    expect(parseCliArguments(['seed', '--national', '--scale', '0'])).toEqual({ ok: false, problem: problem('0') });
    expect(parseCliArguments(['seed', '--national', '--scale', '2'])).toEqual({ ok: false, problem: problem('2') });
  });

  it('rejects --scale without --national: the demo board has one size', () => {
    expect(parseCliArguments(['seed', '--scale', '0.5'])).toEqual({
      ok: false,
      problem: '--scale only applies to seed --national.',
    });
  });

  it('reads help in its usual spellings', () => {
    for (const word of ['help', '--help', '-h']) {
      expect(parseCliArguments([word])).toEqual({ ok: true, command: { name: 'help' } });
    }
  });

  it('rejects a missing or unknown command and unknown flags, naming the problem', () => {
    expect(parseCliArguments([])).toEqual({ ok: false, problem: 'No command given.' });
    expect(parseCliArguments(['bench'])).toEqual({ ok: false, problem: "Unknown command 'bench'." });
    expect(parseCliArguments(['seed', '--force'])).toEqual({ ok: false, problem: "seed does not know '--force'." });
    expect(parseCliArguments(['migrate', '--if-empty'])).toEqual({
      ok: false,
      problem: "migrate takes no '--if-empty'.",
    });
    expect(parseCliArguments(['migrate', '--national'])).toEqual({
      ok: false,
      problem: "migrate takes no '--national'.",
    });
  });

  it('documents every seed flag in the usage text', () => {
    for (const flag of ['--if-empty', '--national', '--scale']) expect(USAGE).toContain(flag);
  });

  it('reads migrations-applied, checking once or waiting a whole number of seconds', () => {
    expect(parseCliArguments(['migrations-applied'])).toEqual({
      ok: true,
      command: { name: 'migrations-applied', waitSeconds: 0 },
    });
    expect(parseCliArguments(['migrations-applied', '--wait', '600'])).toEqual({
      ok: true,
      command: { name: 'migrations-applied', waitSeconds: 600 },
    });
    for (const value of ['0', '-5', '1.5', 'soon', '']) {
      expect(parseCliArguments(['migrations-applied', '--wait', value])).toEqual({
        ok: false,
        problem: `--wait takes a whole number of seconds above 0, not '${value}'.`,
      });
    }
    expect(parseCliArguments(['migrations-applied', '--wait'])).toEqual({
      ok: false,
      problem: "--wait takes a whole number of seconds above 0, not ''.",
    });
    expect(parseCliArguments(['migrations-applied', '--national'])).toEqual({
      ok: false,
      problem: "migrations-applied does not know '--national'.",
    });
    expect(parseCliArguments(['migrations-applied', '--wait', '5', 'now'])).toEqual({
      ok: false,
      problem: "migrations-applied does not know 'now'.",
    });
    expect(USAGE).toContain('migrations-applied [--wait <seconds>]');
  });
});
