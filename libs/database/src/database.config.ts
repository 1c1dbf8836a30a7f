/** The database settings, read once from the environment and validated. */
import { z } from 'zod';

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
  const parsed = databaseSettingsSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid database settings: ${problems}`);
  }
  return {
    url: parsed.data.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    poolSize: parsed.data.DATABASE_POOL_SIZE,
    logSql: parsed.data.DATABASE_LOG_SQL === 'true',
  };
}
