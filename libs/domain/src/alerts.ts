/**
 * Alert thresholds: when a task turns at risk, overdue, and each rung of its escalation ladder after the
 * due time. The deadline engine schedules and fires these; this module only says when they are.
 */
import { addWorkingDays, endOfWorkingDay } from './calendar';
import { IsoDate } from './task-template';
import { AlertKind } from '@app/contracts';
export { AlertKind } from '@app/contracts';

export enum EscalationTarget {
  /** The manager(s) of the team that owns the task. */
  TEAM_MANAGER = 'TEAM_MANAGER',
  /** The governor(s) of the woman's prison. */
  GOVERNOR = 'GOVERNOR',
}

export interface EscalationStep {
  afterWorkingDays: number;
  to: EscalationTarget;
}

/** The inspection found nobody could be held to account; an unacknowledged overdue task climbs. */
export const DEFAULT_ESCALATION_LADDER: readonly EscalationStep[] = [
  { afterWorkingDays: 2, to: EscalationTarget.TEAM_MANAGER },
  { afterWorkingDays: 5, to: EscalationTarget.GOVERNOR },
];

export interface AlertThreshold {
  kind: AlertKind;
  /** 0 for AT_RISK and OVERDUE; 1.. for the rungs of the ladder. */
  level: number;
  at: Date;
}

/** The instants of each escalation rung: end of the working day, N working days after the due date. */
export function escalationInstants(dueDate: IsoDate, ladder: readonly EscalationStep[]): Date[] {
  return ladder.map((step) => endOfWorkingDay(addWorkingDays(dueDate, step.afterWorkingDays)));
}

/** Every threshold of one task, in time order. A task with no deadline has none. */
export function alertThresholds(task: {
  atRiskAt: Date | null;
  dueAt: Date | null;
  escalationAts: readonly Date[];
}): AlertThreshold[] {
  if (!task.dueAt) return [];
  const thresholds: AlertThreshold[] = [];
  if (task.atRiskAt && task.atRiskAt.getTime() < task.dueAt.getTime()) {
    thresholds.push({ kind: AlertKind.AT_RISK, level: 0, at: task.atRiskAt });
  }
  thresholds.push({ kind: AlertKind.OVERDUE, level: 0, at: task.dueAt });
  task.escalationAts.forEach((at, index) => thresholds.push({ kind: AlertKind.ESCALATED, level: index + 1, at }));
  return thresholds;
}

/**
 * Whether a threshold still applies at `now`: an at-risk alert is pointless once the task is overdue
 * (the overdue alert says more), so it only fires inside its own window.
 */
export function thresholdApplies(threshold: AlertThreshold, dueAt: Date, now: Date): boolean {
  if (threshold.at.getTime() > now.getTime()) return false;
  if (threshold.kind === AlertKind.AT_RISK) return now.getTime() < dueAt.getTime();
  return true;
}

/** The deterministic BullMQ job id of one threshold of one deadline revision (BullMQ forbids ':'). */
export function deadlineJobId(
  taskId: string,
  threshold: Pick<AlertThreshold, 'kind' | 'level'>,
  deadlineRevision: number,
): string {
  return `deadline_${taskId}_${threshold.kind}_${threshold.level}_r${deadlineRevision}`;
}

/** The deterministic BullMQ job id of one threshold instant: every API process and the horizon agree on it. */
export function instantJobId(atMicros: bigint): string {
  return `instant_${atMicros}`;
}

/** The job that builds an instant's alerts ahead of it (its drafts), as deterministic as the instant's own. */
export function prepareJobId(atMicros: bigint): string {
  return `prepare_${atMicros}`;
}
