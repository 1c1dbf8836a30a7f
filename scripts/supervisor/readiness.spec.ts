import { FakeClock } from './fake-clock';
import { PollTimeoutError } from './poll-until';
import { waitUntilReady } from './readiness';

function fakeProcess(running: () => boolean) {
  return {
    name: 'worker',
    get running() {
      return running();
    },
    describeExit: () => 'exit code 1',
    describe: () => '--- last lines of worker ---\nDATABASE_URL is not set',
  };
}

describe('waitUntilReady', () => {
  it("polls the app's /health/ready through the probe until it answers", async () => {
    const clock = new FakeClock();
    const asked: string[] = [];
    const answers = [false, false, true];
    const probe = (url: string) => {
      asked.push(url);
      return Promise.resolve(answers[asked.length - 1]);
    };
    await waitUntilReady({ url: 'http://127.0.0.1:3002', timeoutMs: 5000, everyMs: 200, clock, probe });
    expect(asked).toEqual(Array(3).fill('http://127.0.0.1:3002'));
    expect(clock.now()).toBe(400);
  });

  it('fails with the process output as soon as the process has exited', async () => {
    let attempts = 0;
    const probe = () => {
      attempts += 1;
      return Promise.resolve(false);
    };
    const process = fakeProcess(() => attempts < 2);
    const waiting = waitUntilReady({ url: 'http://x', timeoutMs: 60_000, clock: new FakeClock(), probe, process });
    await expect(waiting).rejects.toThrow(
      /worker exited \(exit code 1\)\n--- last lines of worker ---\nDATABASE_URL is not set/,
    );
    expect(attempts).toBe(2);
  });

  it('times out naming the process and URL when it never becomes ready', async () => {
    const clock = new FakeClock();
    const process = fakeProcess(() => true);
    const waiting = waitUntilReady({
      url: 'http://x',
      timeoutMs: 1000,
      clock,
      probe: () => Promise.resolve(false),
      process,
    });
    await expect(waiting).rejects.toThrow(PollTimeoutError);
    await expect(waiting).rejects.toThrow('worker to answer http://x/health/ready');
    expect(clock.now()).toBe(1000);
  });
});
