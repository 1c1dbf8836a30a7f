import { timedSideBySide } from './timing';

describe('timing two sides call by call', () => {
  it('alternates the sides, swapping which goes first every round, and keeps the warm-ups out of both', async () => {
    const calls: string[] = [];
    const [first, second] = await timedSideBySide(
      { warmUp: 2, runs: 3 },
      () => Promise.resolve(calls.push('api')),
      () => Promise.resolve(calls.push('bare')),
    );
    expect(calls).toEqual(['api', 'bare', 'bare', 'api', 'api', 'bare', 'bare', 'api', 'api', 'bare']);
    expect(first.count).toBe(3);
    expect(second.count).toBe(3);
  });

  it("gives each side its own calls' times", async () => {
    let apiCalls = 0;
    const [api, bare] = await timedSideBySide(
      { warmUp: 0, runs: 4 },
      () => {
        apiCalls += 1;
        // Long enough that no reading of the other side's empty call comes near it.
        return new Promise((resolve) => setTimeout(resolve, 20));
      },
      () => Promise.resolve(),
    );
    expect(apiCalls).toBe(4);
    expect(api.min).toBeGreaterThan(bare.max);
  });

  it('stops at the first failing call with its error', async () => {
    const failing = timedSideBySide(
      { warmUp: 0, runs: 2 },
      () => Promise.reject(new Error('the API answered 500')),
      () => Promise.resolve(),
    );
    await expect(failing).rejects.toThrow('the API answered 500');
  });
});
