import { catchUp } from './catch-up';

describe('catchUp', () => {
  it('rebuilds the horizon after an instant and reconciles up to the same instant, the horizon first', async () => {
    const calls: [string, Date][] = [];
    const horizon = { topUp: (now?: Date) => Promise.resolve(calls.push(['topUp', now as Date])) };
    const reconciler = { run: (now?: Date) => Promise.resolve(calls.push(['run', now as Date])) };
    const before = Date.now();
    await catchUp(horizon, reconciler);
    expect(calls.map(([name]) => name)).toEqual(['topUp', 'run']);
    const [[, horizonFrom], [, reconciledTo]] = calls;
    expect(reconciledTo).toBe(horizonFrom);
    expect(horizonFrom.getTime()).toBeGreaterThanOrEqual(before);
    expect(horizonFrom.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('does not reconcile before the horizon is back', async () => {
    const order: string[] = [];
    let finishTopUp: () => void = () => undefined;
    const horizon = {
      topUp: () =>
        new Promise<number>((resolve) => {
          order.push('topUp started');
          finishTopUp = () => {
            order.push('topUp done');
            resolve(0);
          };
        }),
    };
    const reconciler = { run: () => Promise.resolve(order.push('run')) };
    const done = catchUp(horizon, reconciler, new Date(0));
    await Promise.resolve();
    expect(order).toEqual(['topUp started']);
    finishTopUp();
    await done;
    expect(order).toEqual(['topUp started', 'topUp done', 'run']);
  });
});
