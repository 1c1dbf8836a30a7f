/** The shape of a task catalogue entry: what a pathway marked SUPPORT_REQUIRED turns into. */
import { Pathway } from './pathways';
import { Role } from './roles';
import { CustodyStatus, ReleaseType, SensitiveFlag } from './woman';
import type { EscalationStep } from './alerts';
import type { NationalInsuranceRoute } from './national-insurance';
import type { ReleaseCountry } from './release-areas';

/** Calendar dates are ISO strings 'YYYY-MM-DD' read in Europe/London. */
export type IsoDate = string;

export enum DeadlineAnchor {
  RELEASE = 'RELEASE',
  RECEPTION = 'RECEPTION',
  NEED_IDENTIFIED = 'NEED_IDENTIFIED',
  /** Her home detention curfew eligibility date (HDCED): the HDC address work is counted back from it. */
  HDC_ELIGIBILITY = 'HDC_ELIGIBILITY',
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
  /**
   * Not for women released in one of these ways. Unlike releaseTypeIn, an unknown release type passes: since the
   * Offender Rehabilitation Act 2014 almost every determinate sentence ends in licence or post-sentence supervision.
   */
  releaseTypeNotIn?: ReleaseType[];
  /** Only for women with an HDC eligibility date (HDCED) not yet granted HDC: the HDC address tasks are dated from it. */
  requiresHdcEligibilityDate?: boolean;
  /** She must have more than this many days left to serve when the task is planned. */
  minDaysToServe?: number;
  /** Only for women with this flag (e.g. family resettlement contact for mothers). */
  requiresFlag?: SensitiveFlag;
  /** Not possible while a banking barrier is recorded for her (an existing joint account, a refused offence). */
  requiresNoBankingBarrier?: boolean;
  /**
   * Only for women released to an area of these nations: housing law is devolved (England's duty to refer,
   * Wales's Housing (Wales) Act 2014 and national pathway). Like requiresFlag, a task of another nation was never
   * hers, so it is left out silently (no alternative, no reason).
   */
  releaseCountryIn?: ReleaseCountry[];
  /** Only for a woman whose National Insurance number needs this route (see national-insurance.ts); silent too. */
  nationalInsuranceRoute?: NationalInsuranceRoute;
}

/** What to create instead when she is not eligible: says why, and what to do instead. */
export interface IneligibleAlternative {
  title: string;
  description: string;
  /** Who owns the alternative when it is not the task's owner (a COM task whose alternative falls to the prison). */
  ownerRole?: Role;
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
