/** The worker's settings, validated at boot. */
import { z } from 'zod';
import { LogFormat, logFormatSchema, logLevelSchema, parseSettings } from '@app/config';
import { DatabaseSettings, readDatabaseSettings } from '@app/database';
import { RedisSettings, readRedisSettings } from '@app/events';
import { NotifySettings, readNotifySettings } from './notify.config';

const workerSettingsSchema = z.object({
  WORKER_PORT: z.coerce.number().int().min(0).max(65_535).default(3002),
  LOG_LEVEL: logLevelSchema,
  LOG_FORMAT: logFormatSchema,
  DEADLINE_CONCURRENCY: z.coerce.number().int().min(1).max(5000).default(500),
  HORIZON_EVERY_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(10 * 60 * 1000),
  RECONCILE_EVERY_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(2 * 60 * 1000),
  SCHEDULER_WATCHDOG_MS: z.coerce.number().int().min(200).default(30_000),
  PREPARE_MIN_THRESHOLDS: z.coerce.number().int().min(1).default(500),
  WORKER_RELAY_MAX_LAG_MS: z.coerce.number().int().min(100).default(30_000),
  // Test-only: the relay stops for good after reading a batch, before publishing it (the fault suite's case 5).
  WORKER_RELAY_HOLD_AFTER_READ: z.enum(['true', 'false']).default('false'),
});

export interface WorkerSettings {
  port: number;
  logLevel: string;
  logFormat: LogFormat;
  redis: RedisSettings;
  database: DatabaseSettings;
  /** How many threshold jobs one worker holds at once (they are batched into a few transactions). */
  deadlineConcurrency: number;
  horizonEveryMs: number;
  reconcileEveryMs: number;
  /** An instant with at least this many thresholds has its alerts built ahead of it (deadline-jobs.ts). */
  prepareMinThresholds: number;
  /** How often the worker checks that Redis still holds its repeating jobs. */
  schedulerWatchdogMs: number;
  /** The relay leader is unready while its oldest unpublished event has waited longer than this. */
  relayMaxLagMs: number;
  /** Test-only, off by default: hold the first batch read between read and publish, for the fault suite. */
  relayHoldAfterRead: boolean;
  notify: NotifySettings;
}

export function readWorkerSettings(env: NodeJS.ProcessEnv = process.env): WorkerSettings {
  const data = parseSettings(workerSettingsSchema, env, 'worker');
  return {
    port: data.WORKER_PORT,
    logLevel: data.LOG_LEVEL,
    logFormat: data.LOG_FORMAT,
    redis: readRedisSettings(env),
    database: readDatabaseSettings({ ...env, DATABASE_POOL_SIZE: env.DATABASE_POOL_SIZE ?? '6' }),
    deadlineConcurrency: data.DEADLINE_CONCURRENCY,
    horizonEveryMs: data.HORIZON_EVERY_MS,
    reconcileEveryMs: data.RECONCILE_EVERY_MS,
    schedulerWatchdogMs: data.SCHEDULER_WATCHDOG_MS,
    prepareMinThresholds: data.PREPARE_MIN_THRESHOLDS,
    relayMaxLagMs: data.WORKER_RELAY_MAX_LAG_MS,
    relayHoldAfterRead: data.WORKER_RELAY_HOLD_AFTER_READ === 'true',
    notify: readNotifySettings(env),
  };
}

export const WORKER_SETTINGS = Symbol('WORKER_SETTINGS');
