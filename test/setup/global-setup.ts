/**
 * Makes this run's world: a fresh PostgreSQL database (never the live one) with the migrations and the
 * reference data, a login role of its own for the apps, a Redis key prefix of its own, and a JWT secret, written
 * to a file in the temp directory.
 *
 * The admin connection runs the migrations and so owns the tables, as the owner does in production; the apps
 * under test connect as the run's login role, a member of resettle_app (made by the migrations), so that every
 * suite proves the apps work with its grants. Roles are cluster-wide, hence a name unique to the run.
 */
import './register-paths';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { NestFactory } from '@nestjs/core';
import { DatabaseModule } from '@app/database';
import { ReferenceDataLoader, ResettlementModule } from '@app/resettlement';
import { RUN_SETTINGS_ENV, RunSettings } from './run-settings';

const DEFAULT_ADMIN_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
/** The group role the migrations grant to (libs/database/src/migrations/1795370000000-AppRole.ts). */
const APP_GROUP_ROLE = 'resettle_app';

function randomSuffix(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

async function withAdminConnection(url: string, work: (admin: DataSource) => Promise<unknown>): Promise<void> {
  const admin = await new DataSource({ type: 'postgres', url, extra: { max: 1 } }).initialize();
  try {
    await work(admin);
  } finally {
    await admin.destroy();
  }
}

/**
 * The schema from the migrations (never synchronize), then the prisons, areas and default catalogue through the
 * app's own ReferenceDataLoader, wired by Nest as the apps wire it so that its dependencies can change freely.
 */
export async function prepareDatabase(url: string): Promise<void> {
  const context = await NestFactory.createApplicationContext(
    {
      module: class E2eReferenceDataModule {},
      imports: [DatabaseModule.forRoot({ url, poolSize: 2, logSql: false }), ResettlementModule],
    },
    { logger: false },
  );
  try {
    await context.get(DataSource).runMigrations({ transaction: 'each' });
    await context.get(ReferenceDataLoader).ensure();
  } finally {
    await context.close();
  }
}

function withDatabase(url: string, databaseName: string): URL {
  const result = new URL(url);
  result.pathname = `/${databaseName}`;
  return result;
}

export default async function globalSetup(): Promise<void> {
  const adminDatabaseUrl = process.env.DATABASE_URL ?? DEFAULT_ADMIN_DATABASE_URL;
  const suffix = `${Date.now()}_${randomSuffix(4)}`;
  const databaseName = `resettle_e2e_${suffix}`;
  const appLoginRole = `resettle_e2e_app_${suffix}`;
  const appPassword = randomSuffix(18);
  const ownerDatabaseUrl = withDatabase(adminDatabaseUrl, databaseName);
  const databaseUrl = withDatabase(adminDatabaseUrl, databaseName);
  databaseUrl.username = appLoginRole;
  databaseUrl.password = appPassword;

  await withAdminConnection(adminDatabaseUrl, async (admin) => {
    await admin.query(`CREATE DATABASE "${databaseName}"`);
    await admin.query(
      `CREATE ROLE "${appLoginRole}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${appPassword}'`,
    );
  });

  try {
    await prepareDatabase(ownerDatabaseUrl.toString());
    // After the migrations, which make the group role when the cluster has none yet.
    await withAdminConnection(adminDatabaseUrl, (admin) => admin.query(`GRANT ${APP_GROUP_ROLE} TO "${appLoginRole}"`));
  } catch (error) {
    // Jest skips the teardown when the setup fails, so a half-made world is removed here.
    await withAdminConnection(adminDatabaseUrl, async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS "${appLoginRole}"`);
    });
    throw error;
  }

  const run: RunSettings = {
    databaseName,
    databaseUrl: databaseUrl.toString(),
    appLoginRole,
    ownerDatabaseUrl: ownerDatabaseUrl.toString(),
    adminDatabaseUrl,
    redisUrl: process.env.REDIS_URL ?? DEFAULT_REDIS_URL,
    redisPrefix: `resettle-e2e-${randomSuffix(6)}`,
    jwtSecret: randomBytes(36).toString('base64url'),
  };
  const file = join(tmpdir(), `${databaseName}.json`);
  writeFileSync(file, JSON.stringify(run, null, 2), { mode: 0o600 });
  // Set before Jest starts its workers, so each inherits it.
  process.env[RUN_SETTINGS_ENV] = file;
}
