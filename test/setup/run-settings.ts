/**
 * The settings of one end-to-end run (its own database, Redis key prefix and JWT secret), written by the
 * global setup to a JSON file whose path travels to every test worker in an environment variable.
 */
import { readFileSync } from 'node:fs';

export const RUN_SETTINGS_ENV = 'RESETTLE_E2E_RUN_FILE';

export interface RunSettings {
  databaseName: string;
  /** The apps' connection: this run's login role, a member of resettle_app (no superuser, owns nothing). */
  databaseUrl: string;
  /** This run's login role (cluster-wide, so named per run and dropped by the teardown). */
  appLoginRole: string;
  /** The owner's connection (the admin role, which ran the migrations), for what the app role may not do. */
  ownerDatabaseUrl: string;
  /** The maintenance connection the run's database was created from (and is dropped through). */
  adminDatabaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  jwtSecret: string;
}

export function readRunSettings(): RunSettings {
  const file = process.env[RUN_SETTINGS_ENV];
  if (!file) {
    throw new Error(`${RUN_SETTINGS_ENV} is not set: run the e2e tests with jest --config test/jest-e2e.config.js`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as RunSettings;
}

/** The environment the API reads its settings from, pointed at this run's database and Redis prefix. */
export function apiEnvironment(run: RunSettings): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: run.databaseUrl,
    REDIS_URL: run.redisUrl,
    REDIS_PREFIX: run.redisPrefix,
    JWT_SECRET: run.jwtSecret,
    HMPPS_EVENTS_TOKEN: hmppsEventsToken(run),
    API_PORT: '0',
    // E2E_LOG_LEVEL=error (or info) shows the API's own log when a test needs explaining.
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
    // Every suite signs in from 127.0.0.1, failing on purpose now and then; a day's allowance of 100 failures
    // per address is for production. The per-username limits stay as deployed (each suite makes its own users),
    // and test/e2e/auth/login-throttle.e2e-spec.ts tests the per-address limit with addresses of its own.
    LOGIN_MAX_FAILURES_PER_ADDRESS_PER_DAY: '1000000',
  };
}

/** The shared secret this run's API expects from the HMPPS event forwarder. */
export function hmppsEventsToken(run: RunSettings): string {
  return `hmpps-events-${run.jwtSecret}`;
}
