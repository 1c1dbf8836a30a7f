/**
 * The instants the weekly overdue roll-up is taken at: each Monday 00:00 London time (the end of a week),
 * as the trend report counts them; the newest is the latest such instant at or before now.
 */
import { DateTime } from 'luxon';
import { LONDON_ZONE, OVERDUE_TREND_WEEKS } from '@app/domain';

export function recentWeekEnds(now: Date, weeks: number = OVERDUE_TREND_WEEKS): Date[] {
  const latest = DateTime.fromJSDate(now, { zone: LONDON_ZONE }).startOf('week');
  return Array.from({ length: weeks }, (_, i) => latest.minus({ weeks: weeks - 1 - i }).toJSDate());
}
