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
  releaseDate: string | null;
  releaseDateSource: string | null;
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
    releaseDate: woman.releaseDate,
    releaseDateSource: woman.releaseDateSource,
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
