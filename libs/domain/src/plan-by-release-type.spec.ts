/**
 * Planning by release type (issue 13, point 3) and the HDC address tasks counted back from the HDC eligibility
 * date (point 4). Sources: Criminal Justice Act 2003 ss.244, 246, 256AA; gov.uk "Judicial Brochure: Commissioned
 * Rehabilitative Services" (CRS is for people on licence or post-sentence supervision); HMI Probation and HMI
 * Prisons, "The quality of work undertaken with women" (2024) 3.4 (providers turned away sentence-end releases);
 * HMPPS Home Detention Curfew Policy Framework (the process starts at least 10 weeks before the HDCED).
 */
import { DEFAULT_TASK_CATALOGUE } from './default-task-catalogue';
import { computeDeadline } from './deadlines';
import { checkEligibility } from './eligibility';
import { NationalInsuranceRoute } from './national-insurance';
import { isSupervisedAfterRelease } from './release-supervision';
import { Pathway } from './pathways';
import { Role } from './roles';
import { planTasksForPathway, PlanningFacts } from './task-planning';
import { DeadlineAnchor, OffsetUnit } from './task-template';
import { CustodyStatus, ReleaseType, SensitiveFlag } from './woman';

// Release on Wednesday 30 September 2026; the need was identified on Monday 1 June 2026.
const facts: PlanningFacts = {
  releaseDate: '2026-09-30',
  receptionDate: '2026-02-02',
  needIdentifiedAt: new Date('2026-06-01T09:00:00Z'),
  custodyStatus: CustodyStatus.SENTENCED,
  releaseType: ReleaseType.LICENCE,
  flags: new Set([SensitiveFlag.DOMESTIC_ABUSE, SensitiveFlag.SEX_WORK]),
  releaseCountry: 'ENGLAND',
  nationalInsuranceRoute: NationalInsuranceRoute.CONFIRM_EXISTING,
  now: new Date('2026-06-01T09:00:00Z'),
};

const PRISON_ROLES: readonly Role[] = [Role.PRE_RELEASE_TEAM, Role.POM];

function planAll(releaseType: ReleaseType | null, extra: Partial<PlanningFacts> = {}) {
  return Object.values(Pathway).flatMap((pathway) =>
    planTasksForPathway(DEFAULT_TASK_CATALOGUE, pathway, { ...facts, releaseType, ...extra }),
  );
}

describe('planning by release type', () => {
  it('gives a woman released at sentence end no COM or CRS task: the prison’s teams own every one', () => {
    const planned = planAll(ReleaseType.SENTENCE_END_NO_SUPERVISION);
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.filter((t) => !PRISON_ROLES.includes(t.ownerRole)).map((t) => [t.templateKey, t.ownerRole])).toEqual(
      [],
    );
  });

  it('swaps her COM-owned CRS referral, address and domestic abuse tasks for pre-release team alternatives', () => {
    const planned = planAll(ReleaseType.SENTENCE_END_NO_SUPERVISION);
    const alternatives = planned
      .filter((t) => t.templateKey.endsWith('_ALTERNATIVE') && t.templateKey !== 'BANK_ACCOUNT_ALTERNATIVE')
      .map((t) => [t.templateKey, t.ownerRole]);
    expect(alternatives).toEqual([
      ['CRS_ACCOMMODATION_REFERRAL_ALTERNATIVE', Role.PRE_RELEASE_TEAM],
      ['RELEASE_ADDRESS_CONFIRMED_ALTERNATIVE', Role.PRE_RELEASE_TEAM],
      ['CRS_PERSONAL_WELLBEING_REFERRAL_ALTERNATIVE', Role.PRE_RELEASE_TEAM],
      ['CRS_DOMESTIC_ABUSE_REFERRAL_ALTERNATIVE', Role.PRE_RELEASE_TEAM],
      ['DOMESTIC_ABUSE_SAFETY_PLAN_ALTERNATIVE', Role.PRE_RELEASE_TEAM],
      ['CRS_SEX_WORK_REFERRAL_ALTERNATIVE', Role.PRE_RELEASE_TEAM],
    ]);
    const referral = planned.find((t) => t.templateKey === 'CRS_ACCOMMODATION_REFERRAL_ALTERNATIVE');
    expect(referral?.ineligibleReasons).toEqual([
      'She is being released at the end of her sentence with no supervision; this task is not for women released that way.',
    ]);
    // The local authority duty to refer stays: it is the housing authority's duty, not probation's.
    expect(planned.find((t) => t.templateKey === 'DUTY_TO_REFER')?.ownerRole).toBe(Role.PRE_RELEASE_TEAM);
  });

  it('plans no CRS accommodation support, night-of-release or 12-week outcome task for a sentence-end release', () => {
    const keys = planAll(ReleaseType.SENTENCE_END_NO_SUPERVISION).map((t) => t.templateKey);
    for (const key of [
      'CRS_ACCOMMODATION_SUPPORT',
      'ACCOMMODATION_NIGHT_OF_RELEASE',
      'ACCOMMODATION_OUTCOME_12_WEEKS',
    ]) {
      expect([key, keys.includes(key)]).toEqual([key, false]);
    }
  });

  it.each([ReleaseType.LICENCE, ReleaseType.POST_SENTENCE_SUPERVISION, ReleaseType.HDC, ReleaseType.PAROLE, null])(
    'keeps the COM’s CRS referrals, address and outcome tasks for a supervised release (%s)',
    (releaseType) => {
      const planned = planAll(releaseType);
      const keys = planned.map((t) => t.templateKey);
      expect(keys.filter((k) => k.endsWith('_ALTERNATIVE'))).toEqual([]);
      for (const key of [
        'CRS_ACCOMMODATION_REFERRAL',
        'CRS_ACCOMMODATION_SUPPORT',
        'RELEASE_ADDRESS_CONFIRMED',
        'ACCOMMODATION_OUTCOME_12_WEEKS',
        'CRS_PERSONAL_WELLBEING_REFERRAL',
      ]) {
        expect([key, keys.includes(key)]).toEqual([key, true]);
      }
      expect(planned.find((t) => t.templateKey === 'CRS_ACCOMMODATION_REFERRAL')?.ownerRole).toBe(Role.COM);
    },
  );
});

describe('HDC address tasks, counted back from the HDC eligibility date', () => {
  // HDCED Sunday 16 August 2026. No bank holiday falls on any date below (England: 25 May, 31 August 2026).
  const hdc = { hdcEligibilityDate: '2026-08-16' };

  it('computes an HDC_ELIGIBILITY deadline from the HDCED, brought back off a weekend', () => {
    // 16 Aug - 70 days = Sunday 7 June, brought back to Friday 5 June.
    const deadline = computeDeadline(
      { anchor: DeadlineAnchor.HDC_ELIGIBILITY, offset: -70, unit: OffsetUnit.CALENDAR_DAYS },
      5,
      { releaseDate: '2026-09-30', receptionDate: null, needIdentifiedAt: null, ...hdc },
    );
    expect(deadline?.dueDate).toBe('2026-06-05');
    // Five working days before Friday 5 June: Friday 29 May.
    expect(deadline?.atRiskAt).toEqual(new Date('2026-05-29T16:00:00Z'));
  });

  it('has no HDC deadline without an HDCED', () => {
    expect(
      computeDeadline({ anchor: DeadlineAnchor.HDC_ELIGIBILITY, offset: -70, unit: OffsetUnit.CALENDAR_DAYS }, 5, {
        releaseDate: '2026-09-30',
        receptionDate: null,
        needIdentifiedAt: null,
      }),
    ).toBeNull();
  });

  it('plans the HDC process, the CAS2 referral and the address checks from the HDCED, not the release date', () => {
    const planned = planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.ACCOMMODATION, { ...facts, ...hdc });
    const hdcTasks = planned.filter((t) => t.templateKey.startsWith('HDC_'));
    expect(hdcTasks.map((t) => [t.templateKey, t.ownerRole, t.deadline?.dueDate])).toEqual([
      // 16 Aug - 70 = Sun 7 June -> Fri 5 June: the framework's "at least 10 weeks before the HDCED".
      ['HDC_CURFEW_ADDRESS', Role.POM, '2026-06-05'],
      // 16 Aug - 63 = Sun 14 June -> Fri 12 June: CAS2 referral as soon as eligibility is confirmed.
      ['HDC_CAS2_REFERRAL', Role.POM, '2026-06-12'],
      // 16 Aug - 28 = Sun 19 July -> Fri 17 July: checks back in time for the decision before the HDCED.
      ['HDC_ADDRESS_CHECKS', Role.COM, '2026-07-17'],
    ]);
  });

  it('plans no HDC task for a woman with no HDCED', () => {
    const planned = planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.ACCOMMODATION, facts);
    expect(planned.filter((t) => t.templateKey.startsWith('HDC_'))).toEqual([]);
  });

  it('moves every release-anchored task to the HDC actual date once HDC is granted', () => {
    // Granted for Tuesday 18 August 2026 (the HDC actual date becomes her release date).
    const granted = planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.ACCOMMODATION, {
      ...facts,
      ...hdc,
      releaseType: ReleaseType.HDC,
      releaseDate: '2026-08-18',
    });
    const due = (key: string): string | undefined => granted.find((t) => t.templateKey === key)?.deadline?.dueDate;
    // 18 Aug - 28 = Tuesday 21 July; 18 Aug - 56 = Tuesday 23 June; 18 Aug + 84 = Tuesday 10 November.
    expect(due('RELEASE_ADDRESS_CONFIRMED')).toBe('2026-07-21');
    expect(due('DUTY_TO_REFER')).toBe('2026-06-23');
    expect(due('ACCOMMODATION_OUTCOME_12_WEEKS')).toBe('2026-11-10');
    // The HDC tasks stay on the HDCED.
    expect(due('HDC_ADDRESS_CHECKS')).toBe('2026-07-17');
  });
});

describe('eligibility by release type and HDCED', () => {
  const base = {
    custodyStatus: CustodyStatus.SENTENCED,
    releaseDate: '2026-09-30',
    today: '2026-06-01',
    flags: new Set<SensitiveFlag>(),
  };
  const notSentenceEnd = { releaseTypeNotIn: [ReleaseType.SENTENCE_END_NO_SUPERVISION] };

  it('refuses a supervised-only task for a sentence-end release, saying why', () => {
    expect(checkEligibility(notSentenceEnd, { ...base, releaseType: ReleaseType.SENTENCE_END_NO_SUPERVISION })).toEqual(
      {
        eligible: false,
        reasons: [
          'She is being released at the end of her sentence with no supervision; this task is not for women released that way.',
        ],
      },
    );
  });

  it.each([ReleaseType.LICENCE, ReleaseType.POST_SENTENCE_SUPERVISION, ReleaseType.HDC, ReleaseType.PAROLE, null])(
    'allows a supervised-only task for %s (unknown counts as supervised)',
    (releaseType) => {
      expect(checkEligibility(notSentenceEnd, { ...base, releaseType })).toEqual({ eligible: true });
      expect(isSupervisedAfterRelease(releaseType)).toBe(true);
    },
  );

  it('says a sentence-end release is unsupervised', () => {
    expect(isSupervisedAfterRelease(ReleaseType.SENTENCE_END_NO_SUPERVISION)).toBe(false);
  });

  it('needs an HDCED for an HDC task', () => {
    const rule = { requiresHdcEligibilityDate: true };
    expect(checkEligibility(rule, { ...base, releaseType: ReleaseType.LICENCE })).toEqual({
      eligible: false,
      reasons: ['She has no home detention curfew eligibility date (HDCED).'],
    });
    expect(
      checkEligibility(rule, { ...base, releaseType: ReleaseType.LICENCE, hdcEligibilityDate: '2026-08-16' }),
    ).toEqual({ eligible: true });
  });

  it('plans no HDC address task once HDC is granted (an HDC actual date)', () => {
    expect(
      checkEligibility(
        { requiresHdcEligibilityDate: true },
        { ...base, releaseType: ReleaseType.HDC, hdcEligibilityDate: '2026-08-16', hdcActualDate: '2026-08-18' },
      ),
    ).toEqual({
      eligible: false,
      reasons: ['HDC has been granted for 2026-08-18: her curfew address is already approved.'],
    });
  });
});
