/** The database settings, read once from the environment and validated. */
import { z } from 'zod';
import { parseSettings } from '@app/config';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/resettle';

const databaseSettingsSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// URL' }).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATABASE_LOG_SQL: z.enum(['true', 'false']).default('false'),
});

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  logSql: boolean;
}

export function readDatabaseSettings(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  const data = parseSettings(databaseSettingsSchema, env, 'database');
  return {
    url: data.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    poolSize: data.DATABASE_POOL_SIZE,
    logSql: data.DATABASE_LOG_SQL === 'true',
  };
}
