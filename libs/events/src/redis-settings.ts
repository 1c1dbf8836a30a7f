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
