/**
 * The database settings, read once from the environment and validated. Two connections: the apps' (DATABASE_URL,
 * a member of resettle_app that may read and append but not rewrite history) and the owner's, which migrates and
 * seeds (MIGRATION_DATABASE_URL, else DATABASE_URL, so a single-role setup keeps working).
 */
import { z } from 'zod';
import { parseSettings } from '@app/config';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/resettle';

const postgresUrl = (variable: string) =>
  z.url({ protocol: /^postgres(ql)?$/, error: `${variable} must be a postgres:// URL` }).optional();

const databaseSettingsSchema = z.object({
  DATABASE_URL: postgresUrl('DATABASE_URL'),
  MIGRATION_DATABASE_URL: postgresUrl('MIGRATION_DATABASE_URL'),
  DATABASE_REPLICA_URL: z.preprocess((v) => (v === '' ? undefined : v), postgresUrl('DATABASE_REPLICA_URL')),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATABASE_LOG_SQL: z.enum(['true', 'false']).default('false'),
});

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  logSql: boolean;
  /** An app's connection, which should be neither a superuser nor an owner (warned about at boot if it is). */
  forApp?: boolean;
  /**
   * A streaming replica of the same database (DATABASE_REPLICA_URL): the reports read from it (ReportReads),
   * everything else reads and writes the primary. Null: the reports read the primary too.
   */
  replicaUrl?: string | null;
}

/** The connection the api, gateway and worker use. */
export function readDatabaseSettings(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  const data = parseSettings(databaseSettingsSchema, env, 'database');
  return {
    url: data.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    poolSize: data.DATABASE_POOL_SIZE,
    logSql: data.DATABASE_LOG_SQL === 'true',
    forApp: true,
    replicaUrl: data.DATABASE_REPLICA_URL ?? null,
  };
}

/** The owner's connection, for the CLI (migrate, seed) and the TypeORM CLI: it owns the tables and may alter them. */
export function readMigrationDatabaseSettings(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  const data = parseSettings(databaseSettingsSchema, env, 'database');
  return {
    url: data.MIGRATION_DATABASE_URL ?? data.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    poolSize: data.DATABASE_POOL_SIZE,
    logSql: data.DATABASE_LOG_SQL === 'true',
  };
}
