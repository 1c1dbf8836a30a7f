/**
 * Consumes the notifications queue: `send` jobs (one per requested message, job id = the row's id), retried with
 * exponential backoff (NOTIFY_RETRY_BASE_MS x 2^(n-1)) on 429, 5xx and no answer; the morning digest, a repeating
 * job in Europe/London time; and a sweeper that re-enqueues messages PostgreSQL holds unfinished (Redis lost, a
 * producer without a queue, a worker killed mid-send), since PostgreSQL, not Redis, is the truth.
 */
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import { NotificationsRepository } from '@app/database';
import { LONDON_ZONE } from '@app/domain';
import { NotificationJobData, QUEUE_NAMES, queueConnectionOptions } from '@app/events';
import { MorningDigest, NOTIFICATION_JOB_NAME, notificationJob, NOTIFICATIONS_QUEUE } from '@app/resettlement';
import { WORKER_SETTINGS, WorkerSettings } from '../config/worker.config';
import { NotificationSender } from '../notify/notification-sender.service';

const DIGEST_JOB = 'digest';
const DIGEST_SCHEDULER = 'morning-digest';
const SWEEP_BATCH = 1000;

/** Thrown to hand a retryable failure to BullMQ's attempts and backoff (the row already holds the details). */
class RetryLater extends Error {}

@Injectable()
export class NotificationsProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationsProcessor.name);
  private worker: Worker | null = null;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
    @Inject(NOTIFICATIONS_QUEUE) private readonly queue: Queue,
    private readonly sender: NotificationSender,
    private readonly digest: MorningDigest,
    private readonly notifications: NotificationsRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const notify = this.settings.notify;
    if (!notify.apiKey) this.logger.log('GOV.UK Notify: no API key, messages go to the log');
    await this.queue.upsertJobScheduler(
      DIGEST_SCHEDULER,
      { pattern: notify.digestCron, tz: LONDON_ZONE },
      { name: DIGEST_JOB },
    );
    this.worker = new Worker(QUEUE_NAMES.notifications, (job) => this.process(job), {
      connection: queueConnectionOptions(this.settings.redis, { maxRetriesPerRequest: null }),
      prefix: `${this.settings.redis.prefix}:bull`,
      concurrency: 20,
      lockDuration: notify.lockMs,
      stalledInterval: notify.lockMs,
      settings: { backoffStrategy: (attemptsMade: number) => notify.retryBaseMs * 2 ** Math.max(0, attemptsMade - 1) },
    });
    this.worker.on('failed', (job, error) => {
      if (!(error instanceof RetryLater))
        this.logger.warn(`notification job ${job?.id ?? '?'} failed: ${error.message}`);
    });
    await this.sweep();
    this.sweeper = setInterval(() => {
      this.sweep().catch((error: unknown) => this.logger.warn(`notification sweep: ${(error as Error).message}`));
    }, notify.sweepEveryMs);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.worker?.close();
  }

  /** Enqueues unfinished messages; a job still waiting or retrying under the same id makes the add a no-op. */
  private async sweep(): Promise<void> {
    const ids = await this.notifications.unfinished(this.settings.notify.stuckAfterMs, SWEEP_BATCH);
    if (ids.length > 0) await this.queue.addBulk(ids.map(notificationJob));
  }

  private async process(job: Job): Promise<void> {
    if (job.name === DIGEST_JOB) {
      const run = await this.digest.run();
      this.logger.log(
        `morning digest ${run.date}: ${run.workingDay ? `${run.messages} messages` : 'not a working day'}`,
      );
      return;
    }
    if (job.name !== NOTIFICATION_JOB_NAME) {
      this.logger.warn(`unknown job ${job.name}`);
      return;
    }
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.sender.send((job.data as NotificationJobData).notificationId, lastAttempt);
    if (outcome === 'retry') throw new RetryLater('GOV.UK Notify asked us to try again later');
  }
}
