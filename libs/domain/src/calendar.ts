/**
 * England and Wales working days, read in Europe/London: bank holidays, working-day arithmetic, and the
 * 17:00 end of the working day that task deadlines fall at.
 */
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { IsoDate } from './task-template';

export const LONDON_ZONE = 'Europe/London';

/** The hour (London time) a working day ends: a task due on a date is due by then. */
const END_OF_WORKING_DAY_HOUR = 17;

const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

// Wales shares England's bank holidays, so the ENG region covers both.
let holidays: Holidays | null = null;
const bankHolidaysByYear = new Map<number, ReadonlySet<IsoDate>>();

/**
 * Dates already read, and what they gave: a board works out each card's warnings and handover from the same few
 * hundred dates, and checking a date (a Date round trip) was a third of the board's own work (CPU profile, 196
 * cards). Bounded: cleared when full.
 */
const dayNumbers = new Map<string, number | null>();
const DAY_NUMBERS_KEPT = 20_000;

/**
 * Date arithmetic runs on day numbers (whole days since 1970-01-01): calendar dates have no time zone or clock
 * change, and integer steps keep the working-day loops fast. Luxon is kept for London instants.
 */
function toDayNumber(value: string): number | null {
  const known = dayNumbers.get(value);
  if (known !== undefined) return known;
  const dayNumber = checkedDayNumber(value);
  if (dayNumbers.size >= DAY_NUMBERS_KEPT) dayNumbers.clear();
  dayNumbers.set(value, dayNumber);
  return dayNumber;
}

function checkedDayNumber(value: string): number | null {
  if (!ISO_DATE_PATTERN.test(value)) {
    return null;
  }
  const [year, month, day] = value.split('-').map(Number);
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 30 February over into March; only a real date survives the round trip unchanged.
  return new Date(ms).toISOString().slice(0, 10) === value ? ms / MS_PER_DAY : null;
}

function parse(date: IsoDate): number {
  const dayNumber = toDayNumber(date);
  if (dayNumber === null) {
    throw new RangeError(`'${date}' is not a date in the form YYYY-MM-DD`);
  }
  return dayNumber;
}

function format(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

function isWeekend(dayNumber: number): boolean {
  const weekday = new Date(dayNumber * MS_PER_DAY).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function requireWholeDays(days: number): void {
  if (!Number.isInteger(days)) {
    throw new RangeError(`A number of days must be a whole number, not ${days}`);
  }
}

export function isValidIsoDate(value: string): boolean {
  return toDayNumber(value) !== null;
}

/**
 * Bank holidays are the 'public' holidays. A holiday that falls at a weekend is dropped because its substitute
 * weekday is the bank holiday (gov.uk lists 28 December 2026, not Saturday 26 December).
 */
function bankHolidaySet(year: number): ReadonlySet<IsoDate> {
  let dates = bankHolidaysByYear.get(year);
  if (dates === undefined) {
    holidays ??= new Holidays('GB', 'ENG');
    dates = new Set(
      holidays
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10))
        .filter((date) => !isWeekend(parse(date))),
    );
    bankHolidaysByYear.set(year, dates);
  }
  return dates;
}

export function bankHolidaysInYear(year: number): IsoDate[] {
  if (!Number.isInteger(year)) {
    throw new RangeError(`A year must be a whole number, not ${year}`);
  }
  return [...bankHolidaySet(year)].sort();
}

function isWorkingDayNumber(dayNumber: number): boolean {
  if (isWeekend(dayNumber)) {
    return false;
  }
  const date = format(dayNumber);
  return !bankHolidaySet(Number(date.slice(0, 4))).has(date);
}

export function isBankHoliday(date: IsoDate): boolean {
  parse(date);
  return bankHolidaySet(Number(date.slice(0, 4))).has(date);
}

/** Monday to Friday and not a bank holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingDayNumber(parse(date));
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  requireWholeDays(days);
  return format(parse(date) + days);
}

/** The nearest working day strictly after (step 1) or strictly before (step -1). */
function nextWorkingDayNumber(dayNumber: number, step: 1 | -1): number {
  let current = dayNumber + step;
  while (!isWorkingDayNumber(current)) {
    current += step;
  }
  return current;
}

export function lastWorkingDayOnOrBefore(date: IsoDate): IsoDate {
  const dayNumber = parse(date);
  return isWorkingDayNumber(dayNumber) ? date : format(nextWorkingDayNumber(dayNumber, -1));
}

/**
 * Steps working day by working day, so from a Saturday one working day forward is Monday and one back is Friday.
 * Zero days never lands on a non-working day: it falls back to the working day before, as deadlines do.
 */
export function addWorkingDays(date: IsoDate, days: number): IsoDate {
  requireWholeDays(days);
  if (days === 0) {
    return lastWorkingDayOnOrBefore(date);
  }
  const step = days > 0 ? 1 : -1;
  let current = parse(date);
  for (let i = 0; i < Math.abs(days); i++) {
    current = nextWorkingDayNumber(current, step);
  }
  return format(current);
}

/** Working days d with from < d <= to; negative when to is before from. */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const start = parse(from);
  const end = parse(to);
  if (end < start) {
    return -workingDaysBetween(to, from);
  }
  let count = 0;
  for (let current = start + 1; current <= end; current++) {
    if (isWorkingDayNumber(current)) {
      count++;
    }
  }
  return count;
}

/**
 * Every date from `from` to `to` with its running count of working days (counted from `from`), so SQL can take
 * workingDaysBetween(a, b) as number(b) - number(a) from a calendar table.
 */
export function workingCalendar(from: IsoDate, to: IsoDate): { day: IsoDate; workingDayNumber: number }[] {
  const end = parse(to);
  const days: { day: IsoDate; workingDayNumber: number }[] = [];
  let count = 0;
  for (let current = parse(from); current <= end; current++) {
    if (isWorkingDayNumber(current)) count++;
    days.push({ day: format(current), workingDayNumber: count });
  }
  return days;
}

/** Calendar days from one date to another (to - from). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return parse(to) - parse(from);
}

/** The date a London wall calendar shows at that instant (23:30Z on 30 June is already 1 July in London). */
export function londonDateOf(instant: Date): IsoDate {
  const date = DateTime.fromJSDate(instant, { zone: LONDON_ZONE }).toISODate();
  if (date === null) {
    throw new RangeError('Cannot take the London date of an invalid Date');
  }
  return date;
}

/** 17:00 London time on that date: 16:00Z in British Summer Time, 17:00Z in winter. */
export function endOfWorkingDay(date: IsoDate): Date {
  parse(date);
  const [year, month, day] = date.split('-').map(Number);
  return DateTime.fromObject({ year, month, day, hour: END_OF_WORKING_DAY_HOUR }, { zone: LONDON_ZONE }).toJSDate();
}
