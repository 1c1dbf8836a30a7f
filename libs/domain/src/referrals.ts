/**
 * CRS referrals (recommendations 5 and 6): the states a referral moves through, who may move it, the
 * reference it carries, and the deadline of each stage. The inspection found referrals waiting on the COM
 * in half of cases and bounced back and forth for missing risk information; these rules make each wait a
 * task with a deadline and an owner.
 */
import { Pathway } from './pathways';
import { Role } from './roles';
import { DeadlineAnchor, DeadlineRule, OffsetUnit } from './task-template';
import { EscalationStep, EscalationTarget } from './alerts';
import {
  ReferralStatus,
  ReferralOutcome,
  ReferralPathway,
  ReferralRiskInformation,
  ReferralAction,
  ReferralStage,
} from '@app/contracts';
export { ReferralStatus, ReferralOutcome, RoshLevel, ReferralAction, ReferralStage } from '@app/contracts';
export type { ReferralPathway, ReferralRiskInformation } from '@app/contracts';

export const REFERRAL_STATUSES: readonly ReferralStatus[] = Object.values(ReferralStatus);

/** Closed referrals: nothing more happens to them. RETURNED is open: it waits on the referrer. */
export const CLOSED_REFERRAL_STATUSES: readonly ReferralStatus[] = [ReferralStatus.ENDED, ReferralStatus.WITHDRAWN];

export function isOpenReferralStatus(status: ReferralStatus): boolean {
  return !CLOSED_REFERRAL_STATUSES.includes(status);
}

export const REFERRAL_OUTCOMES: readonly ReferralOutcome[] = Object.values(ReferralOutcome);

/** The pathways a women's CRS provider is contracted for (domestic abuse and sex work as the inspection asks). */
export const CRS_PATHWAYS: readonly Pathway[] = [
  Pathway.ACCOMMODATION,
  Pathway.ATTITUDES_THINKING_AND_BEHAVIOUR,
  Pathway.CHILDREN_FAMILIES_AND_COMMUNITY,
  Pathway.DRUGS_AND_ALCOHOL,
  Pathway.EDUCATION_SKILLS_AND_WORK,
  Pathway.FINANCE_AND_ID,
  Pathway.DOMESTIC_ABUSE,
  Pathway.SEX_WORK,
];

/** The catalogue tasks that ask the COM to refer: sending a referral for the pathway completes them. */
export const REFERRAL_TASK_KEYS: Readonly<Partial<Record<Pathway, string>>> = {
  [Pathway.ACCOMMODATION]: 'CRS_ACCOMMODATION_REFERRAL',
  [Pathway.ATTITUDES_THINKING_AND_BEHAVIOUR]: 'CRS_PERSONAL_WELLBEING_REFERRAL',
  [Pathway.DOMESTIC_ABUSE]: 'CRS_DOMESTIC_ABUSE_REFERRAL',
  [Pathway.SEX_WORK]: 'CRS_SEX_WORK_REFERRAL',
};

interface Transition {
  from: readonly ReferralStatus[];
  to: ReferralStatus;
}

const S = ReferralStatus;

export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralAction, Transition>> = {
  [ReferralAction.SEND]: { from: [S.DRAFT, S.RETURNED], to: S.SENT },
  [ReferralAction.ASSIGN]: { from: [S.SENT], to: S.ASSIGNED },
  [ReferralAction.BOOK_ASSESSMENT]: { from: [S.ASSIGNED], to: S.ASSESSMENT_BOOKED },
  [ReferralAction.SUBMIT_ACTION_PLAN]: { from: [S.ASSESSMENT_BOOKED], to: S.ACTION_PLAN_SUBMITTED },
  [ReferralAction.APPROVE_ACTION_PLAN]: { from: [S.ACTION_PLAN_SUBMITTED], to: S.ACTION_PLAN_APPROVED },
  [ReferralAction.START_DELIVERY]: { from: [S.ACTION_PLAN_APPROVED], to: S.IN_DELIVERY },
  [ReferralAction.END]: { from: [S.IN_DELIVERY], to: S.ENDED },
  [ReferralAction.WITHDRAW]: {
    from: [
      S.DRAFT,
      S.SENT,
      S.ASSIGNED,
      S.ASSESSMENT_BOOKED,
      S.ACTION_PLAN_SUBMITTED,
      S.ACTION_PLAN_APPROVED,
      S.IN_DELIVERY,
      S.RETURNED,
    ],
    to: S.WITHDRAWN,
  },
  // A provider sends a referral back when it cannot start: before the assessment, not in the middle of delivery.
  [ReferralAction.RETURN]: { from: [S.SENT, S.ASSIGNED], to: S.RETURNED },
};

export function actionsFrom(status: ReferralStatus): ReferralAction[] {
  return (Object.keys(REFERRAL_TRANSITIONS) as ReferralAction[]).filter((a) =>
    REFERRAL_TRANSITIONS[a].from.includes(status),
  );
}

/** Null when the action is allowed from this status; otherwise why not, in words for a 409. */
export function referralTransitionProblem(status: ReferralStatus, action: ReferralAction): string | null {
  if (REFERRAL_TRANSITIONS[action].from.includes(status)) return null;
  const allowed = actionsFrom(status);
  return (
    `A referral that is ${status} cannot ${action}` +
    (allowed.length > 0 ? `; from ${status} it can: ${allowed.join(', ')}` : `; ${status} is final`)
  );
}

/** Two letters, four digits, then the contract suffix: AB1234WOS. */
export const REFERRAL_REFERENCE_PATTERN = /^[A-Z]{2}[0-9]{4}[A-Z]{2,8}$/;
export const CONTRACT_SUFFIX_PATTERN = /^[A-Z]{2,8}$/;

// I and O are left out: on a phone call they are heard as 1 and 0.
const REFERENCE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** `random` returns [0, 1); injected so tests can pin it. Uniqueness is the database's job. */
export function makeReferralReference(contractSuffix: string, random: () => number = Math.random): string {
  if (!CONTRACT_SUFFIX_PATTERN.test(contractSuffix)) {
    throw new RangeError(`A contract suffix is 2 to 8 capital letters, not '${contractSuffix}'`);
  }
  const letter = (): string => REFERENCE_LETTERS[Math.floor(random() * REFERENCE_LETTERS.length)];
  const letters = letter() + letter();
  const digits = String(Math.floor(random() * 10_000)).padStart(4, '0');
  return `${letters}${digits}${contractSuffix}`;
}

export interface ReferralStageRule {
  stage: ReferralStage;
  /** The status that opens the stage and the statuses that close it. */
  opensOn: ReferralStatus;
  title: string;
  description: string;
  ownerRole: Role;
  deadline: DeadlineRule;
  atRiskLeadWorkingDays: number;
  escalationLadder: readonly EscalationStep[];
}

function workingDaysAfterStage(offset: number): DeadlineRule {
  // NEED_IDENTIFIED is the anchor the engine has for "when this started": the stage task passes its start.
  return { anchor: DeadlineAnchor.NEED_IDENTIFIED, offset, unit: OffsetUnit.WORKING_DAYS };
}

const MANAGER_AT_ONCE: readonly EscalationStep[] = [{ afterWorkingDays: 0, to: EscalationTarget.TEAM_MANAGER }];
const MANAGER_THEN_GOVERNOR: readonly EscalationStep[] = [
  { afterWorkingDays: 2, to: EscalationTarget.TEAM_MANAGER },
  { afterWorkingDays: 5, to: EscalationTarget.GOVERNOR },
];

/**
 * Default service levels. First contact in 5 working days and an action plan within 10 of the assessment
 * being booked follow the CRS women's services specification; the COM has 2 working days to approve, as she
 * has to refer. Each is a stage task, so the deadline engine alerts and escalates it like any other.
 */
export const REFERRAL_STAGE_RULES: readonly ReferralStageRule[] = [
  {
    stage: ReferralStage.FIRST_CONTACT,
    opensOn: ReferralStatus.SENT,
    title: 'CRS: make first contact and book the assessment',
    description:
      'Take the referral, make first contact with her (face to face or by video where possible) and book her assessment.',
    ownerRole: Role.CRS_CASEWORKER,
    deadline: workingDaysAfterStage(5),
    atRiskLeadWorkingDays: 2,
    escalationLadder: MANAGER_THEN_GOVERNOR,
  },
  {
    stage: ReferralStage.ACTION_PLAN,
    opensOn: ReferralStatus.ASSESSMENT_BOOKED,
    title: 'CRS: submit the action plan to the COM',
    description: 'Assess her needs and submit an action plan against the desired outcomes for the COM to approve.',
    ownerRole: Role.CRS_CASEWORKER,
    deadline: workingDaysAfterStage(10),
    atRiskLeadWorkingDays: 3,
    escalationLadder: MANAGER_THEN_GOVERNOR,
  },
  {
    stage: ReferralStage.APPROVAL,
    opensOn: ReferralStatus.ACTION_PLAN_SUBMITTED,
    title: 'Approve the CRS action plan',
    description: 'Read the provider’s action plan and approve it so delivery can start, or talk to the caseworker.',
    ownerRole: Role.COM,
    deadline: workingDaysAfterStage(2),
    atRiskLeadWorkingDays: 1,
    escalationLadder: MANAGER_AT_ONCE,
  },
  {
    stage: ReferralStage.RESUBMISSION,
    opensOn: ReferralStatus.RETURNED,
    title: 'Fix and resend the returned CRS referral',
    description: 'The provider returned the referral: read the reason, add what is missing and send it again.',
    ownerRole: Role.COM,
    deadline: workingDaysAfterStage(2),
    atRiskLeadWorkingDays: 1,
    escalationLadder: MANAGER_AT_ONCE,
  },
];

export const REFERRAL_SEND_ESCALATION: readonly EscalationStep[] = MANAGER_AT_ONCE;

export function stageTemplateKey(stage: ReferralStage): string {
  return `REFERRAL_${stage}`;
}

export function stageOpenedBy(status: ReferralStatus): ReferralStageRule | null {
  return REFERRAL_STAGE_RULES.find((rule) => rule.opensOn === status) ?? null;
}

/** Problems that stop a referral being sent, by field, so the referrer fixes them all in one go. */
export function referralSendProblems(referral: {
  pathways: readonly ReferralPathway[];
  riskInformation: ReferralRiskInformation | null;
}): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (referral.pathways.length === 0) {
    problems.push({ field: 'pathways', message: 'A referral needs at least one pathway' });
  }
  referral.pathways.forEach((p, i) => {
    if (p.desiredOutcomes.length === 0) {
      problems.push({
        field: `pathways.${i}.desiredOutcomes`,
        message: `Say what she wants to achieve on ${p.pathway}: the provider plans against these outcomes`,
      });
    }
  });
  const risk = referral.riskInformation ?? {};
  if (!risk.roshLevel) {
    problems.push({
      field: 'riskInformation.roshLevel',
      message: 'The provider cannot see OASys: give her risk of serious harm level',
    });
  }
  if (!risk.riskSummary || risk.riskSummary.trim() === '') {
    problems.push({
      field: 'riskInformation.riskSummary',
      message: 'The provider cannot see OASys or nDelius: summarise who she is a risk to and when',
    });
  }
  return problems;
}

/** The end-of-service report must give an outcome for every desired outcome of every pathway. */
export function endOfServiceProblems(
  pathways: readonly ReferralPathway[],
  outcomes: readonly { pathway: Pathway; desiredOutcome: string; outcome: ReferralOutcome }[],
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const p of pathways) {
    for (const desired of p.desiredOutcomes) {
      if (!outcomes.some((o) => o.pathway === p.pathway && o.desiredOutcome === desired)) {
        problems.push({ field: 'outcomes', message: `No outcome given for '${desired}' on ${p.pathway}` });
      }
    }
  }
  outcomes.forEach((o, i) => {
    const p = pathways.find((x) => x.pathway === o.pathway);
    if (!p || !p.desiredOutcomes.includes(o.desiredOutcome)) {
      problems.push({
        field: `outcomes.${i}`,
        message: `'${o.desiredOutcome}' on ${o.pathway} is not one of the referral's desired outcomes`,
      });
    }
  });
  return problems;
}
