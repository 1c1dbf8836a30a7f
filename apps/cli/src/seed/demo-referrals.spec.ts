import {
  codedReasonProblems,
  CRS_PATHWAYS,
  needsAndRequirementsProblems,
  PathwayStatus,
  REFERRAL_REFERENCE_PATTERN,
  REFERRAL_TRANSITIONS,
  ReferralAction,
  ReferralStatus,
  SENSITIVE_PATHWAYS,
  SessionAttendance,
  londonDateOf,
  referralSendProblems,
  referralTransitionProblem,
} from '@app/domain';
import { buildDemoBoard } from './demo-board';
import { demoProviderForArea } from './demo-providers';
import { DEMO_REFERRAL_AREA } from './demo-referrals';
import { DEMO_USERNAMES } from './demo-users';

const TODAYS = ['2026-11-22', '2026-12-21', '2027-03-25'];

describe.each(TODAYS)('the demo referrals planned on %s', (today) => {
  const women = buildDemoBoard(today).women;
  const referred = women.filter((w) => w.referral);

  /** Where each referral stands once its steps are taken. */
  function statusOf(steps: { action: keyof typeof REFERRAL_TRANSITIONS }[]): ReferralStatus {
    return steps.reduce<ReferralStatus>((status, step) => {
      expect(referralTransitionProblem(status, step.action)).toBeNull();
      return REFERRAL_TRANSITIONS[step.action].to;
    }, ReferralStatus.DRAFT);
  }

  it('shows every stage the COM and the caseworker act on: drafts, sent, taken, and plans to approve', () => {
    const statuses = referred.map((w) => statusOf(w.referral?.steps ?? []));
    expect(statuses.filter((s) => s === ReferralStatus.DRAFT).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s === ReferralStatus.SENT).length).toBeGreaterThanOrEqual(1);
    expect(statuses).toContain(ReferralStatus.ASSESSMENT_BOOKED);
    expect(statuses.filter((s) => s === ReferralStatus.ACTION_PLAN_SUBMITTED).length).toBeGreaterThanOrEqual(1);
  });

  it('refers only the demo COM’s women, released where the demo caseworker’s provider works', () => {
    const areas: readonly string[] = demoProviderForArea(DEMO_REFERRAL_AREA).releaseAreaCodes;
    for (const woman of referred) {
      expect(woman.comUsername).toBe(DEMO_USERNAMES.com);
      expect(areas).toContain(woman.releaseAreaCode);
    }
  });

  it('asks only for support she needs, on non-sensitive CRS pathways, with what a provider needs to start', () => {
    for (const woman of referred) {
      const plan = woman.referral;
      const needed = woman.assessment.outcomes
        .filter((o) => o.status === PathwayStatus.SUPPORT_REQUIRED)
        .map((o) => o.pathway);
      for (const p of plan?.pathways ?? []) {
        expect(needed).toContain(p.pathway);
        expect(CRS_PATHWAYS).toContain(p.pathway);
        expect(SENSITIVE_PATHWAYS).not.toContain(p.pathway);
      }
      expect(
        referralSendProblems({ pathways: plan?.pathways ?? [], riskInformation: plan?.riskInformation ?? null }),
      ).toEqual([]);
    }
  });

  it('dates each step after her assessment and the one before, and none after today', () => {
    for (const woman of referred) {
      const plan = woman.referral;
      if (!plan) continue;
      expect(plan.createdAt.getTime()).toBeGreaterThan(woman.assessment.assessedAt.getTime());
      let previous = plan.createdAt;
      for (const step of plan.steps) {
        expect(step.at.getTime()).toBeGreaterThan(previous.getTime());
        expect(londonDateOf(step.at) < today).toBe(true);
        previous = step.at;
      }
    }
  });

  it('gives each referral a unique reference with its provider’s contract suffix', () => {
    const references = referred.map((w) => w.referral?.reference ?? '');
    expect(new Set(references).size).toBe(references.length);
    for (const woman of referred) {
      expect(woman.referral?.reference).toMatch(REFERRAL_REFERENCE_PATTERN);
      expect(woman.referral?.reference.endsWith(demoProviderForArea(woman.releaseAreaCode).contractSuffix)).toBe(true);
    }
  });

  it('withdraws some with the real service’s codes, several different ones, each valid', () => {
    const withdrawals = referred.flatMap((w) =>
      (w.referral?.steps ?? []).filter((s) => s.action === ReferralAction.WITHDRAW),
    );
    expect(new Set(withdrawals.map((s) => s.reasonCode)).size).toBeGreaterThanOrEqual(3);
    for (const step of withdrawals) expect(codedReasonProblems('WITHDRAW', step)).toEqual([]);
  });

  it('gives a referral her needs and requirements, complete enough to pass the API’s checks', () => {
    const withNeeds = referred.filter((w) => w.referral?.needsAndRequirements);
    expect(withNeeds).toHaveLength(1);
    expect(needsAndRequirementsProblems(withNeeds[0].referral?.needsAndRequirements ?? {})).toEqual([]);
  });

  it('plans the same referrals for the same day', () => {
    const again = buildDemoBoard(today).women.filter((w) => w.referral);
    expect(again.map((w) => [w.prisonNumber, w.referral?.reference])).toEqual(
      referred.map((w) => [w.prisonNumber, w.referral?.reference]),
    );
  });
});

describe.each(TODAYS)('the demo delivery sessions planned on %s', (today) => {
  const women = buildDemoBoard(today).women;
  const sessions = women.flatMap((w) => w.referral?.sessions ?? []);

  it('shows sessions attended, late, missed with a reason, one raising a concern, and some still to come', () => {
    const attendances = sessions.map((s) => s.outcome?.attendance ?? null);
    expect(attendances).toEqual(expect.arrayContaining(['YES', 'LATE', 'NO', null]));
    expect(sessions.filter((s) => s.outcome?.concernDetails)).toHaveLength(1);
    for (const s of sessions) {
      if (s.outcome?.attendance === SessionAttendance.NO) expect(s.outcome.attendanceReason).toBeTruthy();
      expect(s.bookedAt.getTime()).toBeLessThan(s.startsAt.getTime());
    }
  });

  it('gives sessions only to referrals in delivery, past ones before today and the rest after', () => {
    const now = new Date(`${today}T12:00:00Z`);
    for (const woman of women.filter((w) => (w.referral?.sessions.length ?? 0) > 0)) {
      expect(woman.referral?.steps.map((s) => s.action)).toContain('START_DELIVERY');
      for (const s of woman.referral?.sessions ?? []) {
        expect(s.outcome === null).toBe(s.startsAt.getTime() > now.getTime());
      }
    }
  });
});
