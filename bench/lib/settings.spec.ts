import { readBenchSettings } from './settings';

describe('readBenchSettings', () => {
  it('scales the data set but keeps the spread window and the lead time above their floors', () => {
    const quick = readBenchSettings({ BENCH_SCALE: '0.01' });
    expect(quick).toMatchObject({
      tasks: 10_000,
      burstDue: 100,
      burstAtRisk: 100,
      spread: 100,
      women: 500,
      fanoutClientCounts: [10, 50],
      lossWindow: 10,
    });
    expect(quick.spreadWindowMs).toBe(3000);
    expect(quick.leadMs).toBe(30_000);
  });

  it('runs the full size by default: the 17:00 burst of 20,000 thresholds among 1,000,000 open tasks', () => {
    expect(readBenchSettings({})).toMatchObject({
      scale: 1,
      tasks: 1_000_000,
      burstDue: 10_000,
      burstAtRisk: 10_000,
      spread: 10_000,
      spreadWindowMs: 60_000,
      fanoutClientCounts: [1000, 5000],
    });
  });

  it('takes the lead time from BENCH_LEAD_MS for a machine slow to start the worker, and refuses a short one', () => {
    expect(readBenchSettings({ BENCH_SCALE: '0.01', BENCH_LEAD_MS: '120000' }).leadMs).toBe(120_000);
    expect(() => readBenchSettings({ BENCH_LEAD_MS: '500' })).toThrow('BENCH_LEAD_MS must be');
  });

  it('spreads test 2 clients over processes of BENCH_CLIENTS_PER_PROCESS, and refuses a nonsense count', () => {
    expect(readBenchSettings({}).clientsPerProcess).toBe(1000);
    expect(readBenchSettings({ BENCH_CLIENTS_PER_PROCESS: '250' }).clientsPerProcess).toBe(250);
    expect(() => readBenchSettings({ BENCH_CLIENTS_PER_PROCESS: '0' })).toThrow('BENCH_CLIENTS_PER_PROCESS must be');
  });

  it.each(['0', '1.5', 'abc', '-1'])('refuses BENCH_SCALE=%s', (scale) => {
    expect(() => readBenchSettings({ BENCH_SCALE: scale })).toThrow('BENCH_SCALE must be a number in (0, 1]');
  });
});
