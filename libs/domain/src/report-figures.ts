/**
 * The fixed definitions the reports count by, so the API, the CSV and the web app agree: how late a task is
 * in working days and which age bucket that falls in, and the window each report looks back over.
 */
import { DateTime } from 'luxon';
import { LONDON_ZONE } from './calendar';

/** Overdue age buckets in working days late, counting today (a task late since 17:00 today is 1 day late). */
export const OVERDUE_AGE_BUCKETS = [
  { key: 'overdue1to2', label: '1-2 working days', min: 1, max: 2 },
  { key: 'overdue3to7', label: '3-7 working days', min: 3, max: 7 },
  { key: 'overdue8to14', label: '8-14 working days', min: 8, max: 14 },
  { key: 'overdueOver14', label: 'over 14 working days', min: 15, max: Number.POSITIVE_INFINITY },
] as const;

export type OverdueAgeBucketKey = (typeof OVERDUE_AGE_BUCKETS)[number]['key'];

export function overdueAgeBucket(workingDaysLate: number): OverdueAgeBucketKey {
  const days = Math.max(1, workingDaysLate);
  return (OVERDUE_AGE_BUCKETS.find((b) => days >= b.min && days <= b.max) ?? OVERDUE_AGE_BUCKETS[3]).key;
}

/** The trend shows this many whole weeks, each counted at the end of the week (Monday 00:00 London). */
export const OVERDUE_TREND_WEEKS = 12;

/** Release readiness looks this many days ahead. */
export const RELEASE_READINESS_DAYS = 14;

/** A period given without dates covers this many days up to today. */
export const DEFAULT_REPORT_PERIOD_DAYS = 90;

/** The longest period a report may cover in one request. */
export const MAX_REPORT_PERIOD_DAYS = 366;

/** Rate as a percentage to one decimal place; null when there is nothing to divide by. */
export function percentage(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/**
 * The ends of the last `weeks` whole weeks before `now`, oldest first: each Monday 00:00 London time (so a
 * week's figure counts what was still late when it ended, across clock changes).
 */
export function recentWeekEnds(now: Date, weeks: number = OVERDUE_TREND_WEEKS): Date[] {
  const thisWeekStart = DateTime.fromJSDate(now, { zone: LONDON_ZONE }).startOf('week');
  return Array.from({ length: weeks }, (_, i) => thisWeekStart.minus({ weeks: weeks - 1 - i }).toJSDate());
}
