/**
 * Which of a woman's HMPPS sentence dates is the day she walks out, the rule that brings a weekend or bank
 * holiday release forward, and the checks that catch sentence dates that cannot be right.
 */
import { daysBetween, isValidIsoDate } from './calendar';
import { dayOfRelease, DayOfReleaseFacts, DayOfReleaseRule } from './day-of-release';
import { chooseReleaseDate, noReleaseDateReason, PrecedenceDates, ReleaseDateSource } from './release-date-precedence';
import { IsoDate } from './task-template';

export { ReleaseDateSource } from './release-date-precedence';

/**
 * Her HMPPS sentence dates (names as ministryofjustice/prison-api's SentenceCalcDates has them). Expiry dates
 * (SED, LED, SLED, TUSED) never make her release date; they are here for the checks.
 */
export interface ReleaseDates extends PrecedenceDates {
  paroleEligibilityDate?: IsoDate | null;
  hdcEligibilityDate?: IsoDate | null;
  sentenceExpiryDate?: IsoDate | null;
  sentenceExpiryOverrideDate?: IsoDate | null;
  licenceExpiryDate?: IsoDate | null;
  licenceExpiryOverrideDate?: IsoDate | null;
  /** SLED: the calculation's one date when her sentence and licence expire together. */
  sentenceAndLicenceExpiryDate?: IsoDate | null;
  /** TUSED: the end of top-up supervision after a short sentence's licence. */
  topupSupervisionExpiryDate?: IsoDate | null;
}

type ReleaseDateField = Exclude<keyof ReleaseDates, 'custodyStatus'>;

export interface EffectiveReleaseDate {
  date: IsoDate;
  source: ReleaseDateSource;
  /** The date as recorded, before a weekend or bank holiday release was brought forward. */
  scheduledDate: IsoDate;
  /** Which date was used and why (its type, override or calculated, and what it beat). */
  reason: string;
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

/** The names a pre-release worker knows these dates by, for the problem messages. */
const RELEASE_DATE_LABELS: Readonly<Record<ReleaseDateField, string>> = {
  confirmedReleaseDate: 'The confirmed release date',
  actualParoleDate: 'The actual parole date',
  hdcActualDate: 'The HDC actual date',
  conditionalReleaseDate: 'The conditional release date (CRD)',
  automaticReleaseDate: 'The automatic release date (ARD)',
  paroleEligibilityDate: 'The parole eligibility date (PED)',
  hdcEligibilityDate: 'The HDC eligibility date (HDCED)',
  automaticReleaseOverrideDate: 'The ARD override',
  conditionalReleaseOverrideDate: 'The CRD override',
  nonParoleDate: 'The non-parole date (NPD)',
  nonParoleOverrideDate: 'The NPD override',
  postRecallReleaseDate: 'The post-recall release date (PRRD)',
  postRecallReleaseOverrideDate: 'The PRRD override',
  sentenceExpiryDate: 'The sentence expiry date (SED)',
  sentenceExpiryOverrideDate: 'The SED override',
  licenceExpiryDate: 'The licence expiry date (LED)',
  licenceExpiryOverrideDate: 'The LED override',
  sentenceAndLicenceExpiryDate: 'The sentence and licence expiry date (SLED)',
  topupSupervisionExpiryDate: 'The top-up supervision expiry date (TUSED)',
};

const RELEASE_DATE_FIELDS = Object.keys(RELEASE_DATE_LABELS) as ReleaseDateField[];

const MIN_AGE_AT_SENTENCE = 18;
const MAX_AGE_AT_SENTENCE = 110;

/**
 * The scheduled date by precedence, and the day she walks out by the day-of-release rules (weekends and bank
 * holidays, Friday and pre-bank-holiday release, her COM's request).
 * Throws a RangeError on a date that is not YYYY-MM-DD: run releaseDateProblems on input first.
 */
export function effectiveReleaseDate(dates: ReleaseDates & ReleaseDayFacts): EffectiveReleaseDate | null {
  const chosen = chooseReleaseDate(dates);
  if (chosen) {
    const { scheduledDate, source, reason } = chosen;
    const day = dayOfRelease({
      ...dates,
      scheduledDate,
      paroleBoardRelease: source === ReleaseDateSource.ACTUAL_PAROLE,
      homeDetentionCurfew: source === ReleaseDateSource.HDC_ACTUAL,
      extraDayRequested: Boolean(dates.releaseDayRequestReason),
    });
    return { date: day.walkOutDate, source, scheduledDate, reason, releaseDayRule: day.rule };
  }
  return null;
}

/** What a woman's record keeps of her release date: the date, its source and why (or why she has none). */
export function releaseDateRecord(dates: ReleaseDates & ReleaseDayFacts): {
  releaseDate: IsoDate | null;
  releaseDateSource: ReleaseDateSource | null;
  releaseDateReason: string | null;
  scheduledReleaseDate: IsoDate | null;
  releaseDayRule: DayOfReleaseRule | null;
} {
  const release = effectiveReleaseDate(dates);
  return {
    releaseDate: release?.date ?? null,
    releaseDateSource: release?.source ?? null,
    releaseDateReason: release?.reason ?? noReleaseDateReason(dates),
    scheduledReleaseDate: release?.scheduledDate ?? null,
    releaseDayRule: release?.releaseDayRule ?? null,
  };
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

  const mustNotBeAfter = (field: ReleaseDateField, limit: ReleaseDateField, why: string): void => {
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

  const mustNotBeBefore = (field: ReleaseDateField, floor: ReleaseDateField, why: string): void => {
    const date = valid.get(field);
    const floorDate = valid.get(floor);
    if (date && floorDate && daysBetween(floorDate, date) < 0) {
      const floorLabel = RELEASE_DATE_LABELS[floor].replace(/^The /, 'the ');
      problems.push({ field, message: `${RELEASE_DATE_LABELS[field]} is before ${floorLabel}; ${why}` });
    }
  };
  mustNotBeBefore('hdcActualDate', 'hdcEligibilityDate', 'she cannot go out on HDC before she is eligible.');
  mustNotBeBefore('actualParoleDate', 'paroleEligibilityDate', 'the Parole Board cannot release her before then.');

  problems.push(...expiryDateProblems(valid));
  return problems;
}

/** The date in force of one kind: the first of its fields holding a real date (an override before the calculated). */
function inForce(
  valid: Map<string, IsoDate>,
  ...fields: ReleaseDateField[]
): { field: ReleaseDateField; date: IsoDate } | null {
  for (const field of fields) {
    const date = valid.get(field);
    if (date) return { field, date };
  }
  return null;
}

const lower = (label: string): string => label.replace(/^The /, 'the ');

/**
 * Checks on the expiry dates against the release dates in force (an override counts where it is set), each one
 * a rule no real sentence breaks. The problem names the field that holds the date at fault.
 * - A release date (ARD, CRD, PRRD) is never after the sentence expires: the sentence is what holds her
 *   (ministryofjustice/calculate-release-dates-api, enumerations/ReleaseDateType.kt: SED, the sentence expiry date).
 * - Her licence runs from her release (CRD or PRRD) to the LED, so the LED is not before either.
 * - Top-up supervision starts the day after her licence ends (Criminal Justice Act 2003 s.256AA(2)-(3)), so the
 *   TUSED is after the LED.
 * - SLED stands for SED and LED on one day: with a different SED or LED beside it one of them is a typing mistake.
 */
function expiryDateProblems(valid: Map<string, IsoDate>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const sled = inForce(valid, 'sentenceAndLicenceExpiryDate');
  const sed = inForce(valid, 'sentenceExpiryOverrideDate', 'sentenceExpiryDate', 'sentenceAndLicenceExpiryDate');
  const led = inForce(valid, 'licenceExpiryOverrideDate', 'licenceExpiryDate', 'sentenceAndLicenceExpiryDate');
  const ard = inForce(valid, 'automaticReleaseOverrideDate', 'automaticReleaseDate');
  const crd = inForce(valid, 'conditionalReleaseOverrideDate', 'conditionalReleaseDate');
  const prrd = inForce(valid, 'postRecallReleaseOverrideDate', 'postRecallReleaseDate');
  const tused = inForce(valid, 'topupSupervisionExpiryDate');

  type InForce = { field: ReleaseDateField; date: IsoDate } | null;
  const notAfter = (date: InForce, limit: InForce, why: string): void => {
    if (date && limit && limit.field !== date.field && daysBetween(limit.date, date.date) > 0) {
      problems.push({
        field: date.field,
        message: `${RELEASE_DATE_LABELS[date.field]} is after ${lower(RELEASE_DATE_LABELS[limit.field])}; ${why}`,
      });
    }
  };
  const notBefore = (date: InForce, floor: InForce, why: string): void => {
    if (date && floor && floor.field !== date.field && daysBetween(floor.date, date.date) < 0) {
      problems.push({
        field: date.field,
        message: `${RELEASE_DATE_LABELS[date.field]} is before ${lower(RELEASE_DATE_LABELS[floor.field])}; ${why}`,
      });
    }
  };

  for (const [field, other] of [
    ['sentenceExpiryDate', 'SED'],
    ['licenceExpiryDate', 'LED'],
  ] as const) {
    const date = valid.get(field);
    if (sled && date && date !== sled.date) {
      problems.push({
        field: 'sentenceAndLicenceExpiryDate',
        message: `The SLED is the day both her sentence and her licence expire, but a different ${other} is given too: send one or the other.`,
      });
    }
  }
  for (const release of [ard, crd, prrd]) {
    notAfter(release, sed, 'she cannot be held past the end of her sentence.');
  }
  // A SLED is her SED too: a release after it is reported once, on the release date, by the check above.
  if (led?.field !== 'sentenceAndLicenceExpiryDate') {
    notBefore(led, crd, 'her licence starts when she is released.');
    notBefore(led, prrd, 'her licence starts again when she is released after recall.');
  }
  if (tused && led && daysBetween(led.date, tused.date) <= 0) {
    problems.push({
      field: 'topupSupervisionExpiryDate',
      message: `The top-up supervision expiry date (TUSED) is not after ${lower(RELEASE_DATE_LABELS[led.field])}; top-up supervision starts when her licence ends.`,
    });
  }
  return problems;
}
