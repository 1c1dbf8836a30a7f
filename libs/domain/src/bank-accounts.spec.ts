import {
  bankAccountTransitionProblem,
  BankAccountStatus,
  checkBankAccountEligibility,
  isActiveBankAccountStatus,
} from './bank-accounts';
import { CustodyStatus } from './woman';

const facts = {
  custodyStatus: CustodyStatus.SENTENCED,
  releaseDate: '2026-09-30',
  today: '2026-06-01',
  flags: new Set<never>(),
  bankingBarrier: null,
};

describe('bank account applications', () => {
  it('lets an inaccurate or incomplete application be resubmitted, and nothing else follow a decision', () => {
    expect(
      bankAccountTransitionProblem(BankAccountStatus.RETURNED_INCOMPLETE, BankAccountStatus.RESUBMITTED),
    ).toBeNull();
    expect(
      bankAccountTransitionProblem(BankAccountStatus.RETURNED_INACCURATE, BankAccountStatus.RESUBMITTED),
    ).toBeNull();
    expect(bankAccountTransitionProblem(BankAccountStatus.RESUBMITTED, BankAccountStatus.ACCOUNT_OPENED)).toBeNull();
    expect(bankAccountTransitionProblem(BankAccountStatus.RETURNED_INELIGIBLE, BankAccountStatus.RESUBMITTED)).toMatch(
      /final/,
    );
    expect(bankAccountTransitionProblem(BankAccountStatus.PENDING, BankAccountStatus.RESUBMITTED)).toMatch(
      /cannot become RESUBMITTED/,
    );
  });

  it('counts an application as active until the bank has decided', () => {
    expect(isActiveBankAccountStatus(BankAccountStatus.PENDING)).toBe(true);
    expect(isActiveBankAccountStatus(BankAccountStatus.RETURNED_INCOMPLETE)).toBe(true);
    expect(isActiveBankAccountStatus(BankAccountStatus.ACCOUNT_OPENED)).toBe(false);
    expect(isActiveBankAccountStatus(BankAccountStatus.RETURNED_INELIGIBLE)).toBe(false);
  });

  it('is open to a sentenced woman with more than six weeks left and no barrier', () => {
    expect(checkBankAccountEligibility(facts)).toEqual({ eligible: true });
  });

  // Offender Banking Programme (MoJ answer to PQ 6936, 2017) and Unlock: excluded without a release date (remand).
  it('is open to a recalled woman, who is serving her sentence again with a release date', () => {
    expect(checkBankAccountEligibility({ ...facts, custodyStatus: CustodyStatus.RECALLED })).toEqual({
      eligible: true,
    });
  });

  it('gives every reason she cannot apply', () => {
    const verdict = checkBankAccountEligibility({
      ...facts,
      custodyStatus: CustodyStatus.REMANDED,
      today: '2026-09-01',
      bankingBarrier: 'Existing joint account with her partner',
    });
    expect(verdict).toEqual({
      eligible: false,
      reasons: [
        'She is remanded, not sentenced or recalled.',
        'She has 29 days left to serve; this task needs more than 42 days (6 weeks).',
        'A banking barrier is recorded: Existing joint account with her partner.',
      ],
    });
  });
});
