/**
 * Removes what global-setup made: the run's database, its login role, its Redis keys (by prefix, never FLUSHALL),
 * the settings file.
 */
import { rmSync } from 'node:fs';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { RUN_SETTINGS_ENV, readRunSettings } from './run-settings';

async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}

async function dropDatabaseAndRole(adminDatabaseUrl: string, databaseName: string, role: string): Promise<void> {
  // Refuse anything but a database and role this harness named, whatever the settings file says.
  if (!/^resettle_e2e_\d+_[0-9a-f]+$/.test(databaseName)) throw new Error(`Refusing to drop ${databaseName}`);
  if (!/^resettle_e2e_app_\d+_[0-9a-f]+$/.test(role)) throw new Error(`Refusing to drop role ${role}`);
  const admin = await new DataSource({ type: 'postgres', url: adminDatabaseUrl, extra: { max: 1 } }).initialize();
  try {
    // The database first: WITH (FORCE) ends the role's last connections, and it holds no grants elsewhere.
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS "${role}"`);
  } finally {
    await admin.destroy();
  }
}

export default async function globalTeardown(): Promise<void> {
  const file = process.env[RUN_SETTINGS_ENV];
  if (!file) return;
  const run = readRunSettings();
  try {
    await dropDatabaseAndRole(run.adminDatabaseUrl, run.databaseName, run.appLoginRole);
    await deleteRedisKeys(run.redisUrl, run.redisPrefix);
  } finally {
    rmSync(file, { force: true });
    delete process.env[RUN_SETTINGS_ENV];
  }
}
