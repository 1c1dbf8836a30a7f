/** The Redis settings every process shares, read once from the environment and validated. */
import { z } from 'zod';
import { parseSettings } from '@app/config';

const redisSettingsSchema = z.object({
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a redis:// URL' })
    .default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'REDIS_PREFIX may hold letters, digits, _ . -')
    .default('resettle'),
});

export interface RedisSettings {
  url: string;
  /** Every key this deployment writes starts with it, so test runs and deployments never collide. */
  prefix: string;
}

export function readRedisSettings(env: NodeJS.ProcessEnv = process.env): RedisSettings {
  const data = parseSettings(redisSettingsSchema, env, 'Redis');
  return { url: data.REDIS_URL, prefix: data.REDIS_PREFIX };
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
