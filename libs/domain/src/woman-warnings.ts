/**
 * Warnings a board shows on a woman's card from the day she arrives, so a barrier is seen while there is
 * still time to work round it: a National Insurance number that cannot arrive before release by the normal
 * route, and a walk-out the day before a weekend or bank holiday that the Friday release rule left alone.
 */
import { daysBetween } from './calendar';
import { IdDocumentType, idDocumentTiming } from './id-documents';
import { RELEASED_PRISON_CODE } from './prisons';
import { releaseBeforeClosedDaysWarning } from './release-day';
import { IsoDate } from './task-template';

export enum WomanWarningCode {
  NI_NUMBER_TOO_LATE = 'NI_NUMBER_TOO_LATE',
  RELEASE_BEFORE_CLOSED_DAYS = 'RELEASE_BEFORE_CLOSED_DAYS',
}

export interface WomanWarning {
  code: WomanWarningCode;
  message: string;
}

export interface WomanWarningFacts {
  prisonCode: string;
  releaseDate: IsoDate | null;
  /** Which day-of-release rule gave the release date: the warning says why she still goes before closed days. */
  releaseDayRule?: string | null;
  /** Null when nobody has recorded whether she has one. */
  hasNationalInsuranceNumber: boolean | null;
}

export function womanWarnings(woman: WomanWarningFacts, today: IsoDate): WomanWarning[] {
  if (woman.prisonCode === RELEASED_PRISON_CODE || woman.releaseDate === null) return [];
  if (daysBetween(today, woman.releaseDate) < 0) return [];
  const warnings: WomanWarning[] = [];
  if (woman.hasNationalInsuranceNumber !== true) {
    const timing = idDocumentTiming(IdDocumentType.NATIONAL_INSURANCE_NUMBER_LETTER, woman.releaseDate, today);
    if (timing.feasibleBeforeRelease === false) {
      warnings.push({
        code: WomanWarningCode.NI_NUMBER_TOO_LATE,
        message:
          'Her release is too close for a National Insurance number by the normal route (HMRC takes about 8 weeks): ' +
          'apply now so the letter follows her, and book a jobcentre appointment for her first working day out.',
      });
    }
  }
  const closed = releaseBeforeClosedDaysWarning(woman.releaseDate, woman.releaseDayRule);
  if (closed) warnings.push({ code: WomanWarningCode.RELEASE_BEFORE_CLOSED_DAYS, message: closed.message });
  return warnings;
}
