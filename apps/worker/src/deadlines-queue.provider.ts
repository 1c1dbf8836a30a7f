/**
 * The deadlines queue connection. The deadline engine (thresholds, reconciler, alerts) is not built yet:
 * today the worker only proves it can reach the queue's Redis.
 */
import { FactoryProvider, Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QUEUE_NAMES } from '@app/events';
import { WORKER_SETTINGS, WorkerSettings } from './config/worker.config';

export const DEADLINES_QUEUE = Symbol('DEADLINES_QUEUE');

export const deadlinesQueueProvider: FactoryProvider<Queue> = {
  provide: DEADLINES_QUEUE,
  inject: [WORKER_SETTINGS],
  useFactory: (settings: WorkerSettings) =>
    new Queue(QUEUE_NAMES.deadlines, {
      connection: { url: settings.redis.url },
      prefix: `${settings.redis.prefix}:bull`,
    }),
};

@Injectable()
export class DeadlinesQueueCloser implements OnApplicationShutdown {
  constructor(@Inject(DEADLINES_QUEUE) private readonly queue: Queue) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
