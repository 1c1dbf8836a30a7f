/**
 * Puts deadline jobs on the queue (which jobs: deadline-jobs.ts). Only thresholds inside the rolling horizon go to
 * Redis; the worker's horizon job tops it up and its reconciler fires anything that was missed. Payloads hold ids
 * and instants only.
 */
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DeadlineJob, deadlineJobs, instantJobs, SchedulableTask } from './deadline-jobs';

export type { SchedulableTask } from './deadline-jobs';

export const DEADLINES_QUEUE = Symbol('DEADLINES_QUEUE');

@Injectable()
export class DeadlineScheduler implements OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineScheduler.name);

  constructor(@Inject(DEADLINES_QUEUE) private readonly queue: Queue) {}

  /**
   * Queues the thresholds of tasks just created or moved. Called after the transaction commits; if Redis
   * is down the change stands (PostgreSQL is the truth) and the worker's reconciler catches up.
   */
  schedule(tasks: SchedulableTask[], now: Date = new Date()): Promise<number> {
    return this.add(deadlineJobs(tasks, now.getTime()));
  }

  /** The horizon's top-up: one job per threshold instant PostgreSQL listed, and a prepare job for `toPrepare`. */
  scheduleInstants(
    instantsMicros: bigint[],
    now: Date = new Date(),
    toPrepare: ReadonlySet<bigint> = new Set(),
  ): Promise<number> {
    return this.add(instantJobs(instantsMicros, now.getTime(), toPrepare));
  }

  private async add(jobs: DeadlineJob[]): Promise<number> {
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
