import { recentWeekEnds } from './week-ends';

describe('recentWeekEnds', () => {
  it('gives the last 12 Mondays at 00:00 London, oldest first, the newest at or before now', () => {
    const ends = recentWeekEnds(new Date('2026-11-22T16:18:00Z'));
    expect(ends).toHaveLength(12);
    expect(ends[11].toISOString()).toBe('2026-11-16T00:00:00.000Z');
    // 31 August is in British Summer Time: its midnight is 23:00 UTC on the Sunday.
    expect(ends[0].toISOString()).toBe('2026-08-30T23:00:00.000Z');
    for (let i = 1; i < ends.length; i++) {
      expect(Math.round((ends[i].getTime() - ends[i - 1].getTime()) / 86_400_000)).toBe(7);
    }
  });

  it('follows the clocks across the end of British Summer Time (25 October 2026)', () => {
    const ends = recentWeekEnds(new Date('2026-10-27T09:00:00Z'), 2);
    expect(ends.map((d) => d.toISOString())).toEqual(['2026-10-18T23:00:00.000Z', '2026-10-26T00:00:00.000Z']);
  });

  it('counts a Monday midnight itself as the latest week end', () => {
    const ends = recentWeekEnds(new Date('2026-11-16T00:00:00Z'), 1);
    expect(ends[0].toISOString()).toBe('2026-11-16T00:00:00.000Z');
  });
});
