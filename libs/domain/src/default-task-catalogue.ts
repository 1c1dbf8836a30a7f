/**
 * The default resettlement task catalogue: what each pathway marked SUPPORT_REQUIRED turns into, who owns it
 * and when it is due. Grounded in chapter 3 of HM Inspectorates of Probation and Prisons, "The quality of work
 * undertaken with women" (May 2024). Keys are stored on tasks, so never rename one: retire it (active: false).
 */
import { DEFAULT_ESCALATION_LADDER } from './alerts';
import { COM_ALLOCATION_TASK_KEY } from './com-allocation';
import { BANK_ACCOUNT_ELIGIBILITY, BANK_ACCOUNT_MIN_DAYS_TO_SERVE } from './bank-accounts';
import { Pathway } from './pathways';
import { REFERRAL_SEND_ESCALATION } from './referrals';
import { Role } from './roles';
import { DeadlineAnchor, DeadlineRule, OffsetUnit, TaskTemplate } from './task-template';
import { SensitiveFlag } from './woman';

function daysFromRelease(offset: number): DeadlineRule {
  return { anchor: DeadlineAnchor.RELEASE, offset, unit: OffsetUnit.CALENDAR_DAYS };
}

function workingDaysFromRelease(offset: number): DeadlineRule {
  return { anchor: DeadlineAnchor.RELEASE, offset, unit: OffsetUnit.WORKING_DAYS };
}

function workingDaysFromNeedIdentified(offset: number): DeadlineRule {
  return { anchor: DeadlineAnchor.NEED_IDENTIFIED, offset, unit: OffsetUnit.WORKING_DAYS };
}

/** Long pieces of work get a week's warning; short ones two days; referrals due in two days, one. */
const LONG_LEAD = 5;
const SHORT_LEAD = 2;
const REFERRAL_LEAD = 1;

export const DEFAULT_TASK_CATALOGUE: readonly TaskTemplate[] = [
  // OFFENDER MANAGEMENT: planned for every sentenced or recalled woman without a COM, not from a pathway need
  // (com-allocation.ts). Due on her COM allocated date by the POM to COM handover rules (handover.ts: OMiC on
  // gov.uk; ministryofjustice/offender-management-allocation-manager, handover_calculation.rb). A case past its
  // handover date with no COM is "COM allocation overdue" there, raised with the probation delivery unit and then
  // its manager: the ladder's first rung, two working days after.
  {
    key: COM_ALLOCATION_TASK_KEY,
    pathway: Pathway.ATTITUDES_THINKING_AND_BEHAVIOUR,
    title: 'Allocate her community offender manager',
    description:
      'She has no community offender manager (COM). The probation delivery unit for her release area allocates one by her COM allocated date, ' +
      'so the COM can start working with her POM before the handover and plan her release and licence. It closes itself when a COM is recorded.',
    ownerRole: Role.COM,
    deadline: { anchor: DeadlineAnchor.COM_ALLOCATED, offset: 0, unit: OffsetUnit.CALENDAR_DAYS },
    atRiskLeadWorkingDays: LONG_LEAD,
    escalationLadder: DEFAULT_ESCALATION_LADDER,
    releaseCritical: true,
    eligibility: {},
    active: true,
  },
  // ACCOMMODATION: the most common need; the release-day tasks sit here as they are about where she goes.
  {
    key: 'CRS_ACCOMMODATION_REFERRAL',
    pathway: Pathway.ACCOMMODATION,
    title: 'Refer her to the CRS provider for accommodation support',
    description:
      'The CRS provider in her release area only starts work once the community offender manager refers her through Refer and Monitor. ' +
      'Refer within two working days of the need being identified, include her risk information, and refer her for her other needs at the same time, not just housing.',
    ownerRole: Role.COM,
    deadline: workingDaysFromNeedIdentified(2),
    atRiskLeadWorkingDays: REFERRAL_LEAD,
    escalationLadder: REFERRAL_SEND_ESCALATION,
    releaseCritical: true,
    eligibility: {},
    active: true,
  },
  {
    key: 'CRS_ACCOMMODATION_SUPPORT',
    pathway: Pathway.ACCOMMODATION,
    title: 'CRS accommodation support: first contact and a housing plan',
    description:
      'The CRS caseworker for her release area makes first contact (face to face or by video, not only by letter) and agrees a housing plan with her: ' +
      'what she can afford, where it is safe for her to live, and what happens on the night of release if nothing is confirmed.',
    ownerRole: Role.CRS_CASEWORKER,
    deadline: daysFromRelease(-70),
    atRiskLeadWorkingDays: LONG_LEAD,
    releaseCritical: true,
    eligibility: {},
    active: true,
  },
  {
    key: 'DUTY_TO_REFER',
    pathway: Pathway.ACCOMMODATION,
    title: 'Make the duty to refer to the local authority',
    description:
      'If she is likely to be homeless on release, make the homelessness duty to refer to the housing authority for her release area, with her consent. ' +
      'CRS providers are not contracted to do this, so the pre-release team owns it here and she does not slip through the net.',
    ownerRole: Role.PRE_RELEASE_TEAM,
    deadline: daysFromRelease(-56),
    atRiskLeadWorkingDays: LONG_LEAD,
    releaseCritical: true,
    eligibility: {},
    active: true,
  },
  {
    key: 'RELEASE_ADDRESS_CONFIRMED',
    pathway: Pathway.ACCOMMODATION,
    title: 'Confirm her release address',
    description:
      'Confirm where she will live on release and check the address against her risk of harm, including how close it is to any victim. ' +
      'Tell healthcare and the other teams: community services cannot accept referrals until the address is known.',
    ownerRole: Role.COM,
    deadline: daysFromRelease(-28),
    atRiskLeadWorkingDays: LONG_LEAD,
    releaseCritical: true,
    eligibility: {},
    active: true,
  },
  {
    key: 'RELEASE_DAY_APPOINTMENTS',
    pathway: Pathway.ACCOMMODATION,
    title: 'Book her release-day appointments',
    description:
      'Book probation reporting, the local authority housing appointment, the jobcentre and her travel, and check she can reach them all given the distance from the prison. ' +
      'Arrange Through the Gate support if she has complex needs.',
    ownerRole: Role.POM,
    deadline: daysFromRelease(-7),
    atRiskLeadWorkingDays: SHORT_LEAD,
    releaseCritical: true,
    eligibility: {},
    active: true,
  },
  {
    key: 'BASIC_MOBILE_PHONE',
    pathway: Pathway.ACCOMMODATION,
    title: 'Give her a basic mobile phone for release',
    description:
      'Leaving prison without a phone makes it hard to keep appointments and stay in touch with her supervising officer. ' +
      'Give her a basic, charged phone with her key contacts saved.',
    ownerRole: Role.POM,
    deadline: daysFromRelease(-2),
    atRiskLeadWorkingDays: REFERRAL_LEAD,
    releaseCritical: false,
    eligibility: {},
    active: true,
  },
  {
    key: 'ACCOMMODATION_NIGHT_OF_RELEASE',
    pathway: Pathway.ACCOMMODATION,
    title: 'Record where she slept on the night of release',
    description:
      'Record whether she had somewhere to stay on her first night, and what kind of place it was (settled, approved premises, CAS2, CAS3, night shelter, none).',
    ownerRole: Role.COM,
    deadline: workingDaysFromRelease(1),
    atRiskLeadWorkingDays: REFERRAL_LEAD,
    releaseCritical: false,
    eligibility: {},
    active: true,
  },
  {
    key: 'ACCOMMODATION_OUTCOME_12_WEEKS',
    pathway: Pathway.ACCOMMODATION,
    title: 'Record her accommodation 12 weeks after release',
    description:
      'A bed for the first night is not a measure of success. Record where she is living 12 weeks after release and whether it is likely to last more than three months.',
    ownerRole: Role.COM,
    deadline: daysFromRelease(84),
    atRiskLeadWorkingDays: LONG_LEAD,
    releaseCritical: false,
    eligibility: {},
    active: true,
  },

  // FINANCE_AND_ID
  {
    key: 'NATIONAL_INSURANCE_NUMBER',
    pathway: Pathway.FINANCE_AND_ID,
    title: 'Apply for her National Insurance number',
    description:
      'Apply to HM Revenue and Customs for her National Insurance number; the jobcentre can no longer give it and HMRC takes weeks. ' +
      'Without it she cannot work on ROTL or on release.',
    ownerRole: Role.PRE_RELEASE_TEAM,
    deadline: daysFromRelease(-70),
    atRiskLeadWorkingDays: LONG_LEAD,
    releaseCritical: true,
    eligibility: {},
    active: true,
  },
  {
    key: 'BANK_ACCOUNT',
    pathway: Pathway.FINANCE_AND_ID,
    title: 'Help her apply for a bank account',
    description:
      'Help her apply for a basic bank account through the prison banking scheme. A joint account with an abusive partner is not a reason to give up: ask the bank about a sole account.',
    ownerRole: Role.PRE_RELEASE_TEAM,
    // Due on the last day she still has more than six weeks left to serve, when the application must be in.
    deadline: daysFromRelease(-(BANK_ACCOUNT_MIN_DAYS_TO_SERVE + 1)),
    atRiskLeadWorkingDays: LONG_LEAD,
    releaseCritical: false,
    eligibility: BANK_ACCOUNT_ELIGIBILITY,
    ineligibleAlternative: {
      title: 'Bank account not possible before release: plan the alternative',
      description:
        'She cannot apply for a bank account from prison. Before release give her a letter confirming her identity and release address to open a basic bank account, ' +
        'her ID pack (birth certificate, National Insurance number, discharge papers), and a jobcentre appointment for her first working day out. ' +
        'Until she has an account, ask the jobcentre to pay her Universal Credit through the Post Office (Payment Exception Service).',
    },
    active: true,
  },
  {
    key: 'ID_DOCUMENTS',
    pathway: Pathway.FINANCE_AND_ID,
    title: 'Apply for her ID documents (birth certificate)',
    description:
      'Apply for her birth certificate and any other ID she needs for benefits, banking and housing. A driving licence needs a permanent release address.',
    ownerRole: Role.PRE_RELEASE_TEAM,
    deadline: daysFromRelease(-56),
    atRiskLeadWorkingDays: LONG_LEAD,
    releaseCritical: false,
    eligibility: {},
    active: true,
  },
  {
    key: 'CRS_FINANCE_BENEFIT_DEBT_SUPPORT',
    pathway: Pathway.FINANCE_AND_ID,
    title: 'CRS finance, benefit and debt support session',
    description:
      'The CRS caseworker helps her with debts, rent arrears and budgeting before release, so the first Universal Credit payment gap does not put her tenancy at risk.',
    ownerRole: Role.CRS_CASEWORKER,
    deadline: daysFromRelease(-28),
    atRiskLeadWorkingDays: SHORT_LEAD,
    releaseCritical: false,
    eligibility: {},
    active: true,
  },
  {
    key: 'UNIVERSAL_CREDIT_CLAIM',
    pathway: Pathway.FINANCE_AND_ID,
    title: 'Prepare her Universal Credit claim',
    description:
      'With the prison DWP work coach, prepare her Universal Credit claim (and an advance payment if she needs one) so it can be activated on release, at the gate where the prison offers it.',
    ownerRole: Role.PRE_RELEASE_TEAM,
    deadline: daysFromRelease(-14),
    atRiskLeadWorkingDays: SHORT_LEAD,
    releaseCritical: true,
    eligibility: {},
    active: true,
  },

  // HEALTH
  {
    key: 'GP_REGISTRATION',
    pathway: Pathway.HEALTH,
    title: 'Register her with a GP near her release address',
    description:
      'Register her with a GP near her release address and make sure healthcare send her records, so her care carries on after release.',
    ownerRole: Role.PRE_RELEASE_TEAM,
    deadline: daysFromRelease(-14),
    atRiskLeadWorkingDays: SHORT_LEAD,
    releaseCritical: false,
    eligibility: {},
    active: true,
  },
  {
    key: 'RELEASE_MEDICATION',
    pathway: Pathway.HEALTH,
    title: 'Arrange her medication supply for release',
    description:
      'Ask healthcare to prepare her medication to take out on release, or a prescription, to last until she sees her GP.',
    ownerRole: Role.PRE_RELEASE_TEAM,
    deadline: daysFromRelease(-7),
    atRiskLeadWorkingDays: SHORT_LEAD,
    releaseCritical: true,
    eligibility: {},
    active: true,
  },

  // CHILDREN_FAMILIES_AND_COMMUNITY
  {
    key: 'FAMILY_RESETTLEMENT_CONTACT',
    pathway: Pathway.CHILDREN_FAMILIES_AND_COMMUNITY,
    title: 'Refer her to the family resettlement worker',
    description:
      'She is returning to a caring role. Refer her to the family resettlement worker 12 weeks before release so her family can be part of release planning, ' +
      'and involve children’s social care if her children are looked after.',
    ownerRole: Role.PRE_RELEASE_TEAM,
    deadline: daysFromRelease(-84),
    atRiskLeadWorkingDays: LONG_LEAD,
    releaseCritical: false,
    eligibility: { requiresFlag: SensitiveFlag.DEPENDENT_CHILDREN },
    active: true,
  },

  // DRUGS_AND_ALCOHOL
  {
    key: 'COMMUNITY_DRUG_ALCOHOL_REFERRAL',
    pathway: Pathway.DRUGS_AND_ALCOHOL,
    title: 'Refer her to the community drug and alcohol service',
    description:
      'With the prison substance misuse team, refer her to the drug and alcohol service for her release address and book her first appointment, so any treatment carries on without a gap.',
    ownerRole: Role.PRE_RELEASE_TEAM,
    deadline: daysFromRelease(-28),
    atRiskLeadWorkingDays: LONG_LEAD,
    releaseCritical: true,
    eligibility: {},
    active: true,
  },
  {
    key: 'NALOXONE_ON_RELEASE',
    pathway: Pathway.DRUGS_AND_ALCOHOL,
    title: 'Give her naloxone and harm reduction advice',
    description:
      'Overdose risk is highest in the first weeks after release. Make sure she leaves with naloxone, knows how to use it, and has had harm minimisation advice.',
    ownerRole: Role.PRE_RELEASE_TEAM,
    deadline: daysFromRelease(-2),
    atRiskLeadWorkingDays: REFERRAL_LEAD,
    releaseCritical: false,
    eligibility: {},
    active: true,
  },

  // EDUCATION_SKILLS_AND_WORK
  {
    key: 'EMPLOYMENT_EDUCATION_REFERRAL',
    pathway: Pathway.EDUCATION_SKILLS_AND_WORK,
    title: 'Refer her to the prison employment lead',
    description:
      'Refer her to the prison employment lead for help with a CV and disclosure letter, ROTL work with employers, and education or training to carry on after release.',
    ownerRole: Role.PRE_RELEASE_TEAM,
    deadline: daysFromRelease(-56),
    atRiskLeadWorkingDays: LONG_LEAD,
    releaseCritical: false,
    eligibility: {},
    active: true,
  },

  // ATTITUDES_THINKING_AND_BEHAVIOUR: the most overlooked need in the inspection's cases.
  {
    key: 'CRS_EDUCATION_WORK_SUPPORT',
    pathway: Pathway.EDUCATION_SKILLS_AND_WORK,
    title: 'CRS education, training and employment support plan',
    description:
      'The CRS caseworker agrees a plan for work, training or volunteering after release and links her with the jobcentre work coach in her release area.',
    ownerRole: Role.CRS_CASEWORKER,
    deadline: daysFromRelease(-21),
    atRiskLeadWorkingDays: SHORT_LEAD,
    releaseCritical: false,
    eligibility: {},
    active: true,
  },
  {
    key: 'CRS_PERSONAL_WELLBEING_REFERRAL',
    pathway: Pathway.ATTITUDES_THINKING_AND_BEHAVIOUR,
    title: 'Refer her to CRS for personal wellbeing (thinking skills)',
    description:
      'Refer her to the CRS provider’s personal wellbeing pathway for help with thinking skills and decision-making, or to a short pre-release course where the prison runs one.',
    ownerRole: Role.COM,
    deadline: workingDaysFromNeedIdentified(2),
    atRiskLeadWorkingDays: REFERRAL_LEAD,
    escalationLadder: REFERRAL_SEND_ESCALATION,
    releaseCritical: false,
    eligibility: {},
    active: true,
  },

  // DOMESTIC_ABUSE: not yet a CRS pathway; the inspection recommends it become one.
  {
    key: 'CRS_DOMESTIC_ABUSE_REFERRAL',
    pathway: Pathway.DOMESTIC_ABUSE,
    title: 'Refer her to CRS for domestic abuse support',
    description:
      'Refer her to the women’s CRS provider (or a specialist domestic abuse service) within two working days of the need being identified. ' +
      'Talk to her face to face, not by phone, and record what she agrees can be shared.',
    ownerRole: Role.COM,
    deadline: workingDaysFromNeedIdentified(2),
    atRiskLeadWorkingDays: REFERRAL_LEAD,
    escalationLadder: REFERRAL_SEND_ESCALATION,
    releaseCritical: false,
    eligibility: {},
    active: true,
  },
  {
    key: 'DOMESTIC_ABUSE_SAFETY_PLAN',
    pathway: Pathway.DOMESTIC_ABUSE,
    title: 'Agree a safety plan for her release address',
    description:
      'Agree a safety plan with her for her release address: whether the abuser knows or lives near it, who she can call, and any police or MARAC involvement.',
    ownerRole: Role.COM,
    deadline: daysFromRelease(-21),
    atRiskLeadWorkingDays: LONG_LEAD,
    releaseCritical: true,
    eligibility: {},
    active: true,
  },

  // SEX_WORK: not yet a CRS pathway; the inspection recommends it become one.
  {
    key: 'CRS_SEX_WORK_REFERRAL',
    pathway: Pathway.SEX_WORK,
    title: 'Refer her to CRS for sex work support',
    description:
      'Refer her to the women’s CRS provider (or a specialist service for women involved in sex work) within two working days of the need being identified.',
    ownerRole: Role.COM,
    deadline: workingDaysFromNeedIdentified(2),
    atRiskLeadWorkingDays: REFERRAL_LEAD,
    escalationLadder: REFERRAL_SEND_ESCALATION,
    releaseCritical: false,
    eligibility: {},
    active: true,
  },
];
