/** What the API says about a referral: the visibility policy decides its pathways and risk detail. */
import { ReferralRow, ReferralStatusChangeEntity, ReferralTransferEntity } from '@app/database';
import type { ReferralActionName, ReferralView, ReferralDetailView } from '@app/contracts';
import { ReferralPathway, ReferralReader, referralVisibility, isoInstant } from '@app/domain';

export type { ReferralView, ReferralDetailView } from '@app/contracts';

function iso(value: Date | null): string | null {
  return value ? isoInstant(value) : null;
}

/** The referral as this reader may see it, or null when the policy hides it from her. */
export function toReferralView(
  row: ReferralRow,
  reader: ReferralReader,
  allowedActions: ReferralActionName[],
): ReferralView | null {
  const r = row.referral;
  // Only what the policy reads: a copy of the whole record for each of a queue's 200 cost more than the view.
  const visibility = referralVisibility(reader, {
    providerId: r.providerId,
    status: r.status,
    pathways: r.pathways.map((p) => p.pathway),
  });
  if (!visibility.visible) return null;
  const shown = <T extends { pathway: ReferralPathway['pathway'] }>(items: T[]): T[] =>
    items.filter((p) => !visibility.hiddenPathways.includes(p.pathway));
  const report = r.endOfServiceReport;
  return {
    id: r.id,
    reference: r.reference,
    womanId: r.womanId,
    womanName: row.womanName,
    prisonNumber: row.prisonNumber,
    prisonCode: row.prisonCode,
    releaseDate: row.releaseDate,
    providerId: r.providerId,
    status: r.status,
    pathways: shown(r.pathways),
    ...(visibility.riskInformation
      ? {
          riskInformation: r.riskInformation,
          additionalInformation: r.additionalInformation,
          actionPlan: r.actionPlan,
          needsAndRequirements: r.needsAndRequirements,
        }
      : {}),
    referrerId: r.referrerId,
    referrerRole: r.referrerRole,
    needIdentifiedAt: iso(r.needIdentifiedAt),
    firstSentAt: iso(r.firstSentAt),
    sentAt: iso(r.sentAt),
    caseworkerId: r.caseworkerId,
    assignedAt: iso(r.assignedAt),
    assessmentBookedAt: iso(r.assessmentBookedAt),
    assessmentAt: iso(r.assessmentAt),
    actionPlanSubmittedAt: iso(r.actionPlanSubmittedAt),
    actionPlanApprovedAt: iso(r.actionPlanApprovedAt),
    deliveryStartedAt: iso(r.deliveryStartedAt),
    endedAt: iso(r.endedAt),
    endOfServiceReport: report
      ? {
          ...(visibility.riskInformation ? { summary: report.summary } : {}),
          outcomes: shown(report.outcomes),
        }
      : null,
    withdrawnReason: r.withdrawnReason,
    withdrawalReasonCode: r.withdrawalReasonCode,
    returnedReason: r.returnedReason,
    returnedReasonCode: r.returnedReasonCode,
    timesReturned: r.timesReturned,
    stageDueAt: iso(row.stageDueAt),
    allowedActions,
    version: r.version,
    createdAt: isoInstant(r.createdAt),
    updatedAt: isoInstant(r.updatedAt),
  };
}

export function toStatusLog(changes: ReferralStatusChangeEntity[]): ReferralDetailView['statusLog'] {
  return changes.map((c) => ({
    fromStatus: c.fromStatus,
    toStatus: c.toStatus,
    reason: c.reason,
    reasonCode: c.reasonCode,
    actorId: c.actorId,
    at: isoInstant(c.at),
  }));
}

export function toTransfers(transfers: ReferralTransferEntity[]): ReferralDetailView['transfers'] {
  return transfers.map((t) => ({
    kind: t.kind,
    fromCode: t.fromCode,
    toCode: t.toCode,
    reason: t.reason,
    actorId: t.actorId,
    at: isoInstant(t.at),
  }));
}

/** The snapshot the audit trail keeps of a referral. */
export function referralSnapshot(r: {
  status: string;
  pathways: ReferralPathway[];
  caseworkerId: string | null;
  version: number;
}): Record<string, unknown> {
  return { status: r.status, pathways: r.pathways, caseworkerId: r.caseworkerId, version: r.version };
}
