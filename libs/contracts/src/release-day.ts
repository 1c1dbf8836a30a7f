/** The release-day plan: appointments, the practical checklist, its warnings, and the COM's request for a day. */
import type { PlanAction } from './capabilities';
export enum AppointmentKind {
  PROBATION = 'PROBATION',
  LOCAL_AUTHORITY_HOUSING = 'LOCAL_AUTHORITY_HOUSING',
  GP_OR_PHARMACY = 'GP_OR_PHARMACY',
  DRUG_AND_ALCOHOL_SERVICE = 'DRUG_AND_ALCOHOL_SERVICE',
  JOBCENTRE = 'JOBCENTRE',
  OTHER = 'OTHER',
}

export enum ChecklistState {
  NOT_NEEDED = 'NOT_NEEDED',
  NEEDED = 'NEEDED',
  ARRANGED = 'ARRANGED',
}

/** The practical things the inspection found missing at the gate. */
export const CHECKLIST_ITEMS = ['mobilePhone', 'gatePickUp', 'travel', 'medicationSupply', 'safeSpace'] as const;

export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export type ReleaseDayChecklist = Record<ChecklistItem, ChecklistState>;

export enum ReleaseDayWarningCode {
  TOO_MANY_APPOINTMENTS = 'TOO_MANY_APPOINTMENTS',
  NOT_ENOUGH_TRAVEL_TIME = 'NOT_ENOUGH_TRAVEL_TIME',
  TRAVEL_TIME_UNKNOWN = 'TRAVEL_TIME_UNKNOWN',
  OVERLAPPING_APPOINTMENTS = 'OVERLAPPING_APPOINTMENTS',
  BEFORE_GATE_RELEASE = 'BEFORE_GATE_RELEASE',
  NOT_ON_RELEASE_DAY = 'NOT_ON_RELEASE_DAY',
  RELEASE_BEFORE_CLOSED_DAYS = 'RELEASE_BEFORE_CLOSED_DAYS',
  CHECKLIST_NOT_ARRANGED = 'CHECKLIST_NOT_ARRANGED',
}

export interface ReleaseDayWarning {
  code: ReleaseDayWarningCode;
  message: string;
  /** The facts the English message is built from, so a client can word the warning by its code in her language. */
  values?: Record<string, string | number>;
}

export interface ReleaseDayPlanView {
  womanId: string;
  releaseDate: string | null;
  prisonTown: string | null;
  /** Without her medication and safe-space items for roles that do not read release-day detail. */
  checklist: Partial<ReleaseDayChecklist>;
  /** Absent for roles that do not read release-day detail. */
  notes?: string | null;
  appointments: {
    id: string;
    kind: string;
    startsAt: string;
    durationMinutes: number;
    place: string;
    town: string;
    notes?: string | null;
  }[];
  /** Worked out from what this reader sees of the plan. */
  warnings: ReleaseDayWarning[];
  /** True when the policy left out detail (free text, health appointments, medication and safe space). */
  detailWithheld: boolean;
  /** Null until the plan is first saved. */
  version: number | null;
  updatedAt: string | null;
  /** What the reader may do with the plan (the capability table's answer). */
  allowedActions: PlanAction[];
}

/** What the reader may do about the request now, for the web to offer (the server decides, the web shows). */
export enum ReleaseDayRequestAction {
  REQUEST = 'REQUEST_EXTRA_RELEASE_DAY',
  WITHDRAW = 'WITHDRAW_EXTRA_RELEASE_DAY',
}
