import { AlertKind } from '@app/domain';
import { Batcher } from './batcher';

const item = (n: number) => ({ taskId: `t${n}`, kind: AlertKind.OVERDUE, level: 0, deadlineRevision: 0 });
const items = (from: number, count: number) => Array.from({ length: count }, (_, i) => item(from + i));

/** A fire function that records batch sizes and the most batches ever in flight at once, settling on demand. */
function recorder() {
  const batches: number[] = [];
  let inFlight = 0;
  let most = 0;
  const release: (() => void)[] = [];
  const fire = (batch: unknown[]) => {
    batches.push(batch.length);
    inFlight += 1;
    most = Math.max(most, inFlight);
    return new Promise<void>((resolve) =>
      release.push(() => {
        inFlight -= 1;
        resolve();
      }),
    );
  };
  const releaseAll = async () => {
    while (release.length > 0) {
      release.shift()?.();
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { batches, fire, releaseAll, most: () => most };
}

describe('Batcher', () => {
  it('fires items that arrive together in one batch', async () => {
    const batches: number[] = [];
    const batcher = new Batcher((batch) => Promise.resolve(batches.push(batch.length)), 500, 5);
    await Promise.all([1, 2, 3].map((n) => batcher.add([item(n)])));
    expect(batches).toEqual([3]);
  });

  it("splits a sweep's thresholds into full batches and settles its promise when the last has committed", async () => {
    const r = recorder();
    const batcher = new Batcher(r.fire, 1000, 5, 2);
    let settled = false;
    const sweep = batcher.add(items(0, 4500)).then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(r.batches).toEqual([1000, 1000]);
    expect(settled).toBe(false);
    await r.releaseAll();
    await sweep;
    expect(r.batches).toEqual([1000, 1000, 1000, 1000, 500]);
    expect(r.most()).toBe(2);
  });

  it('rejects every caller with thresholds in a batch that failed, so the queue retries them', async () => {
    const batcher = new Batcher(() => Promise.reject(new Error('database down')), 10, 1);
    await expect(Promise.all([batcher.add([item(1)]), batcher.add([item(2)])])).rejects.toThrow('database down');
  });

  it('settles an empty sweep at once', async () => {
    const batcher = new Batcher(() => Promise.reject(new Error('never called')), 10, 1);
    await expect(batcher.add([])).resolves.toBeUndefined();
  });
});
