/** What the API says about a woman: fields of narrower kinds (flags, a banking barrier) only as the policy allows. */
import { AuditEventEntity, WomanEntity, WomanTaskCounts } from '@app/database';
import {
  AuditReading,
  auditEntryFor,
  HandoverCase,
  HandoverResponsibility,
  handoverDates,
  hiddenWomanFields,
  responsibilityOn,
  Role,
  SensitiveFlag,
  WomanWarning,
  womanWarnings,
} from '@app/domain';

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

export function toHandoverView(woman: WomanEntity, today: string): HandoverView {
  const dates = handoverDates(woman, today);
  return {
    case: dates.handoverCase,
    earliestReleaseDate: dates.earliestReleaseDate,
    comAllocatedDate: dates.comAllocatedDate,
    comResponsibleDate: dates.comResponsibleDate,
    responsibility: responsibilityOn(dates, today),
  };
}

export function toWomanView(woman: WomanEntity, role: Role, today: string, taskCounts?: WomanTaskCounts): WomanView {
  const view: WomanView = {
    id: woman.id,
    prisonNumber: woman.prisonNumber,
    firstName: woman.firstName,
    lastName: woman.lastName,
    dateOfBirth: woman.dateOfBirth,
    prisonCode: woman.prisonCode,
    custodyStatus: woman.custodyStatus,
    sentenceStartDate: woman.sentenceStartDate,
    receptionDate: woman.receptionDate,
    conditionalReleaseDate: woman.conditionalReleaseDate,
    automaticReleaseDate: woman.automaticReleaseDate,
    paroleEligibilityDate: woman.paroleEligibilityDate,
    hdcEligibilityDate: woman.hdcEligibilityDate,
    hdcActualDate: woman.hdcActualDate,
    actualParoleDate: woman.actualParoleDate,
    confirmedReleaseDate: woman.confirmedReleaseDate,
    conditionalReleaseOverrideDate: woman.conditionalReleaseOverrideDate,
    automaticReleaseOverrideDate: woman.automaticReleaseOverrideDate,
    nonParoleDate: woman.nonParoleDate,
    nonParoleOverrideDate: woman.nonParoleOverrideDate,
    postRecallReleaseDate: woman.postRecallReleaseDate,
    postRecallReleaseOverrideDate: woman.postRecallReleaseOverrideDate,
    sentenceExpiryDate: woman.sentenceExpiryDate,
    sentenceExpiryOverrideDate: woman.sentenceExpiryOverrideDate,
    licenceExpiryDate: woman.licenceExpiryDate,
    licenceExpiryOverrideDate: woman.licenceExpiryOverrideDate,
    sentenceAndLicenceExpiryDate: woman.sentenceAndLicenceExpiryDate,
    topupSupervisionExpiryDate: woman.topupSupervisionExpiryDate,
    releaseDate: woman.releaseDate,
    releaseDateSource: woman.releaseDateSource,
    releaseDateReason: woman.releaseDateReason,
    scheduledReleaseDate: woman.scheduledReleaseDate,
    releaseDayRule: woman.releaseDayRule,
    indeterminateSentence: woman.indeterminateSentence,
    releaseDayRequestReason: woman.releaseDayRequestReason,
    releaseDayRequestedById: woman.releaseDayRequestedById,
    releaseDayRequestedAt: woman.releaseDayRequestedAt?.toISOString() ?? null,
    releaseType: woman.releaseType,
    releaseAreaCode: woman.releaseAreaCode,
    pomId: woman.pomId,
    comId: woman.comId,
    keyworkerName: woman.keyworkerName,
    complexity: woman.complexity,
    sensitiveFlags: woman.sensitiveFlags,
    hasNationalInsuranceNumber: woman.hasNationalInsuranceNumber,
    bankingBarrier: woman.bankingBarrier,
    releasedOn: woman.releasedOn,
    releasedFromPrisonCode: woman.releasedFromPrisonCode,
    recallCount: woman.recallCount,
    transferredToHospitalOn: woman.transferredToHospitalOn,
    transferredToHospitalFromPrisonCode: woman.transferredToHospitalFromPrisonCode,
    handover: toHandoverView(woman, today),
    warnings: womanWarnings(woman, today),
    version: woman.version,
    createdAt: woman.createdAt.toISOString(),
    updatedAt: woman.updatedAt.toISOString(),
    ...(taskCounts ? { taskCounts } : {}),
  };
  for (const field of hiddenWomanFields(role)) delete view[field as keyof WomanView];
  return view;
}

/** The snapshot of a woman the audit trail keeps (before/after of each change). */
export function womanSnapshot(woman: WomanEntity): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, releaseArea: _a, pom: _p, com: _m, ...fields } = woman;
  return { ...fields };
}

export interface AuditView {
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  actorId: string | null;
  actorRole: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: string;
}

/** The audit trail as this reader may read it: the visibility policy decides each entry (left out or redacted). */
export function toAuditViews(events: AuditEventEntity[], reading: AuditReading): AuditView[] {
  return events.flatMap((e) => {
    const shown = auditEntryFor(e, reading);
    if (!shown) return [];
    return [
      {
        id: e.id,
        entityType: e.entityType,
        entityId: e.entityId,
        action: e.action,
        actorId: e.actorId,
        actorRole: e.actorRole,
        before: shown.before,
        after: shown.after,
        at: e.at.toISOString(),
      },
    ];
  });
}
