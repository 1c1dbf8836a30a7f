/**
 * National Insurance numbers: which of two routes a woman without her number in hand needs, because the two
 * are run by different departments and take very different times.
 * - Confirming a number she already has: HMRC posts it on request (gov.uk "Get your National Insurance number",
 *   form CA5403: "It can take up to 15 days to get your National Insurance number by post").
 * - A number she never had: the Department for Work and Pensions allocates it after checking her identity
 *   (gov.uk "Apply for a National Insurance number"; it may ask for an evidence of identity interview).
 * Anyone living in the UK is usually sent a number automatically before her 16th birthday (gov.uk "Apply for a
 * National Insurance number"), so only a woman recorded as a foreign national is presumed never to have had one;
 * the confirm task tells staff to switch to a new application if HMRC finds no number (a girl in care may
 * never have been sent one).
 */
import { IdDocumentType } from './id-documents';
import { SensitiveFlag } from './woman';

export enum NationalInsuranceRoute {
  CONFIRM_EXISTING = 'CONFIRM_EXISTING',
  APPLY_FOR_NEW = 'APPLY_FOR_NEW',
}

/** The ID document application that follows each route (see ID_DOCUMENT_ISSUERS for lead times and sources). */
export const NATIONAL_INSURANCE_ROUTE_DOCUMENT: Readonly<Record<NationalInsuranceRoute, IdDocumentType>> = {
  [NationalInsuranceRoute.CONFIRM_EXISTING]: IdDocumentType.NATIONAL_INSURANCE_NUMBER_LETTER,
  [NationalInsuranceRoute.APPLY_FOR_NEW]: IdDocumentType.NEW_NATIONAL_INSURANCE_NUMBER,
};

export interface NationalInsuranceFacts {
  /** True: she has her number; false: recorded as not having it; null: nobody has asked yet. */
  hasNationalInsuranceNumber: boolean | null;
  flags: ReadonlySet<SensitiveFlag>;
}

/** Null when she has her number: nothing to do. */
export function nationalInsuranceRoute(facts: NationalInsuranceFacts): NationalInsuranceRoute | null {
  if (facts.hasNationalInsuranceNumber === true) return null;
  return facts.flags.has(SensitiveFlag.FOREIGN_NATIONAL)
    ? NationalInsuranceRoute.APPLY_FOR_NEW
    : NationalInsuranceRoute.CONFIRM_EXISTING;
}
