/**
 * The fault suite's run: the e2e run settings (so the shared supervisor, test/setup/app-process.ts, starts the
 * apps against it unchanged) plus the servers the suite owns and where each case records its checker's figures.
 */
import { readRunSettings, RunSettings } from '../../setup/run-settings';
import type { PostgresServer } from '../support/postgres-server';

export interface FaultRunSettings extends RunSettings {
  redisPort: number;
  postgres: PostgresServer;
  /** One JSON line per case (support/results.ts); the teardown prints them as a table. */
  resultsFile: string;
}

export function readFaultRunSettings(): FaultRunSettings {
  const run = readRunSettings() as FaultRunSettings;
  if (!run.postgres || !run.redisPort) throw new Error('not a fault-suite run: use npm run test:faults');
  return run;
}
