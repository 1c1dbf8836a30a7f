import { overdueAgeBucket, percentage, recentWeekEnds } from './report-figures';
import {
  accommodationCategory,
  AccommodationOutcomeCategory,
  AccommodationType,
  isHoused,
} from './accommodation-outcomes';

describe('overdueAgeBucket', () => {
  it.each([
    [0, 'overdue1to2'],
    [1, 'overdue1to2'],
    [2, 'overdue1to2'],
    [3, 'overdue3to7'],
    [7, 'overdue3to7'],
    [8, 'overdue8to14'],
    [14, 'overdue8to14'],
    [15, 'overdueOver14'],
    [400, 'overdueOver14'],
  ])('puts a task %i working days late in %s', (days, bucket) => {
    expect(overdueAgeBucket(days)).toBe(bucket);
  });
});

describe('percentage', () => {
  it('rounds to one decimal place and has no rate for an empty whole', () => {
    expect(percentage(1, 3)).toBe(33.3);
    expect(percentage(2, 3)).toBe(66.7);
    expect(percentage(0, 0)).toBeNull();
  });
});

describe('accommodation categories', () => {
  it('counts approved premises and CAS3 as housed but transient, a night shelter as not housed', () => {
    expect(isHoused(AccommodationType.APPROVED_PREMISES)).toBe(true);
    expect(accommodationCategory(AccommodationType.CAS3)).toBe(AccommodationOutcomeCategory.TRANSIENT);
    expect(isHoused(AccommodationType.NIGHT_SHELTER)).toBe(false);
    expect(accommodationCategory(AccommodationType.ROUGH_SLEEPING)).toBe(AccommodationOutcomeCategory.HOMELESS);
    expect(accommodationCategory(AccommodationType.SETTLED)).toBe(AccommodationOutcomeCategory.SETTLED);
  });
});

describe('recentWeekEnds', () => {
  it('gives the last Mondays at 00:00 London, oldest first, across the October clock change', () => {
    const ends = recentWeekEnds(new Date('2026-11-04T12:00:00Z'), 3);
    // Monday 26 October is after the clocks went back (GMT); Monday 19 October is still BST (23:00Z the day before).
    expect(ends.map((d) => d.toISOString())).toEqual([
      '2026-10-18T23:00:00.000Z',
      '2026-10-26T00:00:00.000Z',
      '2026-11-02T00:00:00.000Z',
    ]);
  });

  it('counts a Monday morning as the end of the week just gone', () => {
    expect(recentWeekEnds(new Date('2026-11-02T09:00:00Z'), 1)).toEqual([new Date('2026-11-02T00:00:00Z')]);
  });
});
