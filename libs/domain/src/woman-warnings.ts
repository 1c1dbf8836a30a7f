/**
 * Warnings a board shows on a woman's card from the day she arrives, so a barrier is seen while there is
 * still time to work round it: a National Insurance number that cannot arrive before release by the normal
 * route, and a walk-out the day before a weekend or bank holiday that the Friday release rule left alone.
 */
import { daysBetween } from './calendar';
import { ComAllocationFacts, ComAllocationUrgency, comNotAllocated } from './com-allocation';
import { ID_DOCUMENT_ISSUERS, idDocumentTiming } from './id-documents';
import { NATIONAL_INSURANCE_ROUTE_DOCUMENT, nationalInsuranceRoute } from './national-insurance';
import { RELEASED_PRISON_CODE } from './prisons';
import { releaseBeforeClosedDaysWarning } from './release-day';
import { IsoDate } from './task-template';
import { SensitiveFlag } from './woman';
import { WomanWarningCode, WomanWarning } from '@app/contracts';
export { WomanWarningCode } from '@app/contracts';
export type { WomanWarning } from '@app/contracts';

export interface WomanWarningFacts {
  prisonCode: string;
  releaseDate: IsoDate | null;
  /** Which day-of-release rule gave the release date: the warning says why she still goes before closed days. */
  releaseDayRule?: string | null;
  /** Null when nobody has recorded whether she has one. */
  hasNationalInsuranceNumber: boolean | null;
  /** A foreign national is presumed never to have had a number (see national-insurance.ts). */
  sensitiveFlags: readonly SensitiveFlag[];
}

/** Her sentence facts, when the caller has them (a woman record): needed for the COM warning. */
type WithSentence = WomanWarningFacts & Partial<Omit<ComAllocationFacts, 'prisonCode'>>;

function comWarnings(woman: WithSentence, today: IsoDate): WomanWarning[] {
  if (woman.custodyStatus === undefined || woman.receptionDate === undefined) return [];
  // Allocated: nothing to warn of, and no copy of her record to make (most cards on a board).
  if (woman.comId !== undefined && woman.comId !== null) return [];
  const missing = comNotAllocated(
    {
      ...woman,
      custodyStatus: woman.custodyStatus,
      receptionDate: woman.receptionDate,
      sentenceStartDate: woman.sentenceStartDate ?? null,
      conditionalReleaseDate: woman.conditionalReleaseDate ?? null,
      automaticReleaseDate: woman.automaticReleaseDate ?? null,
      paroleEligibilityDate: woman.paroleEligibilityDate ?? null,
      releaseType: woman.releaseType ?? null,
      comId: woman.comId ?? null,
    },
    today,
  );
  if (!missing) return [];
  return [
    {
      code: WomanWarningCode.COM_NOT_ALLOCATED,
      message: missing.message,
      dueDate: missing.comAllocatedDate,
      overdue: missing.urgency === ComAllocationUrgency.OVERDUE,
    },
  ];
}

export function womanWarnings(woman: WithSentence, today: IsoDate): WomanWarning[] {
  const com = comWarnings(woman, today);
  if (woman.prisonCode === RELEASED_PRISON_CODE || woman.releaseDate === null) return com;
  if (daysBetween(today, woman.releaseDate) < 0) return com;
  const warnings: WomanWarning[] = [...com];
  // Confirming a number she has (HMRC, about 2 weeks) and getting a first one (DWP, about 8 weeks) differ by
  // six weeks: warn by the route she needs, not the slower one.
  const route = nationalInsuranceRoute({
    hasNationalInsuranceNumber: woman.hasNationalInsuranceNumber,
    flags: new Set(woman.sensitiveFlags),
  });
  if (route !== null) {
    const document = NATIONAL_INSURANCE_ROUTE_DOCUMENT[route];
    const timing = idDocumentTiming(document, woman.releaseDate, today);
    if (timing.feasibleBeforeRelease === false) {
      const { issuer, leadTimeDays } = ID_DOCUMENT_ISSUERS[document];
      warnings.push({
        code: WomanWarningCode.NI_NUMBER_TOO_LATE,
        values: { document, weeks: Math.round(leadTimeDays / 7) },
        message:
          `Her release is too close for a National Insurance number by the normal route (${issuer} takes about ` +
          `${Math.round(leadTimeDays / 7)} weeks): apply now so the letter follows her, and book a jobcentre appointment ` +
          'for her first working day out.',
      });
    }
  }
  const closed = releaseBeforeClosedDaysWarning(woman.releaseDate, woman.releaseDayRule);
  if (closed) {
    warnings.push({
      code: WomanWarningCode.RELEASE_BEFORE_CLOSED_DAYS,
      message: closed.message,
      values: closed.values,
    });
  }
  return warnings;
}
