import { civilFromDays, daysFromCivil, isoInstant } from './iso-instant';

describe('isoInstant', () => {
  it('writes what toISOString writes, for 200,000 instants spread over years 0 to 9999', () => {
    const from = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
    const span = Date.UTC(9999, 11, 31, 23, 59, 59, 999) - from;
    // A prime stride, so the instants land on every kind of day, hour and millisecond.
    const stride = 1_577_836_800_007;
    const misses: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      const date = new Date(from + ((i * stride) % span));
      if (isoInstant(date) !== date.toISOString()) misses.push(date.toISOString());
    }
    expect(misses.slice(0, 5)).toEqual([]);
  });

  it('writes the edges as toISOString does', () => {
    const edges = [
      0,
      -1,
      Date.UTC(2026, 11, 1, 17, 0, 0, 0),
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(2100, 1, 28, 12),
      Date.UTC(2000, 1, 29),
      -62_167_219_200_000, // 0000-01-01T00:00:00.000Z
      253_402_300_799_999, // 9999-12-31T23:59:59.999Z
      253_402_300_800_000, // +010000-01-01
      -62_167_219_200_001, // -000001-12-31
    ];
    for (const time of edges) expect(isoInstant(new Date(time))).toBe(new Date(time).toISOString());
  });

  it('throws on an invalid date, as toISOString does', () => {
    expect(() => isoInstant(new Date(NaN))).toThrow(RangeError);
  });
});

describe('days from and to a civil date', () => {
  it('agrees with Date.UTC every day from 1600 to 2400', () => {
    const misses: string[] = [];
    for (let days = daysFromCivil(1600, 1, 1); days < daysFromCivil(2400, 1, 1); days++) {
      const { year, month, day } = civilFromDays(days);
      const date = new Date(days * 86_400_000);
      if (year !== date.getUTCFullYear() || month !== date.getUTCMonth() + 1 || day !== date.getUTCDate())
        misses.push(date.toISOString());
      if (daysFromCivil(year, month, day) !== days) misses.push(`round trip ${days}`);
    }
    expect(misses.slice(0, 5)).toEqual([]);
  });
});
