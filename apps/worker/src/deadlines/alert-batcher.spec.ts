import { AlertKind } from '@app/domain';
import { AlertBatcher } from './alert-batcher';

const item = (n: number) => ({ taskId: `t${n}`, kind: AlertKind.OVERDUE, level: 0, deadlineRevision: 0 });

describe('AlertBatcher', () => {
  it('fires items that arrive together in one batch', async () => {
    const batches: number[] = [];
    const batcher = new AlertBatcher((items) => Promise.resolve(batches.push(items.length)), 500, 5);
    await Promise.all([1, 2, 3].map((n) => batcher.add(item(n))));
    expect(batches).toEqual([3]);
  });

  it('flushes as soon as a batch is full', async () => {
    const batches: number[] = [];
    const batcher = new AlertBatcher((items) => Promise.resolve(batches.push(items.length)), 2, 1000);
    await Promise.all([1, 2, 3, 4].map((n) => batcher.add(item(n))));
    expect(batches).toEqual([2, 2]);
  });

  it('rejects every job of a batch that failed, so the queue retries them', async () => {
    const batcher = new AlertBatcher(() => Promise.reject(new Error('database down')), 10, 1);
    await expect(Promise.all([batcher.add(item(1)), batcher.add(item(2))])).rejects.toThrow('database down');
  });
});
