/**
 * Puts a task's upcoming thresholds (at risk, overdue, each escalation rung) on the deadlines queue as
 * delayed jobs with deterministic ids. Only thresholds inside the rolling horizon go to Redis; the
 * worker's horizon job tops it up and its reconciler fires anything that was missed. Payloads hold ids only.
 */
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { TaskEntity } from '@app/database';
import { alertThresholds, deadlineJobId, isOpenTaskStatus } from '@app/domain';
import { DeadlineJobData, HORIZON_MS } from '@app/events';

export const DEADLINES_QUEUE = Symbol('DEADLINES_QUEUE');

const JOB_OPTIONS: JobsOptions = {
  removeOnComplete: 1000,
  removeOnFail: 5000,
  attempts: 5,
  backoff: { type: 'exponential', delay: 200 },
};

export type SchedulableTask = Pick<
  TaskEntity,
  'id' | 'status' | 'atRiskAt' | 'dueAt' | 'escalationAts' | 'deadlineRevision'
>;

@Injectable()
export class DeadlineScheduler implements OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineScheduler.name);

  constructor(@Inject(DEADLINES_QUEUE) private readonly queue: Queue<DeadlineJobData>) {}

  /**
   * The jobs for these tasks' thresholds that fall before now + horizon. Passed thresholds fire at once
   * unless `futureOnly` (the horizon top-up leaves those to the reconciler).
   */
  jobsFor(
    tasks: SchedulableTask[],
    now: Date,
    { futureOnly = false, horizonMs = HORIZON_MS }: { futureOnly?: boolean; horizonMs?: number } = {},
  ): { name: string; data: DeadlineJobData; opts: JobsOptions }[] {
    const until = now.getTime() + horizonMs;
    const from = futureOnly ? now.getTime() : Number.NEGATIVE_INFINITY;
    return tasks
      .filter((t) => isOpenTaskStatus(t.status))
      .flatMap((task) =>
        alertThresholds(task)
          .filter((threshold) => threshold.at.getTime() <= until && threshold.at.getTime() > from)
          .map((threshold) => ({
            name: 'threshold',
            data: {
              taskId: task.id,
              kind: threshold.kind,
              level: threshold.level,
              deadlineRevision: task.deadlineRevision,
            },
            opts: {
              ...JOB_OPTIONS,
              jobId: deadlineJobId(task.id, threshold, task.deadlineRevision),
              delay: Math.max(0, threshold.at.getTime() - now.getTime()),
              // BullMQ adds the delay to the job's timestamp: pin it to the same `now`, or a job added late in a
              // long top-up would fire late by that much.
              timestamp: now.getTime(),
            },
          })),
      );
  }

  /**
   * Queues the thresholds of tasks just created or moved. Called after the transaction commits; if Redis
   * is down the change stands (PostgreSQL is the truth) and the worker's reconciler catches up.
   */
  async schedule(
    tasks: SchedulableTask[],
    now: Date = new Date(),
    options: { futureOnly?: boolean } = {},
  ): Promise<number> {
    const jobs = this.jobsFor(tasks, now, options);
    try {
      for (let i = 0; i < jobs.length; i += 1000) await this.queue.addBulk(jobs.slice(i, i + 1000));
      return jobs.length;
    } catch (error) {
      this.logger.warn(
        `Could not queue ${jobs.length} deadline jobs (the reconciler will catch up): ${(error as Error).message}`,
      );
      return 0;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
