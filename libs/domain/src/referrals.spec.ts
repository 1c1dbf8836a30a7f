import {
  actionsFrom,
  endOfServiceProblems,
  makeReferralReference,
  REFERRAL_REFERENCE_PATTERN,
  ReferralAction,
  referralSendProblems,
  ReferralOutcome,
  ReferralStatus,
  referralTransitionProblem,
  RoshLevel,
  stageOpenedBy,
  ReferralStage,
} from './referrals';
import { Pathway } from './pathways';
import { Complexity } from './woman';

describe('referral transitions', () => {
  it('follows the path from draft to ended', () => {
    const path: [ReferralStatus, ReferralAction][] = [
      [ReferralStatus.DRAFT, ReferralAction.SEND],
      [ReferralStatus.SENT, ReferralAction.ASSIGN],
      [ReferralStatus.ASSIGNED, ReferralAction.BOOK_ASSESSMENT],
      [ReferralStatus.ASSESSMENT_BOOKED, ReferralAction.SUBMIT_ACTION_PLAN],
      [ReferralStatus.ACTION_PLAN_SUBMITTED, ReferralAction.APPROVE_ACTION_PLAN],
      [ReferralStatus.ACTION_PLAN_APPROVED, ReferralAction.START_DELIVERY],
      [ReferralStatus.IN_DELIVERY, ReferralAction.END],
    ];
    for (const [status, action] of path) expect(referralTransitionProblem(status, action)).toBeNull();
  });

  it('refuses to approve an action plan that was never submitted, and says what can happen instead', () => {
    expect(referralTransitionProblem(ReferralStatus.ASSIGNED, ReferralAction.APPROVE_ACTION_PLAN)).toBe(
      'A referral that is ASSIGNED cannot APPROVE_ACTION_PLAN; from ASSIGNED it can: BOOK_ASSESSMENT, WITHDRAW, RETURN',
    );
  });

  it('treats ended and withdrawn as final', () => {
    expect(actionsFrom(ReferralStatus.ENDED)).toEqual([]);
    expect(actionsFrom(ReferralStatus.WITHDRAWN)).toEqual([]);
    expect(referralTransitionProblem(ReferralStatus.ENDED, ReferralAction.WITHDRAW)).toMatch(/ENDED is final/);
  });

  it('lets a returned referral be sent again, but not returned twice', () => {
    expect(referralTransitionProblem(ReferralStatus.RETURNED, ReferralAction.SEND)).toBeNull();
    expect(referralTransitionProblem(ReferralStatus.RETURNED, ReferralAction.RETURN)).not.toBeNull();
  });

  it('does not let a provider return a referral once delivery has started', () => {
    expect(referralTransitionProblem(ReferralStatus.IN_DELIVERY, ReferralAction.RETURN)).not.toBeNull();
  });

  it('opens a stage task on sending, booking, submitting and returning', () => {
    expect(stageOpenedBy(ReferralStatus.SENT)?.stage).toBe(ReferralStage.FIRST_CONTACT);
    expect(stageOpenedBy(ReferralStatus.ASSESSMENT_BOOKED)?.stage).toBe(ReferralStage.ACTION_PLAN);
    expect(stageOpenedBy(ReferralStatus.ACTION_PLAN_SUBMITTED)?.stage).toBe(ReferralStage.APPROVAL);
    expect(stageOpenedBy(ReferralStatus.RETURNED)?.stage).toBe(ReferralStage.RESUBMISSION);
    expect(stageOpenedBy(ReferralStatus.IN_DELIVERY)).toBeNull();
  });
});

describe('referral references', () => {
  it('is two letters, four digits and the contract suffix', () => {
    const values = [0, 0.5, 0.1234];
    let i = 0;
    const reference = makeReferralReference('WOS', () => values[i++ % values.length]);
    expect(reference).toBe('AN1234WOS');
    expect(REFERRAL_REFERENCE_PATTERN.test(reference)).toBe(true);
  });

  it('never uses I or O, which are heard as 1 and 0', () => {
    for (let n = 0; n < 500; n++) expect(makeReferralReference('WOS').slice(0, 2)).not.toMatch(/[IO]/);
  });

  it('refuses a suffix that is not capital letters', () => {
    expect(() => makeReferralReference('w0s')).toThrow(RangeError);
  });
});

describe('what a referral needs before it is sent', () => {
  const pathway = {
    pathway: Pathway.ACCOMMODATION,
    complexity: Complexity.MEDIUM,
    desiredOutcomes: ['Settled housing'],
  };

  it('names every missing piece of risk information', () => {
    expect(referralSendProblems({ pathways: [pathway], riskInformation: null }).map((p) => p.field)).toEqual([
      'riskInformation.roshLevel',
      'riskInformation.riskSummary',
    ]);
  });

  it('wants desired outcomes on every pathway', () => {
    const problems = referralSendProblems({
      pathways: [{ ...pathway, desiredOutcomes: [] }],
      riskInformation: { roshLevel: RoshLevel.MEDIUM, riskSummary: 'Risk to a known adult' },
    });
    expect(problems.map((p) => p.field)).toEqual(['pathways.0.desiredOutcomes']);
  });

  it('is content with a complete referral', () => {
    expect(
      referralSendProblems({ pathways: [pathway], riskInformation: { roshLevel: RoshLevel.LOW, riskSummary: 'x' } }),
    ).toEqual([]);
  });

  it('checks the end-of-service report answers each desired outcome, and only those', () => {
    expect(endOfServiceProblems([pathway], [])).toHaveLength(1);
    expect(
      endOfServiceProblems(
        [pathway],
        [{ pathway: Pathway.ACCOMMODATION, desiredOutcome: 'Settled housing', outcome: ReferralOutcome.ACHIEVED }],
      ),
    ).toEqual([]);
    expect(
      endOfServiceProblems(
        [pathway],
        [
          { pathway: Pathway.ACCOMMODATION, desiredOutcome: 'Settled housing', outcome: ReferralOutcome.ACHIEVED },
          { pathway: Pathway.HEALTH, desiredOutcome: 'GP', outcome: ReferralOutcome.NOT_ACHIEVED },
        ],
      ).map((p) => p.field),
    ).toEqual(['outcomes.1']);
  });
});
