/** Prints the checker's table, then stops and removes the suite's own Redis and PostgreSQL. */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { RUN_SETTINGS_ENV } from '../../setup/run-settings';
import { removePostgresServer, stopPostgresServer } from '../support/postgres-server';
import { stopRedisServer } from '../support/redis-server';
import { formatTable, CaseResult } from '../support/results';
import { readFaultRunSettings } from './fault-settings';

export default async function globalTeardown(): Promise<void> {
  const file = process.env[RUN_SETTINGS_ENV];
  if (!file || !existsSync(file)) return;
  const run = readFaultRunSettings();
  try {
    const rows = existsSync(run.resultsFile)
      ? readFileSync(run.resultsFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as CaseResult)
      : [];
    process.stdout.write(`\n${formatTable(rows)}\n`);
  } finally {
    await stopRedisServer(run.redisPort);
    stopPostgresServer(run.postgres, 'fast');
    removePostgresServer(run.postgres);
    rmSync(run.resultsFile, { force: true });
    rmSync(file, { force: true });
    delete process.env[RUN_SETTINGS_ENV];
  }
}
