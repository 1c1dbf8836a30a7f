import { markdownTable, ms, percentile, ratio, summarise, table } from './stats';

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles of the samples whatever their order', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summarise(samples)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100, min: 1 });
  });

  it('has no percentile of no samples', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(summarise([]).max).toBeNaN();
  });

  it('prints milliseconds, seconds above one second, and n/a for a missing figure', () => {
    expect(ms(12.345)).toBe('12.3 ms');
    expect(ms(1500)).toBe('1.50 s');
    expect(ms(12_500)).toBe('12.5 s');
    expect(ms(Number.NaN)).toBe('n/a');
  });

  it('floors both sides of a ratio at 1 ms and says so', () => {
    expect(ratio(30, 10)).toBe('3.0x');
    expect(ratio(5, 0.2)).toBe('5.0x (≥1 ms floor)');
    expect(ratio(Number.NaN, 1)).toBe('n/a');
  });

  it('pads a table to its widest cells and escapes pipes in Markdown', () => {
    expect(table(['a', 'bb'], [['xyz', 1]])).toBe('a   | bb\n----+---\nxyz | 1 ');
    expect(markdownTable(['h'], [['a|b']])).toBe('| h |\n| --- |\n| a\\|b |');
  });
});
