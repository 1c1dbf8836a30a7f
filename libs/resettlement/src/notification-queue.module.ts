/** The notifications queue producer, for the apps that request GOV.UK Notify messages and enqueue them at once. */
import { DynamicModule, Module } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QUEUE_NAMES, RedisSettings, queueConnectionOptions } from '@app/events';
import { NOTIFICATIONS_QUEUE } from './notification-requests.service';

export function createNotificationsQueue(redis: RedisSettings): Queue {
  return new Queue(QUEUE_NAMES.notifications, {
    connection: queueConnectionOptions(redis),
    prefix: `${redis.prefix}:bull`,
  });
}

@Module({})
export class NotificationQueueModule {
  static forRoot(redis: RedisSettings): DynamicModule {
    return {
      module: NotificationQueueModule,
      global: true,
      providers: [{ provide: NOTIFICATIONS_QUEUE, useFactory: () => createNotificationsQueue(redis) }],
      exports: [NOTIFICATIONS_QUEUE],
    };
  }
}
