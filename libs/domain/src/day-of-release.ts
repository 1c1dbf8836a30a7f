/**
 * The day she actually walks out of the gate, from the day her sentence says (the scheduled date):
 *
 * 1. Weekends and bank holidays. Criminal Justice Act 1961 s.23(3) (as amended by LASPO 2012 Sch.10 para.2 and
 *    the Offenders (Day of Release from Detention) Act 2023 s.1(2)): a release that would fall on a Saturday,
 *    Sunday or public holiday happens on the last day before it that is none of those.
 * 2. Friday and pre-bank-holiday release. CJA 1961 s.23(3B)-(3D), inserted by the Offenders (Day of Release from
 *    Detention) Act 2023 s.1(3), in force 12 December 2023 (S.I. 2023/1329): when that day is a working day
 *    immediately followed by a non-working day (a Friday, or the day before a bank holiday), she may be released
 *    on an "eligible working day" (a working day not immediately followed by a non-working day) up to two working
 *    days earlier. HMPPS's policy framework "Offenders (Day of Release from Detention) Act 2023" (published
 *    22 November 2023, in force 12 December 2023) makes that a presumption: sentenced adults who have served at
 *    least 28 days in custody since the date of sentence (time served before a recall counts, cumulatively) go
 *    on the previous eligible working day; not on home detention curfew, not indeterminate sentences, not a
 *    discretionary release directed by the Parole Board. Her community offender manager may apply for her to go
 *    one working day earlier still where that better serves her resettlement, within the Act's two-day limit.
 *    (Summary of the framework: Nacro, "End Friday releases", nacro.org.uk, November 2023.) HMPPS's own
 *    calculate-release-dates service names the resulting day the non-Friday release day (NonFridayReleaseService).
 *
 * Decided here where the framework is silent, each documented in the README:
 * - no eligible working day within two working days: she stays on the day rule 1 gives (the Act only permits an
 *   eligible day within the limit, so there is nothing lawful to move her to);
 * - days served are counted to the day rule 1 gives (the day she would otherwise go); unknown days served (no
 *   sentence start date) mean the presumption is not applied, shown as such, so someone records the date;
 * - the COM's extra day must itself be an eligible working day within the two-day limit, or it cannot apply.
 */
import { addCalendarDays, daysBetween, isWorkingDay } from './calendar';
import { IsoDate } from './task-template';
import { CustodyStatus, ReleaseType } from './woman';

/** Which rule decided the day she walks out; when the Friday rule is not applied, why not. */
export enum DayOfReleaseRule {
  /** The scheduled date is a working day followed by a working day: she goes that day. */
  NOT_MOVED = 'NOT_MOVED',
  /** CJA 1961 s.23(3) alone moved her (a weekend or bank holiday), to a day followed by a working day. */
  WEEKEND_OR_BANK_HOLIDAY = 'WEEKEND_OR_BANK_HOLIDAY',
  /** CJA 1961 s.23(3B) and the HMPPS presumption: the previous eligible working day. */
  FRIDAY_OR_PRE_BANK_HOLIDAY = 'FRIDAY_OR_PRE_BANK_HOLIDAY',
  /** Her COM's request: one more (eligible) working day earlier, within the two-day limit. */
  COM_REQUEST = 'COM_REQUEST',
  /** She would go before a weekend or bank holiday and the presumption does not apply to her, because: */
  EXCLUDED_HDC = 'EXCLUDED_HDC',
  EXCLUDED_INDETERMINATE = 'EXCLUDED_INDETERMINATE',
  EXCLUDED_PAROLE_BOARD = 'EXCLUDED_PAROLE_BOARD',
  EXCLUDED_NOT_SENTENCED = 'EXCLUDED_NOT_SENTENCED',
  EXCLUDED_UNDER_28_DAYS = 'EXCLUDED_UNDER_28_DAYS',
  EXCLUDED_DAYS_SERVED_UNKNOWN = 'EXCLUDED_DAYS_SERVED_UNKNOWN',
  /** No eligible working day within two working days: she stays on the s.23(3) day. */
  NO_ELIGIBLE_DAY = 'NO_ELIGIBLE_DAY',
}

export const DAY_OF_RELEASE_RULES: readonly DayOfReleaseRule[] = Object.values(DayOfReleaseRule);

/** Words for the board: "Scheduled Fri 18 Dec, walks out Thu 17 Dec (Friday release rule)". */
export const DAY_OF_RELEASE_RULE_LABELS: Readonly<Record<DayOfReleaseRule, string>> = {
  NOT_MOVED: 'release day as scheduled',
  WEEKEND_OR_BANK_HOLIDAY: 'weekend or bank holiday rule, CJA 1961 s.23(3)',
  FRIDAY_OR_PRE_BANK_HOLIDAY: 'Friday and pre-bank-holiday release rule, CJA 1961 s.23(3B)',
  COM_REQUEST: "one more working day at her COM's request, CJA 1961 s.23(3B)",
  EXCLUDED_HDC: 'Friday release rule not applied: home detention curfew',
  EXCLUDED_INDETERMINATE: 'Friday release rule not applied: indeterminate sentence',
  EXCLUDED_PAROLE_BOARD: 'Friday release rule not applied: Parole Board release',
  EXCLUDED_NOT_SENTENCED: 'Friday release rule not applied: not serving a sentence',
  EXCLUDED_UNDER_28_DAYS: 'Friday release rule not applied: under 28 days served since sentence',
  EXCLUDED_DAYS_SERVED_UNKNOWN: 'Friday release rule not applied: no sentence start date to count 28 days from',
  NO_ELIGIBLE_DAY: 'Friday release rule: no eligible working day within two working days',
};

/** HMPPS policy framework: the presumption is for those with at least 28 days served since sentence. */
export const MIN_DAYS_SERVED_FOR_EARLY_RELEASE = 28;
/** CJA 1961 s.23(3B): up to two working days before the day she would otherwise go. */
export const MAX_WORKING_DAYS_EARLY = 2;

/** Whether a date is a working day; England and Wales by default, replaceable so tests can build rare calendars. */
export type WorkingDayTest = (date: IsoDate) => boolean;

/** The facts the rule reads; strings are accepted for the enums so API views can be passed as they are. */
export interface DayOfReleaseFacts {
  scheduledDate: IsoDate;
  custodyStatus?: CustodyStatus | string | null;
  releaseType?: ReleaseType | string | null;
  indeterminateSentence?: boolean | null;
  /** A Parole Board release (actual parole date, or release type PAROLE). */
  paroleBoardRelease?: boolean;
  /** An HDC release (HDC actual date, or release type HDC). */
  homeDetentionCurfew?: boolean;
  sentenceStartDate?: IsoDate | null;
  /** Her last reception: for a recalled woman, the day she came back. */
  receptionDate?: IsoDate | null;
  /** For a recalled woman, the release she was recalled from: time served before it counts. */
  releasedOn?: IsoDate | null;
  /** Her COM has asked for one more working day. */
  extraDayRequested?: boolean;
}

export interface DayOfRelease {
  scheduledDate: IsoDate;
  walkOutDate: IsoDate;
  rule: DayOfReleaseRule;
}

/** A working day immediately followed by a non-working day: a Friday, or the day before a bank holiday. */
export function precedesNonWorkingDay(date: IsoDate, working: WorkingDayTest = isWorkingDay): boolean {
  return working(date) && !working(addCalendarDays(date, 1));
}

/** CJA 1961 s.23(3B)-(3C): a working day not immediately followed by a non-working day. */
export function isEligibleWorkingDay(date: IsoDate, working: WorkingDayTest = isWorkingDay): boolean {
  return working(date) && working(addCalendarDays(date, 1));
}

/** CJA 1961 s.23(3): the last day on or before that is not a Saturday, Sunday or public holiday. */
function lastWorkingDayOnOrBefore(date: IsoDate, working: WorkingDayTest): IsoDate {
  let day = date;
  while (!working(day)) day = addCalendarDays(day, -1);
  return day;
}

/** The working days up to two before `day` that are eligible, nearest first. */
function eligibleDaysWithinLimit(day: IsoDate, working: WorkingDayTest): IsoDate[] {
  const eligible: IsoDate[] = [];
  let current = day;
  for (let step = 0; step < MAX_WORKING_DAYS_EARLY; step++) {
    current = lastWorkingDayOnOrBefore(addCalendarDays(current, -1), working);
    if (isEligibleWorkingDay(current, working)) eligible.push(current);
  }
  return eligible;
}

/**
 * Days in custody since sentence by `day`, or null when they cannot be counted. A recalled woman's time before
 * the release she was recalled from counts (HMPPS policy framework: "cumulatively ... since the date of their
 * sentence"); the gap she spent outside does not.
 */
export function daysServedSinceSentence(facts: DayOfReleaseFacts, day: IsoDate): number | null {
  if (!facts.sentenceStartDate) return null;
  if (facts.custodyStatus !== CustodyStatus.RECALLED) return daysBetween(facts.sentenceStartDate, day);
  if (!facts.receptionDate) return null;
  const sinceRecall = daysBetween(facts.receptionDate, day);
  const beforeRecall =
    facts.releasedOn && daysBetween(facts.sentenceStartDate, facts.releasedOn) > 0
      ? daysBetween(facts.sentenceStartDate, facts.releasedOn)
      : 0;
  return sinceRecall + beforeRecall;
}

/** Why the presumption does not apply to her, or null when it does. The exclusions are the framework's. */
function exclusion(facts: DayOfReleaseFacts, day: IsoDate): DayOfReleaseRule | null {
  if (facts.homeDetentionCurfew || facts.releaseType === ReleaseType.HDC) return DayOfReleaseRule.EXCLUDED_HDC;
  if (facts.indeterminateSentence) return DayOfReleaseRule.EXCLUDED_INDETERMINATE;
  if (facts.paroleBoardRelease || facts.releaseType === ReleaseType.PAROLE) {
    return DayOfReleaseRule.EXCLUDED_PAROLE_BOARD;
  }
  if (facts.custodyStatus !== CustodyStatus.SENTENCED && facts.custodyStatus !== CustodyStatus.RECALLED) {
    return DayOfReleaseRule.EXCLUDED_NOT_SENTENCED;
  }
  const served = daysServedSinceSentence(facts, day);
  if (served === null) return DayOfReleaseRule.EXCLUDED_DAYS_SERVED_UNKNOWN;
  if (served < MIN_DAYS_SERVED_FOR_EARLY_RELEASE) return DayOfReleaseRule.EXCLUDED_UNDER_28_DAYS;
  return null;
}

/**
 * The day she walks out and the rule that decided it. Throws a RangeError on a date that is not YYYY-MM-DD.
 */
export function dayOfRelease(facts: DayOfReleaseFacts, working: WorkingDayTest = isWorkingDay): DayOfRelease {
  const { scheduledDate } = facts;
  const weekdayRelease = lastWorkingDayOnOrBefore(scheduledDate, working);
  const byWeekendRule: DayOfRelease = {
    scheduledDate,
    walkOutDate: weekdayRelease,
    rule: weekdayRelease === scheduledDate ? DayOfReleaseRule.NOT_MOVED : DayOfReleaseRule.WEEKEND_OR_BANK_HOLIDAY,
  };
  if (!precedesNonWorkingDay(weekdayRelease, working)) return byWeekendRule;

  const excludedBecause = exclusion(facts, weekdayRelease);
  if (excludedBecause) return { ...byWeekendRule, rule: excludedBecause };

  const [presumed, oneMore] = eligibleDaysWithinLimit(weekdayRelease, working);
  if (!presumed) return { ...byWeekendRule, rule: DayOfReleaseRule.NO_ELIGIBLE_DAY };
  if (facts.extraDayRequested && oneMore) {
    return { scheduledDate, walkOutDate: oneMore, rule: DayOfReleaseRule.COM_REQUEST };
  }
  return { scheduledDate, walkOutDate: presumed, rule: DayOfReleaseRule.FRIDAY_OR_PRE_BANK_HOLIDAY };
}

/** Whether her COM's request would move her a day: the rule applies and an eligible day is left within the limit. */
export function extraDayRequestWouldApply(facts: DayOfReleaseFacts, working: WorkingDayTest = isWorkingDay): boolean {
  return dayOfRelease({ ...facts, extraDayRequested: true }, working).rule === DayOfReleaseRule.COM_REQUEST;
}
