/// <reference types="jest" />
// (The web app's tsconfig has no test types; this spec runs in the repo's unit suite.)
import { coalesced } from './coalesced';

describe('coalesced calls', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs once for a burst, delayMs after its first call', () => {
    let runs = 0;
    const refresh = coalesced(() => (runs += 1), 250);
    refresh();
    jest.advanceTimersByTime(100);
    refresh();
    refresh();
    jest.advanceTimersByTime(149);
    expect(runs).toBe(0);
    jest.advanceTimersByTime(1);
    expect(runs).toBe(1);
  });

  it('keeps running under a steady stream of calls with no quiet moment', () => {
    let runs = 0;
    const refresh = coalesced(() => (runs += 1), 250);
    // A call every 100 ms for 3 s: a debounce would never have run. Runs at 250 ms, then 250 ms after the first
    // call following each run (at 300, 600, ... ms): 250, 550, ..., 2950.
    for (let elapsed = 0; elapsed < 3000; elapsed += 100) {
      refresh();
      jest.advanceTimersByTime(100);
    }
    expect(runs).toBe(10);
  });

  it('runs again for a call after the last run, and not at all once cancelled', () => {
    let runs = 0;
    const refresh = coalesced(() => (runs += 1), 250);
    refresh();
    jest.advanceTimersByTime(250);
    refresh();
    jest.advanceTimersByTime(250);
    expect(runs).toBe(2);
    refresh();
    refresh.cancel();
    jest.advanceTimersByTime(1000);
    expect(runs).toBe(2);
  });
});
