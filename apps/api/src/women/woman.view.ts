/** What the API says about a woman: fields of narrower kinds (flags, a banking barrier) only as the policy allows. */
import { AuditEventEntity, WomanEntity, WomanTaskCounts } from '@app/database';
import {
  AuditReading,
  auditEntryFor,
  handoverDates,
  hiddenWomanFields,
  responsibilityOn,
  storedReasonWords,
  Role,
  womanWarnings,
  isoInstant,
  isoInstantOrNull,
} from '@app/domain';
import type { WomanView, HandoverView } from '@app/contracts';
import type { AuditView } from '@app/contracts';
export type { AuditView } from '@app/contracts';
export type { WomanView, HandoverView } from '@app/contracts';

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
    releaseDateReasonWords: storedReasonWords(woman.releaseDateReason, woman),
    scheduledReleaseDate: woman.scheduledReleaseDate,
    releaseDayRule: woman.releaseDayRule,
    indeterminateSentence: woman.indeterminateSentence,
    releaseDayRequestReason: woman.releaseDayRequestReason,
    releaseDayRequestedById: woman.releaseDayRequestedById,
    releaseDayRequestedAt: isoInstantOrNull(woman.releaseDayRequestedAt),
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
    createdAt: isoInstant(woman.createdAt),
    updatedAt: isoInstant(woman.updatedAt),
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
        at: isoInstant(e.at),
      },
    ];
  });
}
