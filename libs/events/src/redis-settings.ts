/**
 * The Redis settings every process shares, read once from the environment and validated, and the one place that
 * turns them into connection options: every Redis client of the apps (BullMQ queues and workers, the socket.io
 * adapter, the relay's emitter connection, the API's own) is built by `redisConnectionOptions`, so a deployment
 * that puts Redis behind Sentinel sets two variables and every client follows a failover.
 *
 * With REDIS_SENTINELS (host:port, comma-separated) and REDIS_SENTINEL_NAME (the master group the Sentinels
 * monitor), clients ask the Sentinels for the current primary and reconnect to the new one after a failover
 * (ioredis's Sentinel support, with its failover detector subscribed to +switch-master:
 * https://github.com/redis/ioredis#sentinel). REDIS_URL then gives only the password, user, database and TLS.
 */
import type { RedisOptions } from 'ioredis';
import { z } from 'zod';
import { parseSettings } from '@app/config';

const sentinelHost = z
  .string()
  .regex(/^[A-Za-z0-9_.-]+:\d{1,5}$/, 'REDIS_SENTINELS must list host:port pairs separated by commas');

const redisSettingsSchema = z
  .object({
    REDIS_URL: z
      .url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a redis:// URL' })
      .default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/, 'REDIS_PREFIX may hold letters, digits, _ . -')
      .default('resettle'),
    REDIS_SENTINELS: z.preprocess(
      (v) =>
        typeof v === 'string' && v.trim() !== ''
          ? v
              .split(',')
              .map((s) => s.trim())
              .filter((s) => s !== '')
          : undefined,
      z.array(sentinelHost).min(1).optional(),
    ),
    REDIS_SENTINEL_NAME: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
      z
        .string()
        .regex(/^[A-Za-z0-9_.-]+$/, 'REDIS_SENTINEL_NAME may hold letters, digits, _ . -')
        .optional(),
    ),
    REDIS_SENTINEL_PASSWORD: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  })
  .superRefine((data, ctx) => {
    if ((data.REDIS_SENTINELS === undefined) !== (data.REDIS_SENTINEL_NAME === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [data.REDIS_SENTINELS === undefined ? 'REDIS_SENTINELS' : 'REDIS_SENTINEL_NAME'],
        message: 'REDIS_SENTINELS and REDIS_SENTINEL_NAME go together: set both to use Sentinel, or neither',
      });
    }
  });

export interface SentinelSettings {
  hosts: { host: string; port: number }[];
  /** The master group name the Sentinels monitor (`sentinel monitor <name> ...`). */
  name: string;
  password: string | null;
}

export interface RedisSettings {
  url: string;
  /** Every key this deployment writes starts with it, so test runs and deployments never collide. */
  prefix: string;
  /** Set when the primary is found through Sentinel; then `url` gives only credentials, database and TLS. */
  sentinel: SentinelSettings | null;
}

export function readRedisSettings(env: NodeJS.ProcessEnv = process.env): RedisSettings {
  const data = parseSettings(redisSettingsSchema, env, 'Redis');
  const sentinel =
    data.REDIS_SENTINELS && data.REDIS_SENTINEL_NAME
      ? {
          hosts: data.REDIS_SENTINELS.map((pair) => {
            const at = pair.lastIndexOf(':');
            return { host: pair.slice(0, at), port: Number(pair.slice(at + 1)) };
          }),
          name: data.REDIS_SENTINEL_NAME,
          password: data.REDIS_SENTINEL_PASSWORD ?? null,
        }
      : null;
  return { url: data.REDIS_URL, prefix: data.REDIS_PREFIX, sentinel };
}

/**
 * ioredis options for one client of these settings, `extra` (its name, retry policy) on top. BullMQ takes the
 * same options as its `connection`.
 */
export function redisConnectionOptions(settings: RedisSettings, extra: RedisOptions = {}): RedisOptions {
  const url = new URL(settings.url);
  const database = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  const credentials: RedisOptions = {
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(Number.isInteger(database) && database > 0 ? { db: database } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
  };
  if (settings.sentinel) {
    return {
      sentinels: settings.sentinel.hosts,
      name: settings.sentinel.name,
      role: 'master',
      ...(settings.sentinel.password ? { sentinelPassword: settings.sentinel.password } : {}),
      ...(url.protocol === 'rediss:' ? { enableTLSForSentinelMode: true } : {}),
      // Subscribes to the Sentinels' +switch-master and reconnects at once, rather than on the next error.
      failoverDetector: true,
      ...credentials,
      ...extra,
    };
  }
  return { host: url.hostname, port: url.port ? Number(url.port) : 6379, ...credentials, ...extra };
}

/** The same options as BullMQ's `connection` takes them: its option type has no `null` retry strategy. */
export type QueueConnectionOptions = Omit<RedisOptions, 'retryStrategy'> & {
  retryStrategy?: (times: number) => number | void | null;
};

export function queueConnectionOptions(settings: RedisSettings, extra: RedisOptions = {}): QueueConnectionOptions {
  const { retryStrategy, ...options } = redisConnectionOptions(settings, extra);
  return retryStrategy ? { ...options, retryStrategy } : options;
}

/** Where these settings send clients, for logs: the URL's host, or the Sentinels and their master group. */
export function describeRedis(settings: RedisSettings): string {
  if (!settings.sentinel) return new URL(settings.url).host;
  const hosts = settings.sentinel.hosts.map((h) => `${h.host}:${h.port}`).join(',');
  return `Sentinel ${hosts}, master ${settings.sentinel.name}`;
}

/**
 * The name a process gives one of its Redis connections (CLIENT SETNAME), so an operator, or a test, can find it
 * in CLIENT LIST and kill it by name: `<prefix>:<app>:<instance>:<role>`.
 */
export function redisClientName(settings: RedisSettings, ...parts: string[]): string {
  return [settings.prefix, ...parts].join(':').replace(/[^A-Za-z0-9_.:-]/g, '-');
}

/** The channel prefix the socket.io adapter, its emitters and the gateway canary share. */
export function socketIoKey(settings: RedisSettings): string {
  return `${settings.prefix}:socket.io`;
}
