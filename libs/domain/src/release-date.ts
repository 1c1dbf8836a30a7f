/**
 * Which of a woman's HMPPS sentence dates is the day she walks out, the rule that brings a weekend or bank
 * holiday release forward, and the checks that catch sentence dates that cannot be right.
 */
import { daysBetween, isValidIsoDate } from './calendar';
import { dayOfRelease, DayOfReleaseFacts, DayOfReleaseRule } from './day-of-release';
import { IsoDate } from './task-template';

export interface ReleaseDates {
  confirmedReleaseDate?: IsoDate | null;
  actualParoleDate?: IsoDate | null;
  hdcActualDate?: IsoDate | null;
  conditionalReleaseDate?: IsoDate | null;
  automaticReleaseDate?: IsoDate | null;
  paroleEligibilityDate?: IsoDate | null;
  hdcEligibilityDate?: IsoDate | null;
}

export enum ReleaseDateSource {
  CONFIRMED = 'CONFIRMED',
  ACTUAL_PAROLE = 'ACTUAL_PAROLE',
  HDC_ACTUAL = 'HDC_ACTUAL',
  CRD = 'CRD',
  ARD = 'ARD',
}

export interface EffectiveReleaseDate {
  date: IsoDate;
  source: ReleaseDateSource;
  /** The date as recorded, before a weekend or bank holiday release was brought forward. */
  scheduledDate: IsoDate;
  /** Which rule moved her from the scheduled date to the day she walks out (day-of-release.ts). */
  releaseDayRule: DayOfReleaseRule;
}

/** What the day-of-release rule reads besides the dates; any may be missing (then it is not applied). */
export type ReleaseDayFacts = Omit<
  DayOfReleaseFacts,
  'scheduledDate' | 'paroleBoardRelease' | 'homeDetentionCurfew' | 'extraDayRequested'
> & {
  /** Her COM's reason for asking one more working day; present means the request stands. */
  releaseDayRequestReason?: string | null;
};

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Most certain first. PED and HDCED are absent on purpose: they say when she may be considered for release,
 * not when she will go.
 */
const RELEASE_DATE_PRECEDENCE: readonly { field: keyof ReleaseDates; source: ReleaseDateSource }[] = [
  { field: 'confirmedReleaseDate', source: ReleaseDateSource.CONFIRMED },
  { field: 'actualParoleDate', source: ReleaseDateSource.ACTUAL_PAROLE },
  { field: 'hdcActualDate', source: ReleaseDateSource.HDC_ACTUAL },
  { field: 'conditionalReleaseDate', source: ReleaseDateSource.CRD },
  { field: 'automaticReleaseDate', source: ReleaseDateSource.ARD },
];

/** The names a pre-release worker knows these dates by, for the problem messages. */
const RELEASE_DATE_LABELS: Readonly<Record<keyof ReleaseDates, string>> = {
  confirmedReleaseDate: 'The confirmed release date',
  actualParoleDate: 'The actual parole date',
  hdcActualDate: 'The HDC actual date',
  conditionalReleaseDate: 'The conditional release date (CRD)',
  automaticReleaseDate: 'The automatic release date (ARD)',
  paroleEligibilityDate: 'The parole eligibility date (PED)',
  hdcEligibilityDate: 'The HDC eligibility date (HDCED)',
};

const RELEASE_DATE_FIELDS = Object.keys(RELEASE_DATE_LABELS) as (keyof ReleaseDates)[];

const MIN_AGE_AT_SENTENCE = 18;
const MAX_AGE_AT_SENTENCE = 110;

/**
 * The scheduled date by precedence, and the day she walks out by the day-of-release rules (weekends and bank
 * holidays, Friday and pre-bank-holiday release, her COM's request).
 * Throws a RangeError on a date that is not YYYY-MM-DD: run releaseDateProblems on input first.
 */
export function effectiveReleaseDate(dates: ReleaseDates & ReleaseDayFacts): EffectiveReleaseDate | null {
  for (const { field, source } of RELEASE_DATE_PRECEDENCE) {
    const scheduledDate = dates[field];
    if (scheduledDate) {
      const day = dayOfRelease({
        ...dates,
        scheduledDate,
        paroleBoardRelease: source === ReleaseDateSource.ACTUAL_PAROLE,
        homeDetentionCurfew: source === ReleaseDateSource.HDC_ACTUAL,
        extraDayRequested: Boolean(dates.releaseDayRequestReason),
      });
      return { date: day.walkOutDate, source, scheduledDate, releaseDayRule: day.rule };
    }
  }
  return null;
}

type ReleaseDateInput = {
  dateOfBirth?: IsoDate | null;
  sentenceStartDate?: IsoDate | null;
  receptionDate?: IsoDate | null;
} & ReleaseDates;

type DateField = keyof ReleaseDateInput;

function yearsBetween(from: IsoDate, to: IsoDate): number {
  const [fromYear, fromMonthDay] = [Number(from.slice(0, 4)), from.slice(5)];
  const [toYear, toMonthDay] = [Number(to.slice(0, 4)), to.slice(5)];
  return toYear - fromYear - (toMonthDay < fromMonthDay ? 1 : 0);
}

/**
 * Only rules that cannot be broken by a real sentence: anything looser would bury the typing mistakes these
 * checks exist to catch under false alarms.
 */
export function releaseDateProblems(input: ReleaseDateInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const dateFields: DateField[] = ['dateOfBirth', 'sentenceStartDate', 'receptionDate', ...RELEASE_DATE_FIELDS];

  // A date that is not a real date is reported once and then left out of every comparison.
  const valid = new Map<DateField, IsoDate>();
  for (const field of dateFields) {
    const value = input[field];
    if (value === undefined || value === null || value === '') {
      continue;
    }
    if (isValidIsoDate(value)) {
      valid.set(field, value);
    } else {
      problems.push({ field, message: `'${value}' is not a real date in the form YYYY-MM-DD.` });
    }
  }

  const dateOfBirth = valid.get('dateOfBirth');
  const sentenceStartDate = valid.get('sentenceStartDate');
  const receptionDate = valid.get('receptionDate');

  if (dateOfBirth && sentenceStartDate) {
    if (daysBetween(dateOfBirth, sentenceStartDate) < 0) {
      problems.push({ field: 'sentenceStartDate', message: 'The sentence start date is before her date of birth.' });
    } else {
      const age = yearsBetween(dateOfBirth, sentenceStartDate);
      if (age < MIN_AGE_AT_SENTENCE) {
        problems.push({
          field: 'dateOfBirth',
          message: `The date of birth makes her ${age} at the start of her sentence; women's prisons hold women aged ${MIN_AGE_AT_SENTENCE} and over.`,
        });
      } else if (age > MAX_AGE_AT_SENTENCE) {
        problems.push({
          field: 'dateOfBirth',
          message: `The date of birth makes her ${age} at the start of her sentence, which cannot be right.`,
        });
      }
    }
  }
  if (dateOfBirth && receptionDate && daysBetween(dateOfBirth, receptionDate) < 0) {
    problems.push({ field: 'receptionDate', message: 'The reception date is before her date of birth.' });
  }

  for (const field of RELEASE_DATE_FIELDS) {
    const date = valid.get(field);
    if (!date) {
      continue;
    }
    if (sentenceStartDate && daysBetween(sentenceStartDate, date) < 0) {
      problems.push({ field, message: `${RELEASE_DATE_LABELS[field]} is before the sentence start date.` });
    }
    if (receptionDate && daysBetween(receptionDate, date) < 0) {
      problems.push({ field, message: `${RELEASE_DATE_LABELS[field]} is before the reception date.` });
    }
  }

  const mustNotBeAfter = (field: keyof ReleaseDates, limit: keyof ReleaseDates, why: string): void => {
    const date = valid.get(field);
    const limitDate = valid.get(limit);
    if (date && limitDate && daysBetween(limitDate, date) > 0) {
      const limitLabel = RELEASE_DATE_LABELS[limit].replace(/^The /, 'the ');
      problems.push({ field, message: `${RELEASE_DATE_LABELS[field]} is after ${limitLabel}; ${why}` });
    }
  };
  mustNotBeAfter('hdcEligibilityDate', 'conditionalReleaseDate', 'home detention curfew is release before the CRD.');
  mustNotBeAfter('hdcActualDate', 'conditionalReleaseDate', 'home detention curfew is release before the CRD.');
  mustNotBeAfter('paroleEligibilityDate', 'automaticReleaseDate', 'she would be released automatically first.');

  const mustNotBeBefore = (field: keyof ReleaseDates, floor: keyof ReleaseDates, why: string): void => {
    const date = valid.get(field);
    const floorDate = valid.get(floor);
    if (date && floorDate && daysBetween(floorDate, date) < 0) {
      const floorLabel = RELEASE_DATE_LABELS[floor].replace(/^The /, 'the ');
      problems.push({ field, message: `${RELEASE_DATE_LABELS[field]} is before ${floorLabel}; ${why}` });
    }
  };
  mustNotBeBefore('hdcActualDate', 'hdcEligibilityDate', 'she cannot go out on HDC before she is eligible.');
  mustNotBeBefore('actualParoleDate', 'paroleEligibilityDate', 'the Parole Board cannot release her before then.');

  return problems;
}
