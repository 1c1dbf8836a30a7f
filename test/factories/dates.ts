/** Dates relative to today as a London wall calendar shows it (the API's own idea of today). */
import { addCalendarDays, londonDateOf } from '@app/domain';

export function today(): string {
  return londonDateOf(new Date());
}

export function daysFromToday(days: number): string {
  return addCalendarDays(today(), days);
}

/** Day of week of an ISO date: 0 Sunday ... 6 Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** The first date on or after `from` that falls on the given weekday. */
export function nextWeekday(from: string, weekday: number): string {
  let date = from;
  while (weekdayOf(date) !== weekday) date = addCalendarDays(date, 1);
  return date;
}
