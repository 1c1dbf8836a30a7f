/**
 * Starts the real API (the same createApiApp as main.ts) on an ephemeral port against this run's database and
 * Redis prefix. Each suite starts its own, so suites can run in parallel workers.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { loadNativeApi } from './native-api';
import { apiEnvironment, readRunSettings } from './run-settings';

export interface TestApi {
  baseUrl: string;
  app: INestApplication;
  /** The API's own connection pool, for arranging fixtures and checking what was (not) written. */
  dataSource: DataSource;
  close(): Promise<void>;
}

export async function startTestApi(extraEnv: NodeJS.ProcessEnv = {}): Promise<TestApi> {
  const { createApiApp, readApiSettings, DataSource: DataSourceClass } = loadNativeApi();
  const app = await createApiApp(readApiSettings({ ...apiEnvironment(readRunSettings()), ...extraEnv }));
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    dataSource: app.get(DataSourceClass),
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
