/**
 * Coded reasons for withdrawing or returning a CRS referral, her needs and requirements, and the reason kept when
 * a referral follows her to another prison or release area. The codes are counted per provider in the provider
 * accountability report, so a withdrawal is never just free text.
 */
import {
  ReasonCodeEntry,
  RETURN_REASONS,
  ReferralNeedsAndRequirements,
  ReferralTransferKind,
  WITHDRAWAL_REASONS,
} from '@app/contracts';
import { FieldProblem } from './release-date';
export {
  WithdrawalReasonCode,
  WithdrawalReasonGroup,
  ReturnReasonCode,
  ReferralTransferKind,
  WITHDRAWAL_REASONS,
  WITHDRAWAL_REASON_GROUP_LABELS,
  RETURN_REASONS,
  reasonCodeLabel,
} from '@app/contracts';
export type { ReasonCodeEntry, ReferralNeedsAndRequirements, ReferralTransferView } from '@app/contracts';

export const WITHDRAWAL_REASON_CODES: readonly string[] = WITHDRAWAL_REASONS.map((r) => r.code);
export const RETURN_REASON_CODES: readonly string[] = RETURN_REASONS.map((r) => r.code);

/** The shortest free text that says anything (as the uncoded reason asked before). */
export const MIN_REASON_LENGTH = 3;

/** Problems with a coded reason, by field: an unknown code, or an "other" code with nothing said about it. */
export function codedReasonProblems(
  kind: 'WITHDRAW' | 'RETURN',
  body: { reasonCode?: unknown; reason?: unknown },
): FieldProblem[] {
  const list: readonly ReasonCodeEntry<string>[] = kind === 'WITHDRAW' ? WITHDRAWAL_REASONS : RETURN_REASONS;
  const entry = list.find((r) => r.code === body.reasonCode);
  const problems: FieldProblem[] = [];
  if (!entry) {
    problems.push({
      field: 'reasonCode',
      message: `reasonCode must be one of: ${list.map((r) => r.code).join(', ')}`,
    });
  }
  const text = typeof body.reason === 'string' ? body.reason.trim() : '';
  if (entry?.freeTextRequired && text.length < MIN_REASON_LENGTH) {
    problems.push({
      field: 'reason',
      message: `reason must say what happened when the code is ${entry.code} (${entry.label})`,
    });
  }
  return problems;
}

/** A yes needs its detail: the language she needs, and when she cannot take part. */
export function needsAndRequirementsProblems(needs: ReferralNeedsAndRequirements): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const blank = (s: string | null | undefined): boolean => !s || s.trim() === '';
  if (needs.needsInterpreter === true && blank(needs.interpreterLanguage)) {
    problems.push({
      field: 'needsAndRequirements.interpreterLanguage',
      message: 'Say which language she needs an interpreter for',
    });
  }
  if (needs.hasAdditionalResponsibilities === true && blank(needs.whenUnavailable)) {
    problems.push({
      field: 'needsAndRequirements.whenUnavailable',
      message: 'Say when her caring or work responsibilities mean she is unavailable',
    });
  }
  return problems;
}

/** Merges an edit into what she had: a field left out keeps its value; a "no" clears the detail it asked for. */
export function mergeNeedsAndRequirements(
  current: ReferralNeedsAndRequirements | null,
  change: ReferralNeedsAndRequirements,
): ReferralNeedsAndRequirements {
  const merged: ReferralNeedsAndRequirements = { ...(current ?? {}), ...change };
  if (merged.needsInterpreter === false) merged.interpreterLanguage = null;
  if (merged.hasAdditionalResponsibilities === false) merged.whenUnavailable = null;
  return merged;
}

/**
 * The reason kept when her open referrals follow her. The real service records a prison move against a referral as
 * an amendment of its prison establishment with a reason for the change (hmpps-interventions-service,
 * V1_179_0__alter_amendTypes_table.sql: PRISON_ESTABLISHMENT); a move out of the provider's area is a withdrawal
 * with code MOV, which stays the referrer's decision here.
 */
export function referralTransferReason(
  kind: ReferralTransferKind,
  fromCode: string,
  toCode: string,
  given?: string | null,
): string {
  const what =
    kind === ReferralTransferKind.PRISON
      ? `She was transferred from ${fromCode} to ${toCode}`
      : `Her release area changed from ${fromCode} to ${toCode}`;
  const said = given?.trim();
  return said ? `${what}: ${said}` : what;
}
