/**
 * Starts a built app (dist/apps/<app>/src/main.js) as a real, separate Node process against this run's
 * database and Redis prefix, and waits until it answers /health/ready. Multi-instance behaviour (two
 * gateways, two APIs sharing sign-in limits, a worker restart) is tested with real processes, as it would run
 * in production; the fault suite (test/faults) runs the API this way too, and kills any of them with SIGKILL.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { hmppsEventsToken, readRunSettings } from './run-settings';

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

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startApp(
  name: AppName,
  extraEnv: NodeJS.ProcessEnv = {},
  options: StartOptions = {},
): Promise<AppProcess> {
  const entry = join(ROOT, 'dist', 'apps', name, 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first (npm test does)`);
  const run = readRunSettings();
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, [entry], {
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
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, child, output, options.readyTimeoutMs ?? READY_WITHIN_MS);
  return {
    name,
    port,
    url,
    pid: child.pid as number,
    output,
    exited,
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/**
 * Generous by default: a loaded machine (CI beside other jobs) can take a minute to boot Nest; only a process that
 * never becomes ready costs the whole bound.
 */
const READY_WITHIN_MS = 120_000;

async function waitUntilReady(url: string, child: ChildProcess, output: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the process exited with ${child.exitCode}:\n${output.slice(-20).join('\n')}`);
    try {
      const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`not ready within ${timeoutMs / 1000} s:\n${output.slice(-20).join('\n')}`);
}
