import { checkEligibility, EligibilityFacts } from './eligibility';
import { EligibilityRule } from './task-template';
import { CustodyStatus, ReleaseType, SensitiveFlag } from './woman';

const sentencedWithTimeToServe: EligibilityFacts = {
  custodyStatus: CustodyStatus.SENTENCED,
  releaseType: ReleaseType.LICENCE,
  releaseDate: '2026-09-30',
  today: '2026-06-01',
  flags: new Set(),
};

// The prison banking scheme's rule (see bank-accounts.ts): serving a sentence (sentenced or recalled), not remand.
const bankAccountRule: EligibilityRule = {
  custodyStatusIn: [CustodyStatus.SENTENCED, CustodyStatus.RECALLED],
  minDaysToServe: 42,
};

describe('checkEligibility', () => {
  it('is eligible for a rule with no conditions', () => {
    expect(checkEligibility({}, { ...sentencedWithTimeToServe, releaseDate: null })).toEqual({ eligible: true });
  });

  describe('the bank account rule (sentenced, more than six weeks left to serve)', () => {
    it('is eligible for a sentenced woman with months left', () => {
      expect(checkEligibility(bankAccountRule, sentencedWithTimeToServe)).toEqual({ eligible: true });
    });

    it('is eligible with 43 days left', () => {
      expect(checkEligibility(bankAccountRule, { ...sentencedWithTimeToServe, today: '2026-08-18' })).toEqual({
        eligible: true,
      });
    });

    it('is not eligible with exactly 42 days left: she needs more than six weeks', () => {
      expect(checkEligibility(bankAccountRule, { ...sentencedWithTimeToServe, today: '2026-08-19' })).toEqual({
        eligible: false,
        reasons: ['She has 42 days left to serve; this task needs more than 42 days (6 weeks).'],
      });
    });

    it('is not eligible with 30 days left', () => {
      expect(checkEligibility(bankAccountRule, { ...sentencedWithTimeToServe, today: '2026-08-31' })).toEqual({
        eligible: false,
        reasons: ['She has 30 days left to serve; this task needs more than 42 days (6 weeks).'],
      });
    });

    it('is not eligible when remanded, and says so plainly', () => {
      expect(
        checkEligibility(bankAccountRule, { ...sentencedWithTimeToServe, custodyStatus: CustodyStatus.REMANDED }),
      ).toEqual({ eligible: false, reasons: ['She is remanded, not sentenced or recalled.'] });
    });

    it('is eligible when recalled: she is serving her sentence again, with a release date', () => {
      const verdict = checkEligibility(bankAccountRule, {
        ...sentencedWithTimeToServe,
        custodyStatus: CustodyStatus.RECALLED,
      });
      expect(verdict).toEqual({ eligible: true });
    });

    it('gives every reason at once', () => {
      const verdict = checkEligibility(bankAccountRule, {
        ...sentencedWithTimeToServe,
        custodyStatus: CustodyStatus.REMANDED,
        today: '2026-09-29',
      });
      expect(verdict).toEqual({
        eligible: false,
        reasons: [
          'She is remanded, not sentenced or recalled.',
          'She has 1 day left to serve; this task needs more than 42 days (6 weeks).',
        ],
      });
    });

    it('is not eligible when the release date is unknown, and says the date is unknown', () => {
      expect(checkEligibility(bankAccountRule, { ...sentencedWithTimeToServe, releaseDate: null })).toEqual({
        eligible: false,
        reasons: [
          'Her release date is unknown, so we cannot tell if she has more than 42 days (6 weeks) left to serve.',
        ],
      });
    });

    it('is not eligible on her release day', () => {
      const verdict = checkEligibility(bankAccountRule, { ...sentencedWithTimeToServe, today: '2026-09-30' });
      expect(verdict).toEqual({
        eligible: false,
        reasons: ['She is released today; this task needs more than 42 days (6 weeks) left to serve.'],
      });
    });

    it('is not eligible once the release date has passed', () => {
      const verdict = checkEligibility(bankAccountRule, { ...sentencedWithTimeToServe, today: '2026-10-02' });
      expect(verdict).toEqual({
        eligible: false,
        reasons: [
          'Her release date (2026-09-30) has passed; this task needs more than 42 days (6 weeks) left to serve.',
        ],
      });
    });
  });

  it('shows days alone when the minimum is not a whole number of weeks', () => {
    const verdict = checkEligibility({ minDaysToServe: 10 }, { ...sentencedWithTimeToServe, today: '2026-09-25' });
    expect(verdict).toEqual({
      eligible: false,
      reasons: ['She has 5 days left to serve; this task needs more than 10 days.'],
    });
  });

  it('lists every allowed custody status', () => {
    const verdict = checkEligibility(
      { custodyStatusIn: [CustodyStatus.SENTENCED, CustodyStatus.RECALLED] },
      { ...sentencedWithTimeToServe, custodyStatus: CustodyStatus.REMANDED },
    );
    expect(verdict).toEqual({ eligible: false, reasons: ['She is remanded, not sentenced or recalled.'] });
  });

  describe('release type', () => {
    const supervisedOnly: EligibilityRule = { releaseTypeIn: [ReleaseType.LICENCE, ReleaseType.HDC] };

    it('is eligible for an allowed release type', () => {
      expect(checkEligibility(supervisedOnly, { ...sentencedWithTimeToServe, releaseType: ReleaseType.HDC })).toEqual({
        eligible: true,
      });
    });

    it('is not eligible when released at sentence end with no supervision', () => {
      const verdict = checkEligibility(supervisedOnly, {
        ...sentencedWithTimeToServe,
        releaseType: ReleaseType.SENTENCE_END_NO_SUPERVISION,
      });
      expect(verdict).toEqual({
        eligible: false,
        reasons: [
          'She is being released at the end of her sentence with no supervision; this task is only for women released on licence or on home detention curfew (HDC).',
        ],
      });
    });

    it('is not eligible while the release type is unknown', () => {
      const verdict = checkEligibility(supervisedOnly, { ...sentencedWithTimeToServe, releaseType: null });
      expect(verdict.eligible).toBe(false);
      expect(verdict.eligible === false && verdict.reasons[0]).toMatch(/^Her release type is not known yet/);
    });
  });

  describe('required flag', () => {
    const mothersOnly: EligibilityRule = { requiresFlag: SensitiveFlag.DEPENDENT_CHILDREN };

    it('is eligible with the flag', () => {
      expect(
        checkEligibility(mothersOnly, {
          ...sentencedWithTimeToServe,
          flags: new Set([SensitiveFlag.DEPENDENT_CHILDREN]),
        }),
      ).toEqual({ eligible: true });
    });

    it('is not eligible without the flag', () => {
      expect(
        checkEligibility(mothersOnly, { ...sentencedWithTimeToServe, flags: new Set([SensitiveFlag.MENTAL_HEALTH]) }),
      ).toEqual({ eligible: false, reasons: ['This task is only for women with dependent children.'] });
    });
  });
});
