/**
 * Raises alerts for thresholds that have been reached. It re-reads every task in PostgreSQL and acts only
 * if the transition still applies (task open, same deadline revision, threshold passed, ladder not
 * acknowledged), and the alerts table's unique key makes a second firing a no-op: so a job that runs
 * twice, late, or after the task moved does no harm. Many thresholds are handled in one transaction, which also
 * requests the GOV.UK Notify messages the new alerts call for (NotificationRequests): a message exists exactly when
 * its alert does.
 */
import { Injectable } from '@nestjs/common';
import { AlertEntity, AlertsRepository, DeadlinesRepository, PassedThreshold, UnitOfWork } from '@app/database';
import { AlertKind, alertThresholds, thresholdApplies } from '@app/domain';
import { roomsForEscalation, roomsForTaskEvent } from '@app/events';
import { ChangeRecorder } from './change-recorder.service';
import { NotificationRequests } from './notification-requests.service';

/** BullMQ may start a delayed job a hair before its timestamp by our clock. */
const CLOCK_SLACK_MS = 250;

@Injectable()
export class AlertFiringService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly deadlines: DeadlinesRepository,
    private readonly alerts: AlertsRepository,
    private readonly recorder: ChangeRecorder,
    private readonly messages: NotificationRequests,
  ) {}

  async fire(candidates: PassedThreshold[], now: Date = new Date()): Promise<AlertEntity[]> {
    if (candidates.length === 0) return [];
    const { raised, messageIds } = await this.unitOfWork.run(async (tx) => {
      // An alert lost to a crash before it reached disk is found again by the reconciler (the threshold has
      // passed and no row exists), so these commits need not wait for the disk.
      await tx.query('SET LOCAL synchronous_commit = off');
      const loaded = await this.deadlines.openTasksWithContext(tx, [...new Set(candidates.map((c) => c.taskId))]);
      const byId = new Map(loaded.map((l) => [l.task.id, l]));
      const acknowledged = await this.alerts.acknowledgedTaskIds(
        tx,
        loaded.map((l) => l.task),
      );
      const judgedAt = new Date(now.getTime() + CLOCK_SLACK_MS);
      const toRaise = candidates.flatMap((candidate) => {
        const found = byId.get(candidate.taskId);
        if (!found || found.task.deadlineRevision !== candidate.deadlineRevision || !found.task.dueAt) return [];
        if (candidate.kind === AlertKind.ESCALATED && acknowledged.has(found.task.id)) return [];
        const threshold = alertThresholds(found.task).find(
          (t) => t.kind === candidate.kind && t.level === candidate.level,
        );
        if (!threshold || !thresholdApplies(threshold, found.task.dueAt, judgedAt)) return [];
        const rooms =
          threshold.kind === AlertKind.ESCALATED
            ? roomsForEscalation(found.woman, found.task, 'alert.raised')
            : roomsForTaskEvent(found.woman, found.task, 'alert.raised');
        return [{ found, threshold, rooms }];
      });
      const raised = await this.alerts.insertNew(
        tx,
        toRaise.map(({ found, threshold, rooms }) => ({
          taskId: found.task.id,
          womanId: found.task.womanId,
          kind: threshold.kind,
          level: threshold.level,
          deadlineRevision: found.task.deadlineRevision,
          thresholdAt: threshold.at,
          recipients: { rooms },
        })),
      );
      await this.recorder.alertsRaised(
        tx,
        raised.map((alert) => {
          const found = byId.get(alert.taskId) as (typeof loaded)[number];
          return { alert, task: found.task, woman: found.woman };
        }),
        now,
      );
      // The GOV.UK Notify messages these alerts call for, in one statement in the same transaction.
      const messageIds = await this.messages.requestForAlerts(
        tx,
        raised.map((alert) => ({ alert, task: (byId.get(alert.taskId) as (typeof loaded)[number]).task })),
      );
      return { raised, messageIds };
    });
    await this.messages.dispatch(messageIds);
    return raised;
  }
}
