/**
 * Makes this run's world: a fresh PostgreSQL database (never the live one) with the migrations and the
 * reference data, a Redis key prefix of its own, and a JWT secret, written to a file in the temp directory.
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

export default async function globalSetup(): Promise<void> {
  const adminDatabaseUrl = process.env.DATABASE_URL ?? DEFAULT_ADMIN_DATABASE_URL;
  const databaseName = `resettle_e2e_${Date.now()}_${randomSuffix(4)}`;
  const databaseUrl = new URL(adminDatabaseUrl);
  databaseUrl.pathname = `/${databaseName}`;

  await withAdminConnection(adminDatabaseUrl, (admin) => admin.query(`CREATE DATABASE "${databaseName}"`));

  try {
    await prepareDatabase(databaseUrl.toString());
  } catch (error) {
    // Jest skips the teardown when the setup fails, so a half-made database is dropped here.
    await withAdminConnection(adminDatabaseUrl, (admin) =>
      admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`),
    );
    throw error;
  }

  const run: RunSettings = {
    databaseName,
    databaseUrl: databaseUrl.toString(),
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
