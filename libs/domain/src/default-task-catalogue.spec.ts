import { REFERRAL_TASK_KEYS } from './referrals';
import { EscalationTarget } from './alerts';
import { DEFAULT_TASK_CATALOGUE } from './default-task-catalogue';
import { NationalInsuranceRoute } from './national-insurance';
import { PATHWAYS, Pathway } from './pathways';
import { Role } from './roles';
import { DeadlineAnchor, OffsetUnit, TaskTemplate } from './task-template';
import { CustodyStatus, SensitiveFlag } from './woman';

function template(key: string): TaskTemplate {
  const found = DEFAULT_TASK_CATALOGUE.find((t) => t.key === key);
  if (!found) {
    throw new Error(`No template ${key}`);
  }
  return found;
}

describe('DEFAULT_TASK_CATALOGUE', () => {
  it.each(PATHWAYS)('has at least one active task for %s', (pathway) => {
    expect(DEFAULT_TASK_CATALOGUE.filter((t) => t.pathway === pathway && t.active).length).toBeGreaterThan(0);
  });

  it('has unique keys', () => {
    const keys = DEFAULT_TASK_CATALOGUE.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('uses UPPER_SNAKE keys that cannot collide with a planned alternative', () => {
    for (const { key } of DEFAULT_TASK_CATALOGUE) {
      expect(key).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(key.endsWith('_ALTERNATIVE')).toBe(false);
    }
  });

  it('retires only the NI entry split in two and the CRS entries outside the contracts before release (issue 13, points 6 and 8)', () => {
    expect(
      DEFAULT_TASK_CATALOGUE.filter((t) => !t.active)
        .map((t) => t.key)
        .sort(),
    ).toEqual(['CRS_EDUCATION_WORK_SUPPORT', 'CRS_FINANCE_BENEFIT_DEBT_SUPPORT', 'NATIONAL_INSURANCE_NUMBER']);
  });

  it('has every template titled, described and with a whole, non-negative at-risk lead', () => {
    for (const t of DEFAULT_TASK_CATALOGUE) {
      expect(t.title.trim()).not.toBe('');
      expect(t.description.trim()).not.toBe('');
      expect(Number.isInteger(t.atRiskLeadWorkingDays) && t.atRiskLeadWorkingDays >= 0).toBe(true);
    }
  });

  it('makes release-critical tasks fall due before release, or within days of the need being identified', () => {
    for (const t of DEFAULT_TASK_CATALOGUE.filter((c) => c.releaseCritical)) {
      if (t.deadline.anchor === DeadlineAnchor.NEED_IDENTIFIED) {
        expect([t.key, t.deadline.offset, t.deadline.unit]).toEqual([t.key, 2, OffsetUnit.WORKING_DAYS]);
      } else if (t.deadline.anchor === DeadlineAnchor.RECEPTION) {
        // The tenancy cannot wait: within days of her arrival.
        expect([t.key, t.deadline.unit]).toEqual([t.key, OffsetUnit.WORKING_DAYS]);
        expect(t.deadline.offset).toBeLessThanOrEqual(5);
      } else if (t.deadline.anchor === DeadlineAnchor.COM_ALLOCATED) {
        // The COM allocated date itself falls before release (handover.ts): no offset on top.
        expect([t.key, t.deadline.offset]).toEqual(['COM_ALLOCATION', 0]);
      } else {
        expect([t.key, t.deadline.anchor]).toEqual([t.key, DeadlineAnchor.RELEASE]);
        expect(t.deadline.offset).toBeLessThan(0);
      }
    }
  });

  it('escalates every late CRS referral to the COM’s manager at once', () => {
    for (const key of Object.values(REFERRAL_TASK_KEYS)) {
      const entry = DEFAULT_TASK_CATALOGUE.find((t) => t.key === key);
      expect([key, entry?.ownerRole, entry?.deadline.anchor, entry?.escalationLadder]).toEqual([
        key,
        Role.COM,
        DeadlineAnchor.NEED_IDENTIFIED,
        [{ afterWorkingDays: 0, to: EscalationTarget.TEAM_MANAGER }],
      ]);
    }
  });

  it.each<[string, Pathway, Role, DeadlineAnchor, number, OffsetUnit, boolean]>([
    [
      'CRS_ACCOMMODATION_REFERRAL',
      Pathway.ACCOMMODATION,
      Role.COM,
      DeadlineAnchor.NEED_IDENTIFIED,
      2,
      OffsetUnit.WORKING_DAYS,
      true,
    ],
    [
      'DUTY_TO_REFER',
      Pathway.ACCOMMODATION,
      Role.PRE_RELEASE_TEAM,
      DeadlineAnchor.RELEASE,
      -56,
      OffsetUnit.CALENDAR_DAYS,
      true,
    ],
    [
      'RELEASE_ADDRESS_CONFIRMED',
      Pathway.ACCOMMODATION,
      Role.COM,
      DeadlineAnchor.RELEASE,
      -28,
      OffsetUnit.CALENDAR_DAYS,
      true,
    ],
    [
      'ACCOMMODATION_NIGHT_OF_RELEASE',
      Pathway.ACCOMMODATION,
      Role.COM,
      DeadlineAnchor.RELEASE,
      1,
      OffsetUnit.WORKING_DAYS,
      false,
    ],
    [
      'ACCOMMODATION_OUTCOME_12_WEEKS',
      Pathway.ACCOMMODATION,
      Role.COM,
      DeadlineAnchor.RELEASE,
      84,
      OffsetUnit.CALENDAR_DAYS,
      false,
    ],
    [
      'RELEASE_DAY_APPOINTMENTS',
      Pathway.ACCOMMODATION,
      Role.POM,
      DeadlineAnchor.RELEASE,
      -7,
      OffsetUnit.CALENDAR_DAYS,
      true,
    ],
    [
      'BASIC_MOBILE_PHONE',
      Pathway.ACCOMMODATION,
      Role.POM,
      DeadlineAnchor.RELEASE,
      -2,
      OffsetUnit.CALENDAR_DAYS,
      false,
    ],
    // gov.uk "Get your National Insurance number" (CA5403): up to 15 days by post, plus 7 days' margin.
    [
      'NATIONAL_INSURANCE_NUMBER_CONFIRM',
      Pathway.FINANCE_AND_ID,
      Role.PRE_RELEASE_TEAM,
      DeadlineAnchor.RELEASE,
      -22,
      OffsetUnit.CALENDAR_DAYS,
      true,
    ],
    // gov.uk "Apply for a National Insurance number" (DWP): 56 days allowed, plus 7 days' margin.
    [
      'NATIONAL_INSURANCE_NUMBER_NEW',
      Pathway.FINANCE_AND_ID,
      Role.PRE_RELEASE_TEAM,
      DeadlineAnchor.RELEASE,
      -63,
      OffsetUnit.CALENDAR_DAYS,
      true,
    ],
    // gov.uk "Get access to your eVisa": 28 days allowed (none published), plus 7 days' margin.
    [
      'EVISA_ACCESS',
      Pathway.FINANCE_AND_ID,
      Role.PRE_RELEASE_TEAM,
      DeadlineAnchor.RELEASE,
      -35,
      OffsetUnit.CALENDAR_DAYS,
      true,
    ],
    // HMPPS reception screening: immediate needs within five working days of reception.
    [
      'IMMEDIATE_NEEDS_ASSESSMENT',
      Pathway.ACCOMMODATION,
      Role.PRE_RELEASE_TEAM,
      DeadlineAnchor.RECEPTION,
      5,
      OffsetUnit.WORKING_DAYS,
      false,
    ],
    // HB Regulations 2006 reg.7; UC Regulations 2013 reg.19: the council and DWP told within three working days.
    [
      'PROTECT_TENANCY',
      Pathway.ACCOMMODATION,
      Role.PRE_RELEASE_TEAM,
      DeadlineAnchor.RECEPTION,
      3,
      OffsetUnit.WORKING_DAYS,
      true,
    ],
    // The pre-release assessment 12 weeks (84 days) before release.
    [
      'PRE_RELEASE_ASSESSMENT',
      Pathway.ACCOMMODATION,
      Role.PRE_RELEASE_TEAM,
      DeadlineAnchor.RELEASE,
      -84,
      OffsetUnit.CALENDAR_DAYS,
      false,
    ],
    // Housing (Wales) Act 2014 s.55(4): threatened with homelessness within 56 days.
    [
      'WALES_HOMELESSNESS_PATHWAY_REFERRAL',
      Pathway.ACCOMMODATION,
      Role.PRE_RELEASE_TEAM,
      DeadlineAnchor.RELEASE,
      -56,
      OffsetUnit.CALENDAR_DAYS,
      true,
    ],
    [
      'BANK_ACCOUNT',
      Pathway.FINANCE_AND_ID,
      Role.PRE_RELEASE_TEAM,
      DeadlineAnchor.RELEASE,
      -43,
      OffsetUnit.CALENDAR_DAYS,
      false,
    ],
    [
      'ID_DOCUMENTS',
      Pathway.FINANCE_AND_ID,
      Role.PRE_RELEASE_TEAM,
      DeadlineAnchor.RELEASE,
      -56,
      OffsetUnit.CALENDAR_DAYS,
      false,
    ],
    [
      'UNIVERSAL_CREDIT_CLAIM',
      Pathway.FINANCE_AND_ID,
      Role.PRE_RELEASE_TEAM,
      DeadlineAnchor.RELEASE,
      -14,
      OffsetUnit.CALENDAR_DAYS,
      true,
    ],
    [
      'GP_REGISTRATION',
      Pathway.HEALTH,
      Role.PRE_RELEASE_TEAM,
      DeadlineAnchor.RELEASE,
      -14,
      OffsetUnit.CALENDAR_DAYS,
      false,
    ],
    [
      'RELEASE_MEDICATION',
      Pathway.HEALTH,
      Role.PRE_RELEASE_TEAM,
      DeadlineAnchor.RELEASE,
      -7,
      OffsetUnit.CALENDAR_DAYS,
      true,
    ],
    [
      'FAMILY_RESETTLEMENT_CONTACT',
      Pathway.CHILDREN_FAMILIES_AND_COMMUNITY,
      Role.PRE_RELEASE_TEAM,
      DeadlineAnchor.RELEASE,
      -84,
      OffsetUnit.CALENDAR_DAYS,
      false,
    ],
    [
      'CRS_DOMESTIC_ABUSE_REFERRAL',
      Pathway.DOMESTIC_ABUSE,
      Role.COM,
      DeadlineAnchor.NEED_IDENTIFIED,
      2,
      OffsetUnit.WORKING_DAYS,
      false,
    ],
    [
      'CRS_SEX_WORK_REFERRAL',
      Pathway.SEX_WORK,
      Role.COM,
      DeadlineAnchor.NEED_IDENTIFIED,
      2,
      OffsetUnit.WORKING_DAYS,
      false,
    ],
  ])(
    '%s is a %s task owned by %s, due %s %i %s, release-critical %s',
    (key, pathway, owner, anchor, offset, unit, critical) => {
      const t = template(key);
      expect(t.pathway).toBe(pathway);
      expect(t.ownerRole).toBe(owner);
      expect(t.deadline).toEqual({ anchor, offset, unit });
      expect(t.releaseCritical).toBe(critical);
    },
  );

  it('gives need-identified referrals one working day of warning', () => {
    expect(template('CRS_DOMESTIC_ABUSE_REFERRAL').atRiskLeadWorkingDays).toBe(1);
    expect(template('CRS_SEX_WORK_REFERRAL').atRiskLeadWorkingDays).toBe(1);
  });

  it('lets women serving a sentence (sentenced or recalled) with more than six weeks left and no banking barrier apply for a bank account', () => {
    expect(template('BANK_ACCOUNT').eligibility).toEqual({
      custodyStatusIn: [CustodyStatus.SENTENCED, CustodyStatus.RECALLED],
      minDaysToServe: 42,
      requiresNoBankingBarrier: true,
    });
  });

  it('plans the alternative to a bank account: basic account letter, ID pack and jobcentre appointment', () => {
    const alternative = template('BANK_ACCOUNT').ineligibleAlternative;
    expect(alternative?.title).toBe('Bank account not possible before release: plan the alternative');
    expect(alternative?.description).toMatch(/basic bank account/);
    expect(alternative?.description).toMatch(/ID pack/);
    expect(alternative?.description).toMatch(/jobcentre appointment/);
    expect(alternative?.description).toMatch(/Post Office/);
  });

  it('offers the family resettlement contact only to women with dependent children', () => {
    expect(template('FAMILY_RESETTLEMENT_CONTACT').eligibility.requiresFlag).toBe(SensitiveFlag.DEPENDENT_CHILDREN);
  });

  it('has a naloxone task and a community drug and alcohol referral', () => {
    const keys = DEFAULT_TASK_CATALOGUE.filter((t) => t.pathway === Pathway.DRUGS_AND_ALCOHOL).map((t) => t.key);
    expect(keys).toEqual(['COMMUNITY_DRUG_ALCOHOL_REFERRAL', 'NALOXONE_ON_RELEASE']);
  });

  it('has a safety plan for the release address alongside the domestic abuse referral', () => {
    const keys = DEFAULT_TASK_CATALOGUE.filter((t) => t.pathway === Pathway.DOMESTIC_ABUSE).map((t) => t.key);
    expect(keys).toEqual(['CRS_DOMESTIC_ABUSE_REFERRAL', 'DOMESTIC_ABUSE_SAFETY_PLAN']);
  });

  it('retires the single National Insurance task for two routes, each for the women who need it', () => {
    expect(template('NATIONAL_INSURANCE_NUMBER').active).toBe(false);
    expect(template('NATIONAL_INSURANCE_NUMBER_CONFIRM').eligibility).toEqual({
      nationalInsuranceRoute: NationalInsuranceRoute.CONFIRM_EXISTING,
    });
    expect(template('NATIONAL_INSURANCE_NUMBER_NEW').eligibility).toEqual({
      nationalInsuranceRoute: NationalInsuranceRoute.APPLY_FOR_NEW,
    });
  });

  it('gives England’s duty to refer to English areas and the Welsh pathway referral to Welsh areas', () => {
    expect(template('DUTY_TO_REFER').eligibility.releaseCountryIn).toEqual(['ENGLAND']);
    expect(template('WALES_HOMELESSNESS_PATHWAY_REFERRAL').eligibility.releaseCountryIn).toEqual(['WALES']);
  });

  it('offers the eVisa steps to foreign nationals only', () => {
    expect(template('EVISA_ACCESS').eligibility).toEqual({ requiresFlag: SensitiveFlag.FOREIGN_NATIONAL });
    expect(template('EVISA_ACCESS').description).toMatch(/UKVI account/);
    expect(template('EVISA_ACCESS').description).toMatch(/share code/);
  });
});
