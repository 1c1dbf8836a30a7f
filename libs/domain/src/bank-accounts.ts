/**
 * Bank account applications from prison (recommendation 10): the statuses banks send back, which
 * follow which, and who can apply at all. The inspection found only a minority of applications
 * succeeded, and that women with more than six weeks left were the only ones who could try.
 */
import { checkEligibility, EligibilityFacts, EligibilityVerdict } from './eligibility';
import { EligibilityRule } from './task-template';
import { CustodyStatus } from './woman';
import { BankAccountStatus } from '@app/contracts';
export { BankAccountStatus } from '@app/contracts';

export const BANK_ACCOUNT_STATUSES: readonly BankAccountStatus[] = Object.values(BankAccountStatus);

/** An application is active until the bank has decided: only one may be active per woman. */
export const FINAL_BANK_ACCOUNT_STATUSES: readonly BankAccountStatus[] = [
  BankAccountStatus.ACCOUNT_OPENED,
  BankAccountStatus.ACCOUNT_DECLINED,
  BankAccountStatus.RETURNED_INELIGIBLE,
];

export function isActiveBankAccountStatus(status: BankAccountStatus): boolean {
  return !FINAL_BANK_ACCOUNT_STATUSES.includes(status);
}

const DECISIONS: readonly BankAccountStatus[] = [
  BankAccountStatus.ACCOUNT_OPENED,
  BankAccountStatus.ACCOUNT_DECLINED,
  BankAccountStatus.RETURNED_INELIGIBLE,
  BankAccountStatus.RETURNED_INACCURATE,
  BankAccountStatus.RETURNED_INCOMPLETE,
];

const NEXT: Readonly<Record<BankAccountStatus, readonly BankAccountStatus[]>> = {
  [BankAccountStatus.PENDING]: DECISIONS,
  [BankAccountStatus.RESUBMITTED]: DECISIONS,
  // Inaccurate or incomplete forms can be fixed and sent again; the rest are the bank's last word.
  [BankAccountStatus.RETURNED_INACCURATE]: [BankAccountStatus.RESUBMITTED],
  [BankAccountStatus.RETURNED_INCOMPLETE]: [BankAccountStatus.RESUBMITTED],
  [BankAccountStatus.ACCOUNT_OPENED]: [],
  [BankAccountStatus.ACCOUNT_DECLINED]: [],
  [BankAccountStatus.RETURNED_INELIGIBLE]: [],
};

export function bankAccountTransitionProblem(from: BankAccountStatus, to: BankAccountStatus): string | null {
  if (NEXT[from].includes(to)) return null;
  const allowed = NEXT[from];
  return (
    `An application that is ${from} cannot become ${to}` +
    (allowed.length > 0 ? `; it can become ${allowed.join(', ')}` : `; ${from} is final`)
  );
}

/** Banks only take applications from women serving a sentence with more than six weeks left to serve. */
export const BANK_ACCOUNT_MIN_DAYS_TO_SERVE = 42;

/**
 * The one rule, shared by the catalogue's BANK_ACCOUNT task and the application endpoint. HMPPS's Offender
 * Banking Programme, run with the partner banks, is for people "soon to be released from custody" (Ministry of
 * Justice answer to PQ 6936, 11 September 2017), and the banks exclude people without a release date so that
 * accounts do not lie dormant (Unlock, "Opening a basic bank account before release"). That excludes remand,
 * not recall: a recalled woman is serving her sentence again and has a release date (the 2024 inspection's
 * seed: up to a third of releases from Bronzefield and Styal are recalled women).
 */
export const BANK_ACCOUNT_ELIGIBILITY: EligibilityRule = {
  custodyStatusIn: [CustodyStatus.SENTENCED, CustodyStatus.RECALLED],
  minDaysToServe: BANK_ACCOUNT_MIN_DAYS_TO_SERVE,
  requiresNoBankingBarrier: true,
};

export function checkBankAccountEligibility(facts: Omit<EligibilityFacts, 'releaseType'>): EligibilityVerdict {
  return checkEligibility(BANK_ACCOUNT_ELIGIBILITY, { ...facts, releaseType: null });
}
