/** The shape of a task catalogue entry: what a pathway marked SUPPORT_REQUIRED turns into. */
import { Pathway } from './pathways';
import { Role } from './roles';
import { CustodyStatus, ReleaseType, SensitiveFlag } from './woman';
import type { EscalationStep } from './alerts';

/** Calendar dates are ISO strings 'YYYY-MM-DD' read in Europe/London. */
export type IsoDate = string;

export enum DeadlineAnchor {
  RELEASE = 'RELEASE',
  RECEPTION = 'RECEPTION',
  NEED_IDENTIFIED = 'NEED_IDENTIFIED',
  /** Her COM allocated (handover start) date, from the POM to COM handover rules (handover.ts). */
  COM_ALLOCATED = 'COM_ALLOCATED',
}

export enum OffsetUnit {
  WORKING_DAYS = 'WORKING_DAYS',
  CALENDAR_DAYS = 'CALENDAR_DAYS',
}

/** due date = anchor date + offset (negative offsets fall before the anchor). */
export interface DeadlineRule {
  anchor: DeadlineAnchor;
  offset: number;
  unit: OffsetUnit;
}

/** All present conditions must hold for the task to be possible. */
export interface EligibilityRule {
  custodyStatusIn?: CustodyStatus[];
  releaseTypeIn?: ReleaseType[];
  /** She must have more than this many days left to serve when the task is planned. */
  minDaysToServe?: number;
  /** Only for women with this flag (e.g. family resettlement contact for mothers). */
  requiresFlag?: SensitiveFlag;
  /** Not possible while a banking barrier is recorded for her (an existing joint account, a refused offence). */
  requiresNoBankingBarrier?: boolean;
}

/** What to create instead when she is not eligible: says why, and what to do instead. */
export interface IneligibleAlternative {
  title: string;
  description: string;
}

export interface TaskTemplate {
  key: string;
  pathway: Pathway;
  title: string;
  description: string;
  ownerRole: Role;
  deadline: DeadlineRule;
  /** The task turns AT_RISK this many working days before it is due. */
  atRiskLeadWorkingDays: number;
  releaseCritical: boolean;
  eligibility: EligibilityRule;
  /** Who hears about it, and when, after the due time. Absent: DEFAULT_ESCALATION_LADDER. */
  escalationLadder?: readonly EscalationStep[];
  /** Absent: an ineligible woman simply does not get this task. */
  ineligibleAlternative?: IneligibleAlternative;
  active: boolean;
}
