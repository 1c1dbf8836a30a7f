/** CRS referrals: their states, actions and stages, and what the API says about one. */
import type { ReferralActionName } from './capabilities';
import { Pathway } from './pathways';
import type { ReferralNeedsAndRequirements, ReferralTransferView } from './referral-reasons';
import { Complexity } from './women';

export enum ReferralStatus {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
  ASSIGNED = 'ASSIGNED',
  ASSESSMENT_BOOKED = 'ASSESSMENT_BOOKED',
  ACTION_PLAN_SUBMITTED = 'ACTION_PLAN_SUBMITTED',
  ACTION_PLAN_APPROVED = 'ACTION_PLAN_APPROVED',
  IN_DELIVERY = 'IN_DELIVERY',
  ENDED = 'ENDED',
  WITHDRAWN = 'WITHDRAWN',
  RETURNED = 'RETURNED',
}

export enum ReferralOutcome {
  ACHIEVED = 'ACHIEVED',
  PARTIALLY_ACHIEVED = 'PARTIALLY_ACHIEVED',
  NOT_ACHIEVED = 'NOT_ACHIEVED',
}

export interface ReferralPathway {
  pathway: Pathway;
  complexity: Complexity;
  desiredOutcomes: string[];
}

/** Risk of serious harm levels as OASys records them. */
export enum RoshLevel {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  VERY_HIGH = 'VERY_HIGH',
}

/**
 * What a provider needs to know about risk. Providers cannot see OASys or nDelius, and return referrals
 * that lack it, so a referral cannot be sent without the level and a summary.
 */
export interface ReferralRiskInformation {
  roshLevel?: RoshLevel | null;
  riskSummary?: string | null;
  riskToStaff?: string | null;
  /** Where she must not go or whom she must not contact. */
  exclusionsAndRestrictions?: string | null;
}

export enum ReferralAction {
  SEND = 'SEND',
  ASSIGN = 'ASSIGN',
  BOOK_ASSESSMENT = 'BOOK_ASSESSMENT',
  SUBMIT_ACTION_PLAN = 'SUBMIT_ACTION_PLAN',
  APPROVE_ACTION_PLAN = 'APPROVE_ACTION_PLAN',
  START_DELIVERY = 'START_DELIVERY',
  END = 'END',
  WITHDRAW = 'WITHDRAW',
  RETURN = 'RETURN',
}

/**
 * The stages that wait on someone, each a task on the board. SEND is the catalogue's referral task (due two
 * working days after the need is identified); the others start when the stage before them ends.
 */
export enum ReferralStage {
  FIRST_CONTACT = 'FIRST_CONTACT',
  ACTION_PLAN = 'ACTION_PLAN',
  APPROVAL = 'APPROVAL',
  RESUBMISSION = 'RESUBMISSION',
}

export interface ReferralView {
  id: string;
  reference: string;
  womanId: string;
  womanName: string;
  prisonNumber: string;
  prisonCode: string;
  releaseDate: string | null;
  providerId: string;
  status: ReferralStatus;
  pathways: ReferralPathway[];
  riskInformation?: ReferralRiskInformation | null;
  additionalInformation?: string | null;
  /** How the provider can work with her; shown to those who may read its risk information (it can reveal health). */
  needsAndRequirements?: ReferralNeedsAndRequirements | null;
  referrerId: string | null;
  referrerRole: string | null;
  needIdentifiedAt: string | null;
  firstSentAt: string | null;
  sentAt: string | null;
  caseworkerId: string | null;
  assignedAt: string | null;
  assessmentBookedAt: string | null;
  assessmentAt: string | null;
  actionPlan?: string | null;
  actionPlanSubmittedAt: string | null;
  actionPlanApprovedAt: string | null;
  deliveryStartedAt: string | null;
  endedAt: string | null;
  /** Its outcomes per pathway; the summary only for readers of risk information. */
  endOfServiceReport: Partial<EndOfServiceReport> | null;
  withdrawnReason: string | null;
  /** WITHDRAWAL_REASONS code of a withdrawn referral. */
  withdrawalReasonCode: string | null;
  returnedReason: string | null;
  /** RETURN_REASONS code of its last return. */
  returnedReasonCode: string | null;
  timesReturned: number;
  /** When the stage it is waiting on falls due (null when nothing waits on anyone). */
  stageDueAt: string | null;
  /** What this user may do next: the capability table's answer for her on the referral as it stands. */
  allowedActions: ReferralActionName[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReferralDetailView extends ReferralView {
  statusLog: {
    fromStatus: string | null;
    toStatus: string;
    reason: string | null;
    reasonCode: string | null;
    actorId: string | null;
    at: string;
  }[];
  /** Each move of hers that it followed, oldest first. */
  transfers: ReferralTransferView[];
}

export interface EndOfServiceReport {
  summary: string;
  outcomes: { pathway: Pathway; desiredOutcome: string; outcome: ReferralOutcome; comment: string | null }[];
}
