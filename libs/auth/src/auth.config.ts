/** Token settings, read once from the environment and validated. */
import { z } from 'zod';
import { parseSettings } from '@app/config';

const authSettingsSchema = z.object({
  JWT_SECRET: z
    .string({ error: 'JWT_SECRET is required (at least 32 characters)' })
    .min(32, 'JWT_SECRET must be at least 32 characters'),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
});

export interface AuthSettings {
  jwtSecret: string;
  jwtTtlSeconds: number;
}

export function readAuthSettings(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  const data = parseSettings(authSettingsSchema, env, 'auth');
  return { jwtSecret: data.JWT_SECRET, jwtTtlSeconds: data.JWT_TTL_SECONDS };
}
