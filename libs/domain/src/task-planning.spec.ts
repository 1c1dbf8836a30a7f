import { DEFAULT_TASK_CATALOGUE } from './default-task-catalogue';
import { NationalInsuranceRoute } from './national-insurance';
import { Pathway } from './pathways';
import { Role } from './roles';
import {
  hasNeverHersCondition,
  neverHers,
  plannedDeadline,
  planReceptionTasks,
  planTasksForPathway,
  PlanningFacts,
  recomputeDeadline,
  withinReceptionWindow,
} from './task-planning';
import { DeadlineAnchor, OffsetUnit, TaskTemplate } from './task-template';
import { CustodyStatus, ReleaseType, SensitiveFlag } from './woman';

const facts: PlanningFacts = {
  releaseDate: '2026-09-30',
  receptionDate: '2026-02-02',
  needIdentifiedAt: null,
  custodyStatus: CustodyStatus.SENTENCED,
  releaseType: ReleaseType.LICENCE,
  flags: new Set(),
  releaseCountry: 'ENGLAND',
  nationalInsuranceRoute: NationalInsuranceRoute.CONFIRM_EXISTING,
  now: new Date('2026-06-01T09:00:00Z'),
};

const needIdentifiedToday: PlanningFacts = { ...facts, needIdentifiedAt: facts.now };

function customTemplate(overrides: Partial<TaskTemplate>): TaskTemplate {
  return {
    key: 'TEST_TASK',
    pathway: Pathway.HEALTH,
    title: 'Test task',
    description: 'A task for the tests.',
    ownerRole: Role.PRE_RELEASE_TEAM,
    deadline: { anchor: DeadlineAnchor.RELEASE, offset: -14, unit: OffsetUnit.CALENDAR_DAYS },
    atRiskLeadWorkingDays: 2,
    releaseCritical: false,
    eligibility: {},
    active: true,
    ...overrides,
  };
}

describe('planTasksForPathway', () => {
  it('plans the active accommodation tasks in catalogue order with their deadlines', () => {
    const planned = planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.ACCOMMODATION, needIdentifiedToday);
    expect(planned.map((task) => [task.templateKey, task.deadline?.dueDate])).toEqual([
      // Two working days after the need was identified (Monday 1 June), not weeks before release.
      ['CRS_ACCOMMODATION_REFERRAL', '2026-06-03'],
      ['CRS_ACCOMMODATION_SUPPORT', '2026-07-22'],
      ['DUTY_TO_REFER', '2026-08-05'],
      ['RELEASE_ADDRESS_CONFIRMED', '2026-09-02'],
      ['RELEASE_DAY_APPOINTMENTS', '2026-09-23'],
      ['BASIC_MOBILE_PHONE', '2026-09-28'],
      ['ACCOMMODATION_NIGHT_OF_RELEASE', '2026-10-01'],
      ['ACCOMMODATION_OUTCOME_12_WEEKS', '2026-12-23'],
    ]);
    expect(planned.every((task) => task.ineligibleReasons.length === 0)).toBe(true);
  });

  it('copies what the board needs from the template', () => {
    const [referral] = planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.ACCOMMODATION, needIdentifiedToday);
    expect(referral).toEqual({
      templateKey: 'CRS_ACCOMMODATION_REFERRAL',
      pathway: Pathway.ACCOMMODATION,
      title: 'Refer her to the CRS provider for accommodation support',
      description: expect.stringContaining('Refer and Monitor'),
      ownerRole: Role.COM,
      releaseCritical: true,
      deadline: {
        dueDate: '2026-06-03',
        dueAt: new Date('2026-06-03T16:00:00Z'),
        atRiskAt: new Date('2026-06-02T16:00:00Z'),
      },
      ineligibleReasons: [],
    });
  });

  it('plans the bank account itself when she has more than six weeks to serve', () => {
    const keys = planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.FINANCE_AND_ID, facts).map((t) => t.templateKey);
    expect(keys).toEqual([
      'NATIONAL_INSURANCE_NUMBER_CONFIRM',
      'BANK_ACCOUNT',
      'ID_DOCUMENTS',
      'FINANCE_DEBT_SUPPORT_BEFORE_RELEASE',
      'UNIVERSAL_CREDIT_CLAIM',
    ]);
  });

  it('plans the bank account alternative, with the reason and the same deadline, when she has 30 days left', () => {
    const planned = planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.FINANCE_AND_ID, {
      ...facts,
      now: new Date('2026-08-31T09:00:00Z'),
    });
    const alternative = planned.find((task) => task.templateKey === 'BANK_ACCOUNT_ALTERNATIVE');
    expect(alternative).toMatchObject({
      title: 'Bank account not possible before release: plan the alternative',
      ownerRole: Role.PRE_RELEASE_TEAM,
      ineligibleReasons: ['She has 30 days left to serve; this task needs more than 42 days (6 weeks).'],
      deadline: { dueDate: '2026-08-18' },
    });
    expect(planned.some((task) => task.templateKey === 'BANK_ACCOUNT')).toBe(false);
  });

  it('reads today as the London date of now', () => {
    // 23:30Z on 18 August is 19 August in London: 42 days left, which is not more than six weeks.
    const planned = planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.FINANCE_AND_ID, {
      ...facts,
      now: new Date('2026-08-18T23:30:00Z'),
    });
    expect(planned.map((task) => task.templateKey)).toContain('BANK_ACCOUNT_ALTERNATIVE');
  });

  it('plans the bank account alternative for a remanded woman, saying she is not serving a sentence', () => {
    const planned = planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.FINANCE_AND_ID, {
      ...facts,
      custodyStatus: CustodyStatus.REMANDED,
    });
    const alternative = planned.find((task) => task.templateKey === 'BANK_ACCOUNT_ALTERNATIVE');
    expect(alternative?.ineligibleReasons).toEqual(['She is remanded, not sentenced or recalled.']);
  });

  it('without a release date, leaves release deadlines empty and says why there is no bank account', () => {
    const planned = planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.FINANCE_AND_ID, {
      ...facts,
      releaseDate: null,
    });
    expect(planned.every((task) => task.deadline === null)).toBe(true);
    const alternative = planned.find((task) => task.templateKey === 'BANK_ACCOUNT_ALTERNATIVE');
    expect(alternative?.ineligibleReasons).toEqual([
      'Her release date is unknown, so we cannot tell if she has more than 42 days (6 weeks) left to serve.',
    ]);
  });

  it('plans nothing for mothers-only work when she has no dependent children', () => {
    expect(planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.CHILDREN_FAMILIES_AND_COMMUNITY, facts)).toEqual([]);
  });

  it('plans the family resettlement contact for a mother', () => {
    const planned = planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.CHILDREN_FAMILIES_AND_COMMUNITY, {
      ...facts,
      flags: new Set([SensitiveFlag.DEPENDENT_CHILDREN]),
    });
    expect(planned.map((task) => [task.templateKey, task.deadline?.dueDate])).toEqual([
      ['FAMILY_RESETTLEMENT_CONTACT', '2026-07-08'],
    ]);
  });

  it('dates a domestic abuse referral from when the need was identified', () => {
    const planned = planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.DOMESTIC_ABUSE, {
      ...facts,
      needIdentifiedAt: new Date('2026-12-23T10:00:00Z'),
    });
    expect(planned.map((task) => [task.templateKey, task.deadline?.dueDate])).toEqual([
      ['CRS_DOMESTIC_ABUSE_REFERRAL', '2026-12-29'],
      ['DOMESTIC_ABUSE_SAFETY_PLAN', '2026-09-09'],
    ]);
  });

  it('leaves a need-identified deadline empty until the need is identified', () => {
    const [referral] = planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.SEX_WORK, facts);
    expect(referral.templateKey).toBe('CRS_SEX_WORK_REFERRAL');
    expect(referral.deadline).toBeNull();
  });

  it('skips inactive templates and templates of other pathways', () => {
    const catalogue = [
      customTemplate({ key: 'RETIRED', active: false }),
      customTemplate({ key: 'OTHER_PATHWAY', pathway: Pathway.ACCOMMODATION }),
      customTemplate({ key: 'KEPT' }),
    ];
    expect(planTasksForPathway(catalogue, Pathway.HEALTH, facts).map((task) => task.templateKey)).toEqual(['KEPT']);
  });

  it('plans nothing for an ineligible template without an alternative', () => {
    const catalogue = [customTemplate({ eligibility: { custodyStatusIn: [CustodyStatus.SENTENCED] } })];
    expect(planTasksForPathway(catalogue, Pathway.HEALTH, { ...facts, custodyStatus: CustodyStatus.RECALLED })).toEqual(
      [],
    );
  });

  it('plans no alternative when only the required flag is missing', () => {
    const catalogue = [
      customTemplate({
        eligibility: { requiresFlag: SensitiveFlag.MENTAL_HEALTH },
        ineligibleAlternative: { title: 'Alternative', description: 'Should not appear.' },
      }),
    ];
    expect(planTasksForPathway(catalogue, Pathway.HEALTH, facts)).toEqual([]);
  });

  it('plans nothing when the pathway has no templates', () => {
    expect(planTasksForPathway([], Pathway.HEALTH, facts)).toEqual([]);
  });
});

describe('recomputeDeadline', () => {
  const medication = {
    deadline: { anchor: DeadlineAnchor.RELEASE, offset: -7, unit: OffsetUnit.CALENDAR_DAYS },
    atRiskLeadWorkingDays: 2,
  };

  it('moves the deadline with the release date', () => {
    const before = recomputeDeadline(medication, { ...facts, releaseDate: '2026-09-30' });
    const after = recomputeDeadline(medication, { ...facts, releaseDate: '2026-10-14' });
    expect(before?.dueDate).toBe('2026-09-23');
    expect(after).toEqual({
      dueDate: '2026-10-07',
      dueAt: new Date('2026-10-07T16:00:00Z'),
      atRiskAt: new Date('2026-10-05T16:00:00Z'),
    });
  });

  it('re-applies the weekend and bank holiday rule when the release date moves to Easter 2027', () => {
    expect(recomputeDeadline(medication, { ...facts, releaseDate: '2027-04-05' })?.dueDate).toBe('2027-03-25');
  });

  it('moves the at-risk time across the clock change with the new release date', () => {
    // Due Monday 26 October 2026 (GMT); two working days earlier is Thursday 22 October (still BST).
    const deadline = recomputeDeadline(medication, { ...facts, releaseDate: '2026-11-02' });
    expect(deadline).toEqual({
      dueDate: '2026-10-26',
      dueAt: new Date('2026-10-26T17:00:00Z'),
      atRiskAt: new Date('2026-10-22T16:00:00Z'),
    });
  });

  it('clears the deadline when the release date is withdrawn', () => {
    expect(recomputeDeadline(medication, { ...facts, releaseDate: null })).toBeNull();
  });
});

describe('plannedDeadline when a recall leaves little time', () => {
  const referral = {
    deadline: { anchor: DeadlineAnchor.RELEASE, offset: -84, unit: OffsetUnit.CALENDAR_DAYS },
    atRiskLeadWorkingDays: 5,
  };
  const medication = {
    deadline: { anchor: DeadlineAnchor.RELEASE, offset: -7, unit: OffsetUnit.CALENDAR_DAYS },
    atRiskLeadWorkingDays: 2,
  };
  // Recalled on Monday 2026-06-01 with 28 days to go: a third of the full 12-week plan.
  const anchors = { releaseDate: '2026-06-29', receptionDate: '2026-06-01', needIdentifiedAt: null };

  it('leaves deadlines alone when she is not recalled', () => {
    // 6 April 2026 is Easter Monday: due the Thursday before Good Friday.
    expect(plannedDeadline(referral, anchors, null)?.dueDate).toBe('2026-04-02');
  });

  it('squeezes a passed deadline into the time left, keeping the catalogue order', () => {
    const squeezedReferral = plannedDeadline(referral, anchors, '2026-06-01');
    const squeezedMedication = plannedDeadline(medication, anchors, '2026-06-01');
    // -84 days x 28/84 = -28 days: before tomorrow, so it is due tomorrow.
    expect(squeezedReferral?.dueDate).toBe('2026-06-02');
    // -7 days is still ahead: unchanged.
    expect(squeezedMedication?.dueDate).toBe('2026-06-22');
    const halfway = plannedDeadline(
      {
        deadline: { anchor: DeadlineAnchor.RELEASE, offset: -42, unit: OffsetUnit.CALENDAR_DAYS },
        atRiskLeadWorkingDays: 5,
      },
      anchors,
      '2026-06-01',
    );
    // -42 x 1/3 = -14 days: Monday 2026-06-15.
    expect(halfway?.dueDate).toBe('2026-06-15');
    expect(halfway!.atRiskAt.getTime()).toBeGreaterThanOrEqual(new Date('2026-06-01T16:00:00Z').getTime());
  });

  it('never moves a deadline past her release', () => {
    const tomorrowRelease = { ...anchors, releaseDate: '2026-06-02' };
    expect(plannedDeadline(referral, tomorrowRelease, '2026-06-01')?.dueDate).toBe('2026-06-02');
    const todayRelease = { ...anchors, releaseDate: '2026-06-01' };
    expect(plannedDeadline(referral, todayRelease, '2026-06-01')?.dueDate).toBe('2026-06-01');
  });
});

describe('planning by nation, National Insurance route and reception', () => {
  const ids = (planned: { templateKey: string }[]): string[] => planned.map((t) => t.templateKey);

  // Housing Act 1996 s.213B (England) v Housing (Wales) Act 2014 and the Welsh national pathway.
  it('gives a woman going to a Welsh area the Welsh pathway referral instead of the duty to refer', () => {
    const welsh = ids(
      planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.ACCOMMODATION, { ...facts, releaseCountry: 'WALES' }),
    );
    expect(welsh).toContain('WALES_HOMELESSNESS_PATHWAY_REFERRAL');
    expect(welsh).not.toContain('DUTY_TO_REFER');
    const english = ids(planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.ACCOMMODATION, facts));
    expect(english).not.toContain('WALES_HOMELESSNESS_PATHWAY_REFERRAL');
  });

  it('dates the Welsh referral 56 days before release (Housing (Wales) Act 2014 s.55(4))', () => {
    // Release Wed 30 Sep 2026; 56 days before is Wed 5 Aug 2026.
    const [referral] = planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.ACCOMMODATION, {
      ...facts,
      releaseCountry: 'WALES',
    }).filter((t) => t.templateKey === 'WALES_HOMELESSNESS_PATHWAY_REFERRAL');
    expect(referral?.deadline?.dueDate).toBe('2026-08-05');
  });

  it('plans confirming her number, or applying for a first one, never both and nothing when she has it', () => {
    const finance = (route: NationalInsuranceRoute | null): string[] =>
      ids(
        planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.FINANCE_AND_ID, {
          ...facts,
          nationalInsuranceRoute: route,
        }),
      );
    expect(finance(NationalInsuranceRoute.CONFIRM_EXISTING).filter((k) => k.startsWith('NATIONAL_INSURANCE'))).toEqual([
      'NATIONAL_INSURANCE_NUMBER_CONFIRM',
    ]);
    expect(finance(NationalInsuranceRoute.APPLY_FOR_NEW).filter((k) => k.startsWith('NATIONAL_INSURANCE'))).toEqual([
      'NATIONAL_INSURANCE_NUMBER_NEW',
    ]);
    expect(finance(null).filter((k) => k.startsWith('NATIONAL_INSURANCE'))).toEqual([]);
  });

  it('dates each NI route from its own lead time', () => {
    // Release Wed 30 Sep 2026. CA5403 (15 days + 7): Tue 8 Sep 2026. DWP (56 + 7): Wed 29 Jul 2026.
    const confirm = planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.FINANCE_AND_ID, facts).find(
      (t) => t.templateKey === 'NATIONAL_INSURANCE_NUMBER_CONFIRM',
    );
    expect(confirm?.deadline?.dueDate).toBe('2026-09-08');
    const first = planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.FINANCE_AND_ID, {
      ...facts,
      nationalInsuranceRoute: NationalInsuranceRoute.APPLY_FOR_NEW,
    }).find((t) => t.templateKey === 'NATIONAL_INSURANCE_NUMBER_NEW');
    expect(first?.deadline?.dueDate).toBe('2026-07-29');
  });

  it('plans the eVisa steps for a foreign national only (BRPs expired 31 December 2024)', () => {
    expect(ids(planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.FINANCE_AND_ID, facts))).not.toContain(
      'EVISA_ACCESS',
    );
    const foreign = planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.FINANCE_AND_ID, {
      ...facts,
      flags: new Set([SensitiveFlag.FOREIGN_NATIONAL]),
    }).find((t) => t.templateKey === 'EVISA_ACCESS');
    // Release Wed 30 Sep 2026, 35 days before: Wed 26 Aug 2026.
    expect(foreign?.deadline?.dueDate).toBe('2026-08-26');
  });

  it('never plans the reception tasks from a pathway', () => {
    expect(ids(planTasksForPathway(DEFAULT_TASK_CATALOGUE, Pathway.ACCOMMODATION, facts))).not.toContain(
      'PROTECT_TENANCY',
    );
  });

  const atReception = { ...facts, now: new Date('2026-02-02T10:00:00Z') }; // Mon 2 Feb 2026, her reception day

  it('plans reception tasks only up to the day her immediate needs assessment falls due', () => {
    // Reception Mon 2 Feb 2026 + 5 working days = Mon 9 Feb 2026.
    expect(withinReceptionWindow('2026-02-02', '2026-02-09')).toBe(true);
    expect(withinReceptionWindow('2026-02-02', '2026-02-10')).toBe(false);
    expect(withinReceptionWindow(null, '2026-02-02')).toBe(false);
    expect(planReceptionTasks(DEFAULT_TASK_CATALOGUE, facts)).toEqual([]); // facts.now is Mon 1 Jun 2026
  });

  it('plans the assessments and the tenancy at reception, dated from reception and release', () => {
    // Reception Mon 2 Feb 2026: 5 working days is Mon 9 Feb; 3 working days is Thu 5 Feb.
    // Release Wed 30 Sep 2026: 84 days before is Wed 8 Jul 2026.
    const planned = planReceptionTasks(DEFAULT_TASK_CATALOGUE, atReception);
    expect(planned.map((t) => [t.templateKey, t.deadline?.dueDate])).toEqual([
      ['IMMEDIATE_NEEDS_ASSESSMENT', '2026-02-09'],
      ['PROTECT_TENANCY', '2026-02-05'],
      ['PRE_RELEASE_ASSESSMENT', '2026-07-08'],
    ]);
    // Away from 2 Feb to 30 Sep: more than 13 weeks and more than 6 months (2 Aug), so neither continues.
    const tenancy = planned.find((t) => t.templateKey === 'PROTECT_TENANCY');
    expect(tenancy?.description).toContain('Housing Benefit stops now');
    expect(tenancy?.description).toContain('Universal Credit housing costs stop now');
  });

  it('gives a remand woman the tenancy task with 52 weeks of Housing Benefit (reg.7(16),(17))', () => {
    // Reception Mon 2 Feb 2026 + 364 days = Mon 1 Feb 2027; + 6 months = Sun 2 Aug 2026.
    const planned = planReceptionTasks(DEFAULT_TASK_CATALOGUE, {
      ...atReception,
      custodyStatus: CustodyStatus.REMANDED,
      releaseDate: null,
      releaseType: null,
    });
    const tenancy = planned.find((t) => t.templateKey === 'PROTECT_TENANCY');
    expect(tenancy?.deadline?.dueDate).toBe('2026-02-05');
    expect(tenancy?.description).toContain('until 2027-02-01 (52 weeks from reception)');
    expect(tenancy?.description).toContain('until 2026-08-02 (6 months)');
    expect(planned.find((t) => t.templateKey === 'PRE_RELEASE_ASSESSMENT')?.deadline).toBeNull();
  });
});

describe('which tasks a change of her facts can add or remove', () => {
  const byKey = (key: string) => DEFAULT_TASK_CATALOGUE.find((t) => t.key === key) as TaskTemplate;

  it('marks the nation-, NI-route- and flag-led tasks as conditional, and no others', () => {
    expect(hasNeverHersCondition(byKey('DUTY_TO_REFER'))).toBe(true);
    expect(hasNeverHersCondition(byKey('WALES_HOMELESSNESS_PATHWAY_REFERRAL'))).toBe(true);
    expect(hasNeverHersCondition(byKey('NATIONAL_INSURANCE_NUMBER_CONFIRM'))).toBe(true);
    expect(hasNeverHersCondition(byKey('EVISA_ACCESS'))).toBe(true);
    expect(hasNeverHersCondition(byKey('BANK_ACCOUNT'))).toBe(false);
    expect(hasNeverHersCondition(byKey('CRS_ACCOMMODATION_REFERRAL'))).toBe(false);
  });

  it('says the duty to refer is not hers once her release area is Welsh (Housing Act 1996 s.213B is English law)', () => {
    expect(neverHers(byKey('DUTY_TO_REFER'), facts)).toBe(false);
    expect(neverHers(byKey('DUTY_TO_REFER'), { ...facts, releaseCountry: 'WALES' })).toBe(true);
    expect(neverHers(byKey('WALES_HOMELESSNESS_PATHWAY_REFERRAL'), { ...facts, releaseCountry: 'WALES' })).toBe(false);
    // An area whose nation is unknown gets neither nation's referral rather than a guess.
    expect(neverHers(byKey('DUTY_TO_REFER'), { ...facts, releaseCountry: null })).toBe(true);
  });

  it('says no NI task is hers once she has her number', () => {
    expect(neverHers(byKey('NATIONAL_INSURANCE_NUMBER_CONFIRM'), { ...facts, nationalInsuranceRoute: null })).toBe(
      true,
    );
  });
});
