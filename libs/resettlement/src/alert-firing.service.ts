/**
 * Raises alerts for thresholds that have been reached. It re-reads every task in PostgreSQL and acts only
 * if the transition still applies (task open, same deadline revision, threshold passed, ladder not
 * acknowledged), and the alerts table's unique key makes a second firing a no-op: so a job that runs
 * twice, late, or after the task moved does no harm. Many thresholds are handled in one transaction, which also
 * requests the GOV.UK Notify messages the new alerts call for (NotificationRequests): a message exists exactly when
 * its alert does.
 *
 * `prepare` makes the same judgement ahead of an instant, as it will stand at that instant, and stores the rows
 * raising them will write (PreparedAlertsRepository), so the instant itself only copies them: a change to the task,
 * the woman or her area before then marks the draft stale, and the instant's sweep judges that threshold afresh.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AlertEntity,
  AlertsRepository,
  DeadlinesRepository,
  NewAlert,
  PassedThreshold,
  PreparedAlert,
  PreparedAlertsRepository,
  TaskWithWomanContext,
  Tx,
  UnitOfWork,
} from '@app/database';
import { AlertKind, AlertThreshold, alertThresholds, thresholdApplies } from '@app/domain';
import { roomsForEscalation, roomsForTaskEvent } from '@app/events';
import { ChangeRecorder } from './change-recorder.service';
import { NotificationRequests } from './notification-requests.service';

/** BullMQ may start a delayed job a hair before its timestamp by our clock. */
const CLOCK_SLACK_MS = 250;

/** A threshold that applies, on the task and woman read under lock, with the rooms its alert goes to. */
interface Judged {
  found: TaskWithWomanContext;
  threshold: AlertThreshold;
  rooms: string[];
}

/** The alert a judged threshold calls for. */
function newAlert({ found, threshold, rooms }: Judged): NewAlert {
  return {
    taskId: found.task.id,
    womanId: found.task.womanId,
    kind: threshold.kind,
    level: threshold.level,
    deadlineRevision: found.task.deadlineRevision,
    thresholdAt: threshold.at,
    recipients: { rooms },
  };
}

@Injectable()
export class AlertFiringService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly deadlines: DeadlinesRepository,
    private readonly alerts: AlertsRepository,
    private readonly recorder: ChangeRecorder,
    private readonly messages: NotificationRequests,
    private readonly prepared: PreparedAlertsRepository,
  ) {}

  async fire(candidates: PassedThreshold[], now: Date = new Date()): Promise<AlertEntity[]> {
    if (candidates.length === 0) return [];
    const { raised, messageIds } = await this.unitOfWork.run(async (tx) => {
      // An alert lost to a crash before it reached disk is found again by the reconciler (the threshold has
      // passed and no row exists), so these commits need not wait for the disk.
      await tx.query('SET LOCAL synchronous_commit = off');
      const judged = await this.judge(tx, candidates, now);
      const byTask = new Map(judged.map((j) => [j.found.task.id, j.found]));
      const raised = await this.alerts.insertNew(tx, judged.map(newAlert));
      const withContext = raised.map((alert) => {
        const found = byTask.get(alert.taskId) as TaskWithWomanContext;
        return { alert, task: found.task, woman: found.woman };
      });
      await this.recorder.alertsRaised(tx, withContext, now);
      // The GOV.UK Notify messages these alerts call for, in one statement in the same transaction.
      const messageIds = await this.messages.requestForAlerts(tx, withContext);
      return { raised, messageIds };
    });
    await this.messages.dispatch(messageIds);
    return raised;
  }

  /**
   * Builds, now, the alerts these thresholds will call for at `instant` and stores them as drafts: judged as they
   * will be judged then (the task open at the same revision, the threshold passed by then, the ladder not
   * acknowledged), each with its event, audit entry and message built as raising would build them. Returns how
   * many drafts were stored. Nothing is raised: PreparedAlertsRepository.releaseChunk does that at the instant,
   * for the drafts still there. The task, her record and her area's stay locked until the drafts are stored.
   */
  async prepare(candidates: PassedThreshold[], instant: Date): Promise<number> {
    if (candidates.length === 0) return 0;
    return this.unitOfWork.run(async (tx) => {
      const judged = await this.judge(tx, candidates, instant, { lockContext: true });
      const drafts = judged.map((one) => {
        const alert = Object.assign(new AlertEntity(), {
          id: randomUUID(),
          ...newAlert(one),
          // Replaced by the raising transaction's own time when the draft is released.
          createdAt: instant,
          acknowledgedAt: null,
          acknowledgedById: null,
        });
        return { alert, task: one.found.task, woman: one.found.woman };
      });
      const { events, audit } = this.recorder.alertRecords(drafts, instant);
      const messages = this.messages.alertMessages(drafts);
      return this.prepared.store(
        tx,
        drafts.map(({ alert }, i): PreparedAlert => ({
          alertId: alert.id,
          instant,
          taskId: alert.taskId,
          womanId: alert.womanId,
          kind: alert.kind,
          level: alert.level,
          deadlineRevision: alert.deadlineRevision,
          thresholdAt: alert.thresholdAt,
          recipients: alert.recipients,
          audit: audit[i],
          event: events[i],
          message: messages[i],
        })),
      );
    });
  }

  /** The candidates that apply at `now`, on their tasks read and locked in this transaction. */
  private async judge(
    tx: Tx,
    candidates: PassedThreshold[],
    now: Date,
    lock: { lockContext?: boolean } = {},
  ): Promise<Judged[]> {
    const loaded = await this.deadlines.openTasksWithContext(tx, [...new Set(candidates.map((c) => c.taskId))], lock);
    const byId = new Map(loaded.map((l) => [l.task.id, l]));
    const acknowledged = await this.alerts.acknowledgedTaskIds(
      tx,
      loaded.map((l) => l.task),
    );
    const judgedAt = new Date(now.getTime() + CLOCK_SLACK_MS);
    return candidates.flatMap((candidate) => {
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
  }
}
