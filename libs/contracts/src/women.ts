/**
 * Women in custody: the facts the rules read (custody, release type, flags, handover, warnings) and what the API
 * says about a woman, on the board and in her panel.
 */
import { AuditView } from './audit';
import { Pathway, PathwayStatus } from './pathways';
import { ReleaseDayRequestAction } from './release-day';
import { Role } from './roles';
import { TaskNoteView, TaskView } from './tasks';

export enum CustodyStatus {
  REMANDED = 'REMANDED',
  SENTENCED = 'SENTENCED',
  RECALLED = 'RECALLED',
}

export enum ReleaseType {
  LICENCE = 'LICENCE',
  POST_SENTENCE_SUPERVISION = 'POST_SENTENCE_SUPERVISION',
  SENTENCE_END_NO_SUPERVISION = 'SENTENCE_END_NO_SUPERVISION',
  HDC = 'HDC',
  PAROLE = 'PAROLE',
}

export enum Complexity {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}

/** Special category data: shown only to the roles the visibility policy lets see them. */
export enum SensitiveFlag {
  DOMESTIC_ABUSE = 'DOMESTIC_ABUSE',
  SEX_WORK = 'SEX_WORK',
  MENTAL_HEALTH = 'MENTAL_HEALTH',
  DEPENDENT_CHILDREN = 'DEPENDENT_CHILDREN',
  FOREIGN_NATIONAL = 'FOREIGN_NATIONAL',
}

export enum HandoverCase {
  /** Not sentenced (remand): OMiC handover does not apply. */
  NOT_SENTENCED = 'NOT_SENTENCED',
  /** Back in custody on recall: the COM stays responsible. */
  RECALL = 'RECALL',
  /** Ten months or less from sentence start to earliest release: the COM is responsible from the start. */
  DETERMINATE_SHORT = 'DETERMINATE_SHORT',
  DETERMINATE = 'DETERMINATE',
  DETERMINATE_PAROLE = 'DETERMINATE_PAROLE',
  INDETERMINATE = 'INDETERMINATE',
  INDETERMINATE_OPEN = 'INDETERMINATE_OPEN',
  EARLY_ALLOCATION = 'EARLY_ALLOCATION',
  /** Sentenced, but no date to count back from yet: the POM holds the case alone. */
  RELEASE_DATE_UNKNOWN = 'RELEASE_DATE_UNKNOWN',
}

export enum HandoverResponsibility {
  /** Before the handover start: the POM holds the case alone. */
  POM_RESPONSIBLE = 'POM_RESPONSIBLE',
  /** From the handover start: the POM leads, the COM supports. */
  POM_RESPONSIBLE_COM_SUPPORTING = 'POM_RESPONSIBLE_COM_SUPPORTING',
  /** From the handover date: the COM leads, the POM supports. */
  COM_RESPONSIBLE = 'COM_RESPONSIBLE',
}

export enum WomanWarningCode {
  NI_NUMBER_TOO_LATE = 'NI_NUMBER_TOO_LATE',
  RELEASE_BEFORE_CLOSED_DAYS = 'RELEASE_BEFORE_CLOSED_DAYS',
  /** No COM allocated (com-allocation.ts); dueDate is her COM allocated date. */
  COM_NOT_ALLOCATED = 'COM_NOT_ALLOCATED',
}

export interface WomanWarning {
  code: WomanWarningCode;
  message: string;
  /** The facts the English message is built from, so a client can word the warning by its code in her language. */
  values?: Record<string, string | number>;
  /** When the warning has a deadline (the COM allocated date), and whether it has passed. */
  dueDate?: string | null;
  overdue?: boolean;
}

export interface WomanView {
  id: string;
  prisonNumber: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  prisonCode: string;
  custodyStatus: string;
  sentenceStartDate: string | null;
  receptionDate: string;
  conditionalReleaseDate: string | null;
  automaticReleaseDate: string | null;
  paroleEligibilityDate: string | null;
  hdcEligibilityDate: string | null;
  hdcActualDate: string | null;
  actualParoleDate: string | null;
  confirmedReleaseDate: string | null;
  conditionalReleaseOverrideDate: string | null;
  automaticReleaseOverrideDate: string | null;
  nonParoleDate: string | null;
  nonParoleOverrideDate: string | null;
  postRecallReleaseDate: string | null;
  postRecallReleaseOverrideDate: string | null;
  sentenceExpiryDate: string | null;
  sentenceExpiryOverrideDate: string | null;
  licenceExpiryDate: string | null;
  licenceExpiryOverrideDate: string | null;
  sentenceAndLicenceExpiryDate: string | null;
  topupSupervisionExpiryDate: string | null;
  /** The day she walks out: every task counts from it. */
  releaseDate: string | null;
  releaseDateSource: string | null;
  /** The date her sentence says, before the day-of-release rules (CJA 1961 s.23(3), s.23(3B)) moved it. */
  scheduledReleaseDate: string | null;
  /** Which rule moved her from the scheduled date to the walk-out day, or why the Friday rule did not apply. */
  releaseDayRule: string | null;
  indeterminateSentence: boolean;
  /** Her COM's reason for asking one more working day early: present only for roles that read release-day detail. */
  releaseDayRequestReason?: string | null;
  releaseDayRequestedById: string | null;
  releaseDayRequestedAt: string | null;
  /** Which date was used and why, or why she has none (a recall with no PRRD yet). */
  releaseDateReason: string | null;
  /**
   * The reason's words for the web (a catalogue key and its arguments), when the reason is the one her dates give
   * now; null otherwise (the web then shows `releaseDateReason` as it is).
   */
  releaseDateReasonWords: { key: string; values?: Record<string, string | number> } | null;
  releaseType: string | null;
  releaseAreaCode: string;
  pomId: string | null;
  comId: string | null;
  keyworkerName: string | null;
  complexity: string;
  /** Present only for roles that may see special category data. */
  sensitiveFlags?: SensitiveFlag[];
  hasNationalInsuranceNumber: boolean | null;
  /** Present only for roles that may see finance and ID records. */
  bankingBarrier?: string | null;
  releasedOn: string | null;
  releasedFromPrisonCode: string | null;
  recallCount: number;
  /**
   * Set while she is in a secure hospital on transfer from prison (HMPPS RELEASED_TO_HOSPITAL). Present only for
   * roles that may see special category data.
   */
  transferredToHospitalOn?: string | null;
  transferredToHospitalFromPrisonCode?: string | null;
  /** POM to COM handover (handover.ts): when her COM must be allocated, and when the COM takes over. */
  handover: HandoverView;
  /** What the board flags from the day she arrives: an NI number too late by the normal route, a Friday release, no COM. */
  warnings: WomanWarning[];
  version: number;
  createdAt: string;
  updatedAt: string;
  taskCounts?: WomanTaskCounts;
}

export interface HandoverView {
  case: HandoverCase;
  /** The date counted back from: PED, else the earlier of ARD and CRD. */
  earliestReleaseDate: string | null;
  /** Handover start: her COM must be allocated by this date. */
  comAllocatedDate: string | null;
  /** Handover: the COM becomes responsible for her case. */
  comResponsibleDate: string | null;
  /** Who leads her case today; null on remand. */
  responsibility: HandoverResponsibility | null;
}

export interface PathwayView {
  pathway: Pathway;
  status: PathwayStatus;
  needIdentifiedAt: string | null;
}

export interface WomanBoardRow extends WomanView {
  pathways: PathwayView[];
}

export interface WomanDetailView extends WomanView {
  pathways: PathwayView[];
  /** Each with its notes, oldest first, so the panel shows a note as soon as it is saved (notes absent for roles that do not read them). */
  tasks: (TaskView & { notes?: TaskNoteView[] })[];
  /** Absent for roles that do not read assessments. */
  assessments?: {
    id: string;
    kind: string;
    method: string;
    assessedAt: string;
    assessedById: string;
    outcomes: unknown;
  }[];
  auditTrail: AuditView[];
  /** What the reader may do about her COM's request for one more working day (only her COM ever has any). */
  releaseDayActions: ReleaseDayRequestAction[];
}

export interface TaskCounts {
  open: number;
  atRisk: number;
  overdue: number;
}

export interface TaskCountsByPathway extends TaskCounts {
  /** The same counts per pathway, for the board's pathway chips (only pathways with open tasks). */
  byPathway: Partial<Record<Pathway, TaskCounts>>;
}

export interface WomanTaskCounts extends TaskCountsByPathway {
  /** The same again per owning role (only roles with open tasks), for the board's owning-role filter. */
  byOwnerRole: Partial<Record<Role, TaskCountsByPathway>>;
}
