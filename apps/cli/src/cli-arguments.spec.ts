import { parseCliArguments } from './cli-arguments';

describe('parseCliArguments', () => {
  it('reads migrate and seed, with or without --if-empty', () => {
    expect(parseCliArguments(['migrate'])).toEqual({ ok: true, command: { name: 'migrate' } });
    expect(parseCliArguments(['seed'])).toEqual({ ok: true, command: { name: 'seed', ifEmpty: false } });
    expect(parseCliArguments(['seed', '--if-empty'])).toEqual({ ok: true, command: { name: 'seed', ifEmpty: true } });
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
  });
});
