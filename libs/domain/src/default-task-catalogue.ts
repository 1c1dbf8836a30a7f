/**
 * The default resettlement task catalogue: what each pathway marked SUPPORT_REQUIRED turns into, who owns it
 * and when it is due. Grounded in chapter 3 of HM Inspectorates of Probation and Prisons, "The quality of work
 * undertaken with women" (May 2024). Keys are stored on tasks, so never rename one: retire it (active: false).
 */
import { DEFAULT_ESCALATION_LADDER } from './alerts';
import { COM_ALLOCATION_TASK_KEY } from './com-allocation';
import {
  AssessmentKind,
  IMMEDIATE_NEEDS_ASSESSMENT_WORKING_DAYS,
  PRE_RELEASE_ASSESSMENT_DAYS_BEFORE_RELEASE,
} from './assessments';
import { BANK_ACCOUNT_ELIGIBILITY, BANK_ACCOUNT_MIN_DAYS_TO_SERVE } from './bank-accounts';
import { ID_DOCUMENT_ISSUERS, ID_DOCUMENT_SAFETY_MARGIN_WORKING_DAYS, IdDocumentType } from './id-documents';
import { NationalInsuranceRoute } from './national-insurance';
import { Pathway } from './pathways';
import { REFERRAL_SEND_ESCALATION } from './referrals';
import { Role } from './roles';
import { UNSUPERVISED_RELEASE_TYPES } from './release-supervision';
import { DeadlineAnchor, DeadlineRule, OffsetUnit, TaskTemplate } from './task-template';
import { TENANCY_PROTECTION_WORKING_DAYS } from './tenancy-protection';
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

function daysFromHdcEligibility(offset: number): DeadlineRule {
  return { anchor: DeadlineAnchor.HDC_ELIGIBILITY, offset, unit: OffsetUnit.CALENDAR_DAYS };
}

/**
 * For the COM's and the CRS provider's tasks: a woman released at the end of her sentence with no supervision has
 * no COM after release and no CRS (see release-supervision.ts), so the prison's pre-release team takes the work
 * and points her to voluntary services instead.
 */
const SUPERVISED_ONLY = { releaseTypeNotIn: [...UNSUPERVISED_RELEASE_TYPES] };

/**
 * HDC (Criminal Justice Act 2003 s.246; HMPPS Home Detention Curfew Policy Framework): the prison starts the HDC
 * process at least 10 weeks before her HDC eligibility date, and the address must be found and checked in time for
 * the decision before that date. Only for women with an HDCED.
 */
const HAS_HDC_ELIGIBILITY_DATE = { requiresHdcEligibilityDate: true };
const HDC_PROCESS_START_DAYS = 70;

function workingDaysFromReception(offset: number): DeadlineRule {
  return { anchor: DeadlineAnchor.RECEPTION, offset, unit: OffsetUnit.WORKING_DAYS };
}

/**
 * Due when an application must go in for the document to arrive with the safety margin before release: the
 * issuer's lead time plus the margin's working days as a calendar week (the task's due day is then brought to a
 * working day). Keeps each task's deadline tied to the lead time (and its source) in id-documents.ts.
 */
function applyInTimeFor(document: IdDocumentType): DeadlineRule {
  const marginCalendarDays = Math.ceil((ID_DOCUMENT_SAFETY_MARGIN_WORKING_DAYS * 7) / 5);
  return daysFromRelease(-(ID_DOCUMENT_ISSUERS[document].leadTimeDays + marginCalendarDays));
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
    eligibility: SUPERVISED_ONLY,
    ineligibleAlternative: {
      title: 'No CRS after a sentence-end release: link her with voluntary housing support',
      description:
        'She leaves at the end of her sentence with no supervision, so she has no community offender manager after release and the CRS provider will not take her. ' +
        'Link her with a voluntary housing or women’s centre service in her release area within two working days, and make the duty to refer to the local authority as well.',
      ownerRole: Role.PRE_RELEASE_TEAM,
    },
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
    eligibility: SUPERVISED_ONLY,
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
    // The duty to refer is English law (Housing Act 1996 s.213B, inserted by the Homelessness Reduction Act 2017).
    eligibility: { releaseCountryIn: ['ENGLAND'] },
    active: true,
  },
  {
    key: 'WALES_HOMELESSNESS_PATHWAY_REFERRAL',
    pathway: Pathway.ACCOMMODATION,
    title: 'Refer her to the Welsh local authority under the national pathway',
    description:
      'She is going to a Welsh area, where the English duty to refer does not apply. Under the Welsh Government’s National Pathway for Homelessness Services ' +
      'to Children, Young People and Adults in the Secure Estate, refer her, with her consent, to the housing authority she will return to, so it can assess ' +
      'her (Housing (Wales) Act 2014 s.62) and help prevent her homelessness (s.66) or help secure her a home (s.73) before she leaves. ' +
      'The authority must be able to start 56 days before release, when she counts as threatened with homelessness (s.55(4)).',
    ownerRole: Role.PRE_RELEASE_TEAM,
    // Housing (Wales) Act 2014 s.55(4): threatened with homelessness within 56 days; the pathway starts the help then.
    deadline: daysFromRelease(-56),
    atRiskLeadWorkingDays: LONG_LEAD,
    releaseCritical: true,
    eligibility: { releaseCountryIn: ['WALES'] },
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
    eligibility: SUPERVISED_ONLY,
    ineligibleAlternative: {
      title: 'Find out where she will live on release',
      description:
        'She has no licence, so no address needs approving, but somebody must know where she is going: ask her, check it is safe for her, ' +
        'and tell healthcare and the other teams so that community services can take referrals.',
      ownerRole: Role.PRE_RELEASE_TEAM,
    },
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
    // Nobody supervises a woman released at sentence end, so nobody can record it.
    eligibility: SUPERVISED_ONLY,
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
    eligibility: SUPERVISED_ONLY,
    active: true,
  },

  {
    key: 'HDC_CURFEW_ADDRESS',
    pathway: Pathway.ACCOMMODATION,
    title: 'HDC: confirm her eligibility and ask for her proposed curfew address',
    description:
      'She can be released on home detention curfew from her HDC eligibility date. Start the HDC process at least 10 weeks before that date: ' +
      'confirm she is eligible, and ask her for the address she proposes to live at under curfew, so there is time for it to be checked.',
    ownerRole: Role.POM,
    deadline: daysFromHdcEligibility(-HDC_PROCESS_START_DAYS),
    atRiskLeadWorkingDays: LONG_LEAD,
    releaseCritical: false,
    eligibility: HAS_HDC_ELIGIBILITY_DATE,
    active: true,
  },
  {
    key: 'HDC_CAS2_REFERRAL',
    pathway: Pathway.ACCOMMODATION,
    title: 'HDC: refer her to CAS2 for HDC if she has no suitable address',
    description:
      'If she has nowhere suitable to live under curfew, refer her to the Community Accommodation Service tier 2 (CAS-2 for HDC) as soon as her eligibility is confirmed, ' +
      'after checking with the COM that the release area is acceptable. A late referral times out, especially on a short sentence. Mark it not needed if her own address is proposed.',
    ownerRole: Role.POM,
    deadline: daysFromHdcEligibility(-63),
    atRiskLeadWorkingDays: SHORT_LEAD,
    releaseCritical: false,
    eligibility: HAS_HDC_ELIGIBILITY_DATE,
    active: true,
  },
  {
    key: 'HDC_ADDRESS_CHECKS',
    pathway: Pathway.ACCOMMODATION,
    title: 'HDC: complete the checks on her proposed curfew address',
    description:
      'Check the proposed curfew address (or the CAS2 area) against her risk of harm and the people who live there, and send the result to the prison, ' +
      'so the decision on her HDC can be made before her HDC eligibility date.',
    ownerRole: Role.COM,
    deadline: daysFromHdcEligibility(-28),
    atRiskLeadWorkingDays: LONG_LEAD,
    releaseCritical: false,
    eligibility: HAS_HDC_ELIGIBILITY_DATE,
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
    // Retired: confirming a number and getting a first one are different tasks with different lead times.
    active: false,
  },
  {
    key: 'NATIONAL_INSURANCE_NUMBER_CONFIRM',
    pathway: Pathway.FINANCE_AND_ID,
    title: 'Get her National Insurance number confirmed in writing (HMRC)',
    description:
      'She was almost certainly sent a number before she was 16. If she does not have it to hand, ask HM Revenue and Customs for a letter confirming it ' +
      '(form CA5403 by post: up to 15 days). If HMRC finds no number for her, she needs a new one: apply to DWP instead. ' +
      'Without it she cannot work on ROTL or on release.',
    ownerRole: Role.PRE_RELEASE_TEAM,
    // Lead time: gov.uk "Get your National Insurance number" (CA5403), up to 15 days by post; see id-documents.ts.
    deadline: applyInTimeFor(IdDocumentType.NATIONAL_INSURANCE_NUMBER_LETTER),
    atRiskLeadWorkingDays: LONG_LEAD,
    releaseCritical: true,
    eligibility: { nationalInsuranceRoute: NationalInsuranceRoute.CONFIRM_EXISTING },
    active: true,
  },
  {
    key: 'NATIONAL_INSURANCE_NUMBER_NEW',
    pathway: Pathway.FINANCE_AND_ID,
    title: 'Apply for her first National Insurance number (DWP)',
    description:
      'She has never had a National Insurance number. Apply to the Department for Work and Pensions with her right to work and identity documents; ' +
      'DWP may need to see her for an evidence of identity check, so arrange it with the prison. Without it she cannot work on ROTL or on release.',
    ownerRole: Role.PRE_RELEASE_TEAM,
    // Lead time: gov.uk "Apply for a National Insurance number" (DWP, identity checked); eight weeks allowed, see id-documents.ts.
    deadline: applyInTimeFor(IdDocumentType.NEW_NATIONAL_INSURANCE_NUMBER),
    atRiskLeadWorkingDays: LONG_LEAD,
    releaseCritical: true,
    eligibility: { nationalInsuranceRoute: NationalInsuranceRoute.APPLY_FOR_NEW },
    active: true,
  },
  {
    key: 'EVISA_ACCESS',
    pathway: Pathway.FINANCE_AND_ID,
    title: 'Help her get access to her eVisa (UKVI account and share code)',
    description:
      'Biometric residence permits expired on 31 December 2024: she now proves her immigration status with an eVisa. ' +
      '1. Create her UKVI account (with her passport, or her expired BRP), using an email address and phone she can keep using, or through the UKVI Resolution Centre. ' +
      '2. Link her eVisa to the identity document she will travel and prove her identity with. ' +
      '3. Shortly before release, make a share code for what she needs first (right to rent for her landlord, right to work for an employer, or for DWP): a code lasts 90 days.',
    ownerRole: Role.PRE_RELEASE_TEAM,
    // Lead time: gov.uk "Get access to your eVisa" publishes none; four weeks allowed, see id-documents.ts.
    deadline: applyInTimeFor(IdDocumentType.EVISA_ACCESS),
    atRiskLeadWorkingDays: LONG_LEAD,
    releaseCritical: true,
    eligibility: { requiresFlag: SensitiveFlag.FOREIGN_NATIONAL },
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
    // Retired: finance and debt is not in the custodial scope of the CRS contracts (see crs-scope.ts).
    active: false,
  },
  {
    key: 'FINANCE_DEBT_SUPPORT_BEFORE_RELEASE',
    pathway: Pathway.FINANCE_AND_ID,
    title: 'Help her with debts, rent arrears and budgeting before release',
    description:
      'The CRS provider is not contracted for finance and debt work in prison, so the pre-release team does it: help her deal with debts and rent arrears ' +
      'and plan a budget for the wait for her first Universal Credit payment, so the gap does not put her tenancy at risk.',
    ownerRole: Role.PRE_RELEASE_TEAM,
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
    // Retired: education, training and employment is CRS work in the community only (see crs-scope.ts).
    active: false,
  },
  {
    key: 'EDUCATION_WORK_PLAN_BEFORE_RELEASE',
    pathway: Pathway.EDUCATION_SKILLS_AND_WORK,
    title: 'Agree her plan for work, training or volunteering after release',
    description:
      'With the prison employment lead and the prison DWP work coach, agree a plan for work, training or volunteering after release, ' +
      'and link her with the jobcentre work coach in her release area.',
    ownerRole: Role.PRE_RELEASE_TEAM,
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
    eligibility: SUPERVISED_ONLY,
    ineligibleAlternative: {
      title: 'No CRS after a sentence-end release: a pre-release course and a women’s centre',
      description:
        'She leaves with no supervision, so the CRS provider will not take her. Offer her a short pre-release course where the prison runs one, ' +
        'and link her with a women’s centre or mentoring service in her release area that will work with her after release.',
      ownerRole: Role.PRE_RELEASE_TEAM,
    },
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
    eligibility: SUPERVISED_ONLY,
    ineligibleAlternative: {
      title: 'Refer her to a specialist domestic abuse service',
      description:
        'She leaves with no supervision, so no COM will refer her. Refer her to a specialist domestic abuse service in her release area within two working days, ' +
        'talking to her face to face, and record what she agrees can be shared.',
      ownerRole: Role.PRE_RELEASE_TEAM,
    },
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
    eligibility: SUPERVISED_ONLY,
    ineligibleAlternative: {
      title: 'Agree a safety plan for her release address with her',
      description:
        'She has no COM after release, so the pre-release team agrees the safety plan with her and the specialist domestic abuse service: ' +
        'whether the abuser knows or lives near her address, who she can call, and any police or MARAC involvement.',
      ownerRole: Role.PRE_RELEASE_TEAM,
    },
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
    eligibility: SUPERVISED_ONLY,
    ineligibleAlternative: {
      title: 'Refer her to a specialist service for women involved in sex work',
      description:
        'She leaves with no supervision, so no COM will refer her. Refer her to a specialist service for women involved in sex work in her release area within two working days.',
      ownerRole: Role.PRE_RELEASE_TEAM,
    },
    active: true,
  },

  // RECEPTION: planned for every woman when she arrives (see PLANNED_AT_RECEPTION), not from a pathway's need.
  {
    key: 'IMMEDIATE_NEEDS_ASSESSMENT',
    pathway: Pathway.ACCOMMODATION,
    title: 'Complete her immediate needs assessment',
    description:
      'Within her first days in custody, ask her about every pathway: her home and tenancy, children, benefits, debts, health, work. ' +
      'Record it as her IMMEDIATE_NEEDS assessment; each pathway marked as needing support gets its tasks.',
    ownerRole: Role.PRE_RELEASE_TEAM,
    deadline: workingDaysFromReception(IMMEDIATE_NEEDS_ASSESSMENT_WORKING_DAYS),
    atRiskLeadWorkingDays: SHORT_LEAD,
    releaseCritical: false,
    eligibility: {},
    active: true,
  },
  {
    key: 'PROTECT_TENANCY',
    pathway: Pathway.ACCOMMODATION,
    title: 'Protect her tenancy: tell the council and DWP, or end it properly',
    description:
      'If she has a home, her rent can be paid only for a limited time while she is in custody, and only if the council (Housing Benefit) or DWP (Universal Credit housing costs) is told. ' +
      'With her consent, tell them and her landlord now, and keep the home if she can return in time; if she cannot, help her give it up properly so she does not build arrears that bar her from rehousing. ' +
      'This applies on remand too.',
    ownerRole: Role.PRE_RELEASE_TEAM,
    // Housing Benefit Regulations 2006 reg.7(13),(16),(17); Universal Credit Regulations 2013 reg.19(2),(3) and Sch.3 para.9: see tenancy-protection.ts.
    deadline: workingDaysFromReception(TENANCY_PROTECTION_WORKING_DAYS),
    atRiskLeadWorkingDays: REFERRAL_LEAD,
    releaseCritical: true,
    eligibility: {},
    active: true,
  },
  {
    key: 'PRE_RELEASE_ASSESSMENT',
    pathway: Pathway.ACCOMMODATION,
    title: 'Complete her pre-release assessment',
    description:
      'Twelve weeks before release, review every pathway with her and record it as her PRE_RELEASE assessment, so what is still open has time to be done.',
    ownerRole: Role.PRE_RELEASE_TEAM,
    deadline: daysFromRelease(-PRE_RELEASE_ASSESSMENT_DAYS_BEFORE_RELEASE),
    atRiskLeadWorkingDays: LONG_LEAD,
    releaseCritical: false,
    eligibility: {},
    active: true,
  },
];

/**
 * Planned for every woman at reception (a new arrival or a recall), whatever her needs: the assessments that
 * find her needs, and her tenancy, which is lost in the first weeks if nobody acts. Never planned from a pathway.
 */
export const PLANNED_AT_RECEPTION: readonly string[] = [
  'IMMEDIATE_NEEDS_ASSESSMENT',
  'PROTECT_TENANCY',
  'PRE_RELEASE_ASSESSMENT',
];

/** Which assessment closes which reception task when it is recorded. */
export const ASSESSMENT_TASK_KEYS: Readonly<Record<AssessmentKind, string>> = {
  [AssessmentKind.IMMEDIATE_NEEDS]: 'IMMEDIATE_NEEDS_ASSESSMENT',
  [AssessmentKind.PRE_RELEASE]: 'PRE_RELEASE_ASSESSMENT',
};
