/** Maps entities to the summaries board events carry (no special category data, no notes). */
import { AlertEntity, DeliverySessionEntity, ReferralEntity, TaskEntity, WomanEntity } from '@app/database';
import {
  londonDateOf,
  ScheduleState,
  scheduleStateAt,
  sessionStatusOf,
  womanWarnings,
  isoInstant,
  isoInstantOrNull,
} from '@app/domain';
import type { DeliverySessionSummary } from '@app/contracts';
import { AlertSummary, ReferralSummary, TaskSummary, WomanLabel, WomanSummary } from '@app/events';

/** A task with no deadline yet (her release date unknown) cannot be behind. */
export function scheduleStateOf(task: Pick<TaskEntity, 'status' | 'dueAt' | 'atRiskAt'>, now: Date): ScheduleState {
  if (!task.dueAt || !task.atRiskAt) return ScheduleState.ON_TRACK;
  return scheduleStateAt({ status: task.status, dueAt: task.dueAt, atRiskAt: task.atRiskAt }, now);
}

export function womanSummary(woman: WomanEntity): WomanSummary {
  return {
    id: woman.id,
    prisonNumber: woman.prisonNumber,
    firstName: woman.firstName,
    lastName: woman.lastName,
    prisonCode: woman.prisonCode,
    releaseDate: woman.releaseDate,
    scheduledReleaseDate: woman.scheduledReleaseDate,
    releaseDayRule: woman.releaseDayRule,
    custodyStatus: woman.custodyStatus,
    warnings: womanWarnings(woman, londonDateOf(new Date())).map((w) => w.code),
  };
}

export function womanLabel(woman: WomanLabel): WomanLabel {
  return { id: woman.id, prisonNumber: woman.prisonNumber, firstName: woman.firstName, lastName: woman.lastName };
}

export function taskSummary(task: TaskEntity, now: Date): TaskSummary {
  return {
    id: task.id,
    womanId: task.womanId,
    pathway: task.pathway,
    title: task.title,
    ownerRole: task.ownerRole,
    status: task.status,
    assigneeId: task.assigneeId,
    claimedByProviderId: task.claimedByProviderId,
    dueAt: isoInstantOrNull(task.dueAt),
    atRiskAt: isoInstantOrNull(task.atRiskAt),
    scheduleState: scheduleStateOf(task, now),
    releaseCritical: task.releaseCritical,
    version: task.version,
  };
}

export function alertSummary(alert: AlertEntity): AlertSummary {
  return {
    id: alert.id,
    taskId: alert.taskId,
    kind: alert.kind,
    level: alert.level,
    thresholdAt: isoInstant(alert.thresholdAt),
    createdAt: isoInstant(alert.createdAt),
    acknowledgedAt: isoInstantOrNull(alert.acknowledgedAt),
    acknowledgedById: alert.acknowledgedById,
  };
}

export function referralSummary(referral: ReferralEntity): ReferralSummary {
  return {
    id: referral.id,
    reference: referral.reference,
    womanId: referral.womanId,
    providerId: referral.providerId,
    status: referral.status,
    pathways: referral.pathways.map((p) => p.pathway),
    caseworkerId: referral.caseworkerId,
    sent: referral.sentAt !== null,
    version: referral.version,
  };
}

/** A session as a board event carries it: when, and whether she came; never the feedback's words. */
export function deliverySessionSummary(session: DeliverySessionEntity): DeliverySessionSummary {
  return {
    id: session.id,
    referralId: session.referralId,
    number: session.number,
    startsAt: isoInstant(session.startsAt),
    status: sessionStatusOf(session.attendance),
    attendance: session.attendance,
    concernRaised: session.concernRaised,
    version: session.version,
  };
}
