/** The API's Redis connection (readiness today; rate limits and caches would share it). */
import { FactoryProvider, Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { redisClientName, redisConnectionOptions } from '@app/events';
import { API_SETTINGS, ApiSettings } from '../config/api.config';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

export const redisClientProvider: FactoryProvider<Redis> = {
  provide: REDIS_CLIENT,
  inject: [API_SETTINGS],
  useFactory: (settings: ApiSettings) =>
    new Redis(
      redisConnectionOptions(settings.redis, {
        keyPrefix: `${settings.redis.prefix}:`,
        lazyConnect: false,
        maxRetriesPerRequest: 1,
        connectionName: redisClientName(settings.redis, 'api', String(process.pid)),
      }),
    ),
};

@Injectable()
export class RedisClientCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
