import { FakeClock } from './fake-clock';
import { pollUntil, PollTimeoutError } from './poll-until';

/** A check that answers `answers` in turn, then the last one for ever; counts its calls. */
function scripted<T>(...answers: T[]) {
  let calls = 0;
  const check = () => answers[Math.min(calls++, answers.length - 1)];
  return { check, calls: () => calls };
}

describe('pollUntil', () => {
  it('returns the first truthy answer, sleeping the polling interval between attempts', async () => {
    const clock = new FakeClock();
    const { check, calls } = scripted(0, 0, 42);
    await expect(pollUntil(check, { what: 'the answer', timeoutMs: 10_000, everyMs: 250, clock })).resolves.toBe(42);
    expect(calls()).toBe(3);
    expect(clock.sleeps).toEqual([250, 250]);
  });

  it('does not sleep when the first attempt succeeds', async () => {
    const clock = new FakeClock();
    await pollUntil(() => true, { what: 'x', timeoutMs: 1000, clock });
    expect(clock.sleeps).toEqual([]);
  });

  it('gives up at the deadline, after a last attempt there, naming what it waited for', async () => {
    const clock = new FakeClock(5000);
    const { check, calls } = scripted(false);
    const waiting = pollUntil(check, { what: 'the gateway', timeoutMs: 1000, everyMs: 250, clock });
    await expect(waiting).rejects.toThrow(PollTimeoutError);
    await expect(waiting).rejects.toThrow('timed out after 1000 ms waiting for the gateway');
    expect(calls()).toBe(5);
    expect(clock.now()).toBe(6000);
  });

  it('shortens the last sleep so that it never waits past the deadline', async () => {
    const clock = new FakeClock();
    await expect(pollUntil(() => false, { what: 'x', timeoutMs: 600, everyMs: 250, clock })).rejects.toThrow();
    expect(clock.sleeps).toEqual([250, 250, 100]);
  });

  it('counts a success found by the attempt at the deadline', async () => {
    const clock = new FakeClock();
    const { check } = scripted<string | false>(false, false, false, 'ready');
    await expect(pollUntil(check, { what: 'x', timeoutMs: 600, everyMs: 250, clock })).resolves.toBe('ready');
  });

  it('ends at once with the reason abortIf gives, without another attempt', async () => {
    const clock = new FakeClock();
    let dead = false;
    const check = () => {
      dead = true;
      return false;
    };
    const waiting = pollUntil(check, {
      what: 'the api to answer',
      timeoutMs: 60_000,
      clock,
      abortIf: () => (dead ? 'api exited (exit code 1)' : undefined),
    });
    await expect(waiting).rejects.toThrow('api exited (exit code 1) (while waiting for the api to answer)');
    expect(clock.sleeps).toHaveLength(1);
  });

  it('propagates an error the check throws', async () => {
    const check = () => Promise.reject(new Error('boom'));
    await expect(pollUntil(check, { what: 'x', timeoutMs: 1000, clock: new FakeClock() })).rejects.toThrow('boom');
  });
});
