/**
 * The one way any part of Resettle asks for a GOV.UK Notify message. `request` (or `requestForAlerts`) writes the
 * message's row in the caller's transaction, so the message exists exactly when its cause does, and once: the
 * dedupe key is unique. After the commit, `dispatch` puts a job on the notifications queue with the row's id as
 * its job id; if that is lost (Redis down, no queue in this process), the worker's sweeper finds the row pending
 * and enqueues it. Example: `const ids = await requests.request(tx, { userId, templateKey, dedupeKey,
 * personalisation })` inside the unit of work, then `await requests.dispatch(ids)` after it.
 */
import { Inject, Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AlertEntity, MessageRequest, NotificationsRepository, TaskEntity, Tx } from '@app/database';
import { AlertKind, alertPersonalisation, NotifyTemplateKey, Personalisation } from '@app/domain';
import { NotificationJobData } from '@app/events';

export const NOTIFICATIONS_QUEUE = Symbol('NOTIFICATIONS_QUEUE');

export const NOTIFICATION_JOB_NAME = 'send';

/** The job for one message: its id is the row's, so enqueuing twice while it waits adds nothing. */
export function notificationJob(notificationId: string): {
  name: string;
  data: NotificationJobData;
  opts: { jobId: string; attempts: number; backoff: { type: 'custom' }; removeOnComplete: true; removeOnFail: number };
} {
  return {
    name: NOTIFICATION_JOB_NAME,
    data: { notificationId },
    // Backoff is the worker's (exponential, from NOTIFY_RETRY_BASE_MS); removed when done, so the sweeper could
    // enqueue a row again if it were ever left unfinished.
    opts: {
      jobId: notificationId,
      attempts: 8,
      backoff: { type: 'custom' },
      removeOnComplete: true,
      removeOnFail: 1000,
    },
  };
}

@Injectable()
export class NotificationRequests implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationRequests.name);

  constructor(
    private readonly notifications: NotificationsRepository,
    @Optional() @Inject(NOTIFICATIONS_QUEUE) private readonly queue: Queue | null = null,
  ) {}

  /** A message to one person, on each channel she chose; returns the new rows' ids (none if already requested). */
  request(tx: Tx, message: MessageRequest): Promise<string[]> {
    return this.notifications.request(tx, message);
  }

  /**
   * Messages for alerts just raised, in one statement: escalations to the owning team's managers and the prison's
   * governors, and any alert to the task's assignee if she opted in. Only the task's label and what happened go in.
   */
  requestForAlerts(tx: Tx, raised: { alert: AlertEntity; task: TaskEntity }[]): Promise<string[]> {
    return this.notifications.requestForAlerts(
      tx,
      this.alertMessages(raised).map((message, i) => ({ alertId: raised[i].alert.id, ...message })),
    );
  }

  /** The template and personalisation of each alert's message (one per alert, in order), not yet requested. */
  alertMessages(
    raised: { alert: AlertEntity; task: TaskEntity }[],
  ): { templateKey: NotifyTemplateKey; personalisation: Personalisation }[] {
    return raised.map(({ alert, task }) => ({
      templateKey: alert.kind === AlertKind.ESCALATED ? 'escalation' : 'task-alert',
      personalisation: alertPersonalisation({ taskTitle: task.title, pathway: task.pathway, kind: alert.kind }),
    }));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close();
  }

  /** After the commit. A failure here loses nothing: the rows are pending and the sweeper enqueues them. */
  async dispatch(ids: string[]): Promise<void> {
    if (ids.length === 0 || !this.queue) return;
    try {
      await this.queue.addBulk(ids.map(notificationJob));
    } catch (error) {
      this.logger.warn(`notifications not queued (the sweeper will): ${(error as Error).message}`);
    }
  }
}
