/** The cli's one-shot commands and the three long-running apps, started from the build in dist/. */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { PollTimeoutError, waitUntilReady } from '../supervisor';
import { APPS, portOf } from './environment';
import { entryPoint, ROOT } from './paths';
import { StartRun } from './run';

const READY_TIMEOUT_MS = 60_000;

export function assertBuilt(): void {
  const missing = [...APPS, 'cli'].filter((app) => !existsSync(entryPoint(app)));
  if (missing.length === 0) return;
  const list = missing.map((app) => relative(ROOT, entryPoint(app))).join(', ');
  throw new Error(`Build output missing: ${list}. Run npm run build (npm start does this for you).`);
}

/** `cli migrate`, `cli seed --if-empty`: run as the tables' owner, before any app starts. */
export async function runCli(run: StartRun, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  await run.runTask({ name: args[0], args: [entryPoint('cli'), ...args], env });
}

/**
 * Starts api, gateway and worker, and waits until each answers /health/ready. Returns the apps that did not
 * within the bound (they keep starting; the banner says so).
 */
export async function startApps(run: StartRun, env: NodeJS.ProcessEnv): Promise<string[]> {
  const appEnv = { ...env };
  // Least privilege: the apps connect with DATABASE_URL only, never as the tables' owner.
  delete appEnv.MIGRATION_DATABASE_URL;
  const started = APPS.map((app) => ({
    app,
    process: run.start('app', { name: app, args: [entryPoint(app)], env: appEnv }),
  }));
  const pending: string[] = [];
  for (const { app, process } of started) {
    const url = `http://127.0.0.1:${portOf(env, app)}`;
    try {
      await waitUntilReady({ url, process, timeoutMs: READY_TIMEOUT_MS });
    } catch (error) {
      if (!(error instanceof PollTimeoutError)) throw error;
      pending.push(`${app} (${portOf(env, app)})`);
    }
  }
  return pending;
}

export function banner(env: NodeJS.ProcessEnv, notes: string[]): string {
  return [
    '',
    'Resettle is running.',
    `  Web app  http://localhost:${env.API_PORT}/ (sign in as a demo user)`,
    `  API      http://localhost:${env.API_PORT}`,
    `  API docs http://localhost:${env.API_PORT}/docs`,
    `  Gateway  http://localhost:${env.GATEWAY_PORT} (socket.io)`,
    `  Worker   http://localhost:${env.WORKER_PORT}/health/ready`,
    '  Demo users and their password: see README.md ("Demo users").',
    ...notes.map((note) => `  Note: ${note}`),
    '  Press Ctrl+C to stop everything.',
    '',
  ].join('\n');
}

export const READY_WAIT_SECONDS = READY_TIMEOUT_MS / 1000;
