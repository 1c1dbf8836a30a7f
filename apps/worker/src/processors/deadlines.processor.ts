/**
 * Consumes the deadlines queue: instant jobs (every threshold at one instant, raised in one sweep), the jobs that
 * build a busy instant's alerts ahead of it (prepare), a task's own threshold jobs (batched into alerts), and the two repeating jobs that keep PostgreSQL and Redis in step (horizon
 * top-up, reconciler). A thin layer: each job calls a service.
 */
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import { DeadlineJobData, InstantJobData, QUEUE_NAMES, queueConnectionOptions } from '@app/events';
import { DEADLINE_JOB_NAMES, DEADLINES_QUEUE } from '@app/resettlement';
import { WORKER_SETTINGS, WorkerSettings } from '../config/worker.config';
import { AlertRaiser } from '../deadlines/alert-raiser.service';
import { catchUp } from '../deadlines/catch-up';
import { HorizonService } from '../deadlines/horizon.service';
import { InstantAlertsService } from '../deadlines/instant-alerts.service';
import { PreparedInstantsService } from '../deadlines/prepared-instants.service';
import { ReconcilerService } from '../deadlines/reconciler.service';
import { OverdueRollupService } from '../reports/overdue-rollup.service';

export const JOB_NAMES = { ...DEADLINE_JOB_NAMES, horizon: 'horizon', reconcile: 'reconcile' } as const;
const SCHEDULERS = { horizon: 'horizon-top-up', reconciler: 'reconciler' } as const;

@Injectable()
export class DeadlinesProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlinesProcessor.name);
  private worker: Worker | null = null;
  private watchdog: NodeJS.Timeout | null = null;

  constructor(
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
    @Inject(DEADLINES_QUEUE) private readonly queue: Queue,
    private readonly raiser: AlertRaiser,
    private readonly horizon: HorizonService,
    private readonly instants: InstantAlertsService,
    private readonly prepared: PreparedInstantsService,
    private readonly reconciler: ReconcilerService,
    private readonly rollup: OverdueRollupService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Catch up first: the horizon refilled from PostgreSQL, then whatever passed while no worker ran (catch-up.ts).
    await catchUp(this.horizon, this.reconciler);
    await this.ensureSchedulers();
    this.takeRollup();
    // Redis may lose everything (FLUSHALL, a restart without persistence) while this process runs: the
    // repeating jobs would vanish with it. The watchdog notices, catches up from PostgreSQL and re-creates them.
    this.watchdog = setInterval(() => {
      this.checkSchedulers().catch((error: unknown) => this.logger.warn(`watchdog: ${(error as Error).message}`));
    }, this.settings.schedulerWatchdogMs);
    this.worker = new Worker(QUEUE_NAMES.deadlines, (job) => this.process(job), {
      // BullMQ's guidance for workers: never give up a command while Redis reconnects or fails over.
      connection: queueConnectionOptions(this.settings.redis, { maxRetriesPerRequest: null }),
      prefix: `${this.settings.redis.prefix}:bull`,
      concurrency: this.settings.deadlineConcurrency,
    });
    this.worker.on('failed', (job, error) => this.logger.warn(`job ${job?.id ?? '?'} failed: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.watchdog) clearInterval(this.watchdog);
    await this.worker?.close();
  }

  /**
   * First runs one period from now: the caller has just reconciled and topped up itself. Each scheduler is removed
   * before it is upserted: an upsert with a new period leaves the next run the old period had already queued, so a
   * worker started with a shorter HORIZON_EVERY_MS (a new deployment, or a test) would wait out the old one first.
   */
  private async ensureSchedulers(): Promise<void> {
    await Promise.all([
      this.queue.removeJobScheduler(SCHEDULERS.horizon),
      this.queue.removeJobScheduler(SCHEDULERS.reconciler),
    ]);
    await this.queue.upsertJobScheduler(
      SCHEDULERS.horizon,
      { every: this.settings.horizonEveryMs, startDate: Date.now() + this.settings.horizonEveryMs },
      { name: JOB_NAMES.horizon },
    );
    await this.queue.upsertJobScheduler(
      SCHEDULERS.reconciler,
      { every: this.settings.reconcileEveryMs, startDate: Date.now() + this.settings.reconcileEveryMs },
      { name: JOB_NAMES.reconcile },
    );
  }

  private async checkSchedulers(): Promise<void> {
    const present = await this.queue.getJobScheduler(SCHEDULERS.reconciler);
    if (present) return;
    this.logger.warn('the deadline schedulers are gone from Redis: rebuilding from PostgreSQL');
    await catchUp(this.horizon, this.reconciler);
    await this.ensureSchedulers();
  }

  /** Not awaited: on a national data set a missing week takes seconds, and alerts must not wait for it. */
  private takeRollup(): void {
    this.rollup.run().catch((error: unknown) => this.logger.warn(`overdue roll-up: ${(error as Error).message}`));
  }

  private async process(job: Job): Promise<void> {
    switch (job.name) {
      case JOB_NAMES.threshold: {
        const data = job.data as DeadlineJobData;
        await this.raiser.raise([
          { taskId: data.taskId, kind: data.kind, level: data.level, deadlineRevision: data.deadlineRevision },
        ]);
        return;
      }
      case JOB_NAMES.instant:
        await this.instants.raiseAt(BigInt((job.data as InstantJobData).atMicros));
        return;
      case JOB_NAMES.prepare: {
        const atMicros = BigInt((job.data as InstantJobData).atMicros);
        if ((await this.prepared.prepareAt(atMicros)) > 0) this.instants.armAt(atMicros);
        return;
      }
      case JOB_NAMES.horizon:
        await this.horizon.topUp();
        return;
      case JOB_NAMES.reconcile:
        await this.reconciler.run();
        this.takeRollup();
        return;
      default:
        this.logger.warn(`unknown job ${job.name}`);
    }
  }
}
