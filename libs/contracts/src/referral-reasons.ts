/**
 * The coded reasons a CRS referral is withdrawn or returned for, and what a referral says about her needs and
 * requirements: the vocabulary the API, the web forms and the reports share.
 */

/**
 * Withdrawal reasons: the codes, groups and wording of HMPPS "Refer and Monitor an Intervention"
 * (ministryofjustice/hmpps-interventions-service, src/main/resources/db/migration/V1_166__withdrawal_reason.sql,
 * descriptions of WOR and ANO as changed by V1_177__update_withdraw_reason_description.sql).
 */
export enum WithdrawalReasonCode {
  INE = 'INE',
  MIS = 'MIS',
  NOT = 'NOT',
  NEE = 'NEE',
  MOV = 'MOV',
  WOR = 'WOR',
  USE = 'USE',
  ACQ = 'ACQ',
  RET = 'RET',
  SER = 'SER',
  SEE = 'SEE',
  EAR = 'EAR',
  ANO = 'ANO',
}

/** The real service's groupings of withdrawal reasons ('problem', 'user', 'sentence', 'early', 'other'). */
export enum WithdrawalReasonGroup {
  PROBLEM = 'PROBLEM',
  USER = 'USER',
  SENTENCE = 'SENTENCE',
  EARLY = 'EARLY',
  OTHER = 'OTHER',
}

/**
 * Return reasons. The real service has no return: its referrals are amended by the probation practitioner, not
 * sent back. These codes are ours, drawn from why the inspection found referrals bounced back and forth (risk
 * information missing, outcomes unclear, outside what the provider is contracted for, a duplicate).
 */
export enum ReturnReasonCode {
  RISK_INFORMATION = 'RISK_INFORMATION',
  OUTCOMES_UNCLEAR = 'OUTCOMES_UNCLEAR',
  DETAILS_MISSING = 'DETAILS_MISSING',
  NOT_CONTRACTED = 'NOT_CONTRACTED',
  DUPLICATE = 'DUPLICATE',
  OTHER = 'OTHER',
}

export interface ReasonCodeEntry<C extends string, G extends string = string> {
  code: C;
  label: string;
  group: G;
  /** The free text must say what happened: the code alone says nothing. */
  freeTextRequired: boolean;
}

/**
 * What the referrer tells the provider about how to work with her (hmpps-interventions-ui
 * server/models/referralNeedsAndRequirents.ts: accessibility needs, additional needs, interpreter and language,
 * additional responsibilities and when she is unavailable).
 */
export interface ReferralNeedsAndRequirements {
  accessibilityNeeds?: string | null;
  additionalNeedsInformation?: string | null;
  needsInterpreter?: boolean | null;
  interpreterLanguage?: string | null;
  /** Caring or work responsibilities that limit when she can take part. */
  hasAdditionalResponsibilities?: boolean | null;
  whenUnavailable?: string | null;
}

/** How a referral came to follow her: a move between prisons, or a change of the area she is released to. */
export enum ReferralTransferKind {
  PRISON = 'PRISON',
  RELEASE_AREA = 'RELEASE_AREA',
}

export interface ReferralTransferView {
  kind: ReferralTransferKind;
  fromCode: string;
  toCode: string;
  reason: string;
  actorId: string | null;
  at: string;
}

const W = WithdrawalReasonCode;
const WG = WithdrawalReasonGroup;

export const WITHDRAWAL_REASON_GROUP_LABELS: Readonly<Record<WithdrawalReasonGroup, string>> = {
  [WG.PROBLEM]: 'Problem with the referral',
  [WG.USER]: 'Her circumstances changed',
  [WG.SENTENCE]: 'Her sentence changed',
  [WG.EARLY]: 'Work finished early',
  [WG.OTHER]: 'Other',
};

export const WITHDRAWAL_REASONS: readonly ReasonCodeEntry<WithdrawalReasonCode, WithdrawalReasonGroup>[] = [
  { code: W.INE, label: 'Ineligible referral', group: WG.PROBLEM, freeTextRequired: false },
  { code: W.MIS, label: 'Mistaken or duplicate referral', group: WG.PROBLEM, freeTextRequired: false },
  { code: W.NOT, label: 'Not engaged', group: WG.USER, freeTextRequired: false },
  { code: W.NEE, label: 'Needs met through another route', group: WG.USER, freeTextRequired: false },
  { code: W.MOV, label: 'Moved out of service area', group: WG.USER, freeTextRequired: false },
  { code: W.WOR, label: 'Work, caring commitments, or sickness', group: WG.USER, freeTextRequired: false },
  { code: W.USE, label: 'She died', group: WG.USER, freeTextRequired: false },
  { code: W.ACQ, label: 'Acquitted on appeal', group: WG.SENTENCE, freeTextRequired: false },
  { code: W.RET, label: 'Returned to custody', group: WG.SENTENCE, freeTextRequired: false },
  { code: W.SER, label: 'Sentence revoked', group: WG.SENTENCE, freeTextRequired: false },
  { code: W.SEE, label: 'Sentence expired', group: WG.SENTENCE, freeTextRequired: false },
  { code: W.EAR, label: 'Intervention has been completed', group: WG.EARLY, freeTextRequired: false },
  { code: W.ANO, label: 'Any other change of circumstance', group: WG.OTHER, freeTextRequired: true },
];

const R = ReturnReasonCode;

export const RETURN_REASONS: readonly ReasonCodeEntry<ReturnReasonCode>[] = [
  {
    code: R.RISK_INFORMATION,
    label: 'Risk information missing or incomplete',
    group: 'REFERRAL',
    freeTextRequired: false,
  },
  { code: R.OUTCOMES_UNCLEAR, label: 'Desired outcomes unclear', group: 'REFERRAL', freeTextRequired: false },
  { code: R.DETAILS_MISSING, label: 'Her details missing or wrong', group: 'REFERRAL', freeTextRequired: false },
  {
    code: R.NOT_CONTRACTED,
    label: 'Outside what the provider is contracted for',
    group: 'CONTRACT',
    freeTextRequired: false,
  },
  { code: R.DUPLICATE, label: 'Duplicate of an open referral', group: 'CONTRACT', freeTextRequired: false },
  { code: R.OTHER, label: 'Another reason', group: 'OTHER', freeTextRequired: true },
];

/** "MOV" -> "Moved out of service area"; an unknown code is shown as it is. */
export function reasonCodeLabel(code: string | null): string | null {
  if (code === null) return null;
  const entries: readonly ReasonCodeEntry<string>[] = [...WITHDRAWAL_REASONS, ...RETURN_REASONS];
  return entries.find((r) => r.code === code)?.label ?? code;
}
