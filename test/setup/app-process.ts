/**
 * Starts a built app (dist/apps/<app>/src/main.js) as a real, separate Node process against this run's
 * database and Redis prefix, and waits until it answers /health/ready. Multi-instance behaviour (two
 * gateways, two APIs sharing sign-in limits, a worker restart) is tested with real processes, as it would run
 * in production; the fault suite (test/faults) runs the API this way too, and kills any of them with SIGKILL.
 * The process handling itself is the repository's one supervisor (scripts/supervisor).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, SupervisedProcess, waitUntilReady } from '../../scripts/supervisor';
import { hmppsEventsToken, readRunSettings } from './run-settings';

// Re-exported so that specs needing a port for an app they start later take it from the same place.
export { freePort };

const ROOT = join(__dirname, '..', '..');

export type AppName = 'api' | 'gateway' | 'worker';

const PORT_VARIABLE: Record<AppName, string> = { api: 'API_PORT', gateway: 'GATEWAY_PORT', worker: 'WORKER_PORT' };

export interface AppProcess {
  name: AppName;
  port: number;
  url: string;
  pid: number;
  /** Lines the process printed, for explaining a failure. */
  output: string[];
  /** Resolves when the process has exited (on its own, or stopped). */
  exited: Promise<void>;
  /** Whether the process is still running. */
  readonly running: boolean;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartOptions {
  /** Restarts an app where its clients expect it (a gateway coming back after an outage). */
  port?: number;
  /** How long to wait for /health/ready (longer under an injected CPU load). */
  readyTimeoutMs?: number;
}

/**
 * Generous by default: a loaded machine (CI beside other jobs) can take a minute to boot Nest; only a process that
 * never becomes ready costs the whole bound.
 */
const READY_WITHIN_MS = 120_000;
/** A test's app gets SIGKILL this long after SIGTERM: suites wait on each other's shutdowns. */
const STOP_GRACE_MS = 5000;

export async function startApp(
  name: AppName,
  extraEnv: NodeJS.ProcessEnv = {},
  options: StartOptions = {},
): Promise<AppProcess> {
  const entry = join(ROOT, 'dist', 'apps', name, 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first (npm test does)`);
  const run = readRunSettings();
  const port = options.port ?? (await freePort());
  const app = new SupervisedProcess({
    name,
    args: [entry],
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: run.databaseUrl,
      REDIS_URL: run.redisUrl,
      REDIS_PREFIX: run.redisPrefix,
      JWT_SECRET: run.jwtSecret,
      ...(name === 'api' ? { HMPPS_EVENTS_TOKEN: hmppsEventsToken(run) } : {}),
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      [PORT_VARIABLE[name]]: String(port),
      ...extraEnv,
    },
    // Tests look for log lines anywhere in an app's life (output.some(...)).
    keepLines: Infinity,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady({ url, process: app, timeoutMs: options.readyTimeoutMs ?? READY_WITHIN_MS });
  } catch (error) {
    app.signal('SIGKILL');
    throw error;
  }
  return {
    name,
    port,
    url,
    pid: app.pid as number,
    output: app.lines,
    exited: app.exited.then(() => undefined),
    get running() {
      return app.running;
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      await app.stop(STOP_GRACE_MS, signal);
    },
  };
}
