/**
 * Starts the real API (the same createApiApp as main.ts) on an ephemeral port against this run's database and
 * Redis prefix. Each suite starts its own, so suites can run in parallel workers.
 *
 * The API comes from its build in dist/ (npm run test:e2e builds first), the artefact `npm run start:api` runs,
 * so no suite imports apps/api/src. It loads inside Jest's module registry: NestJS 12 ships as ES modules, which
 * Jest 30 require()s natively on Node 24.9+ once Node exposes synchronous VM module evaluation
 * (--experimental-vm-modules, passed by the npm scripts; see jest-node-options in package.json). The app and
 * the suite therefore share one copy of TypeORM, and the DataSource below is the app's own.
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { apiEnvironment, readRunSettings } from './run-settings';

export interface TestApi {
  baseUrl: string;
  app: INestApplication;
  /** The API's own connection pool, for arranging fixtures and checking what was (not) written. */
  dataSource: DataSource;
  close(): Promise<void>;
}

/** The API's settings as its config reads them; the suites pass them on without looking inside. */
declare const apiSettingsBrand: unique symbol;
type ApiSettings = { readonly [apiSettingsBrand]: true };

/** The two exports of the built API that main.ts itself calls (apps/api/src/bootstrap.ts, config/api.config.ts). */
interface BuiltApi {
  createApiApp(settings: ApiSettings): Promise<INestApplication>;
  readApiSettings(env: NodeJS.ProcessEnv): ApiSettings;
}

const BUILT_API_DIR = resolve(__dirname, '../../dist/apps/api/src');

function loadBuiltApi(): BuiltApi {
  const bootstrap = join(BUILT_API_DIR, 'bootstrap.js');
  if (!existsSync(bootstrap)) {
    throw new Error(`${bootstrap} is missing: build first (npm run build), as npm run test:e2e does`);
  }
  // Jest's require: the registry this suite's own imports (typeorm above among them) come from.
  const requireBuilt = createRequire(__filename);
  const { createApiApp } = requireBuilt(bootstrap) as Pick<BuiltApi, 'createApiApp'>;
  const { readApiSettings } = requireBuilt(join(BUILT_API_DIR, 'config/api.config.js')) as Pick<
    BuiltApi,
    'readApiSettings'
  >;
  return { createApiApp, readApiSettings };
}

export async function startTestApi(extraEnv: NodeJS.ProcessEnv = {}): Promise<TestApi> {
  const { createApiApp, readApiSettings } = loadBuiltApi();
  const app = await createApiApp(readApiSettings({ ...apiEnvironment(readRunSettings()), ...extraEnv }));
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    dataSource: app.get(DataSource),
    close: () => closeWithin(app, CLOSE_TIMEOUT_MS),
  };
}

const CLOSE_TIMEOUT_MS = 5_000;

/**
 * A wedged app (say, a connection pool that deadlocked) may never finish closing; the suite moves on and the
 * global teardown's DROP DATABASE ... WITH (FORCE) ends its connections.
 */
async function closeWithin(app: INestApplication, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([app.close(), gaveUp]);
  clearTimeout(timer);
}
