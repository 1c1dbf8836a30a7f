/** The deadlines queue producer, for the apps that schedule deadlines (api, worker): not the cli. */
import { DynamicModule, Module } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QUEUE_NAMES, RedisSettings, queueConnectionOptions } from '@app/events';
import { DEADLINES_QUEUE, DeadlineScheduler } from './deadline-scheduler.service';

export function createDeadlinesQueue(redis: RedisSettings): Queue {
  return new Queue(QUEUE_NAMES.deadlines, {
    connection: queueConnectionOptions(redis),
    prefix: `${redis.prefix}:bull`,
  });
}

@Module({})
export class DeadlineSchedulingModule {
  static forRoot(redis: RedisSettings): DynamicModule {
    return {
      module: DeadlineSchedulingModule,
      global: true,
      providers: [DeadlineScheduler, { provide: DEADLINES_QUEUE, useFactory: () => createDeadlinesQueue(redis) }],
      exports: [DeadlineScheduler, DEADLINES_QUEUE],
    };
  }
}
