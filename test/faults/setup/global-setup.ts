/**
 * Makes the fault suite's world: a redis-server and a PostgreSQL cluster of its own (never the machine's shared
 * ones, which case 2 and case 3 would otherwise kill), the run's database with the migrations and reference
 * data, and the settings file every case and every app process reads.
 */
import '../../setup/register-paths';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../../scripts/supervisor';
import { prepareDatabase } from '../../setup/global-setup';
import { RUN_SETTINGS_ENV } from '../../setup/run-settings';
import { initPostgresServer, startPostgresServer } from '../support/postgres-server';
import { startRedisServer } from '../support/redis-server';
import { FaultRunSettings } from './fault-settings';

const DATABASE = 'resettle_faults';

export default async function globalSetup(): Promise<void> {
  const [redisPort, postgresPort] = [await freePort(), await freePort()];
  const postgres = initPostgresServer(postgresPort);
  startPostgresServer(postgres);
  await startRedisServer(redisPort);

  const adminDatabaseUrl = `postgres://postgres@127.0.0.1:${postgresPort}/postgres`;
  const admin = new Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const ownerDatabaseUrl = `postgres://postgres@127.0.0.1:${postgresPort}/${DATABASE}`;
  await prepareDatabase(ownerDatabaseUrl);
  // The apps connect as a member of resettle_app (made by the migrations), as every deployment does.
  const appLoginRole = 'resettle_faults_app';
  const owner = new Client({ connectionString: ownerDatabaseUrl });
  await owner.connect();
  await owner.query(`CREATE ROLE ${appLoginRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`);
  await owner.query(`GRANT resettle_app TO ${appLoginRole}`);
  await owner.end();
  const databaseUrl = `postgres://${appLoginRole}@127.0.0.1:${postgresPort}/${DATABASE}`;

  const id = `${Date.now()}_${randomBytes(4).toString('hex')}`;
  const run: FaultRunSettings = {
    databaseName: DATABASE,
    databaseUrl,
    adminDatabaseUrl,
    appLoginRole,
    ownerDatabaseUrl,
    redisUrl: `redis://127.0.0.1:${redisPort}`,
    redisPrefix: 'resettle-faults',
    jwtSecret: randomBytes(36).toString('base64url'),
    redisPort,
    postgres,
    resultsFile: join(tmpdir(), `resettle_faults_${id}.results.jsonl`),
  };
  const file = join(tmpdir(), `resettle_faults_${id}.json`);
  writeFileSync(file, JSON.stringify(run, null, 2), { mode: 0o600 });
  writeFileSync(run.resultsFile, '');
  process.env[RUN_SETTINGS_ENV] = file;
}
