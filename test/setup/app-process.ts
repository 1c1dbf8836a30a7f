/**
 * Starts a built app (dist/apps/<app>/src/main.js) as a real, separate Node process against this run's
 * database and Redis prefix, and waits until it answers /health/ready. Multi-instance behaviour (two
 * gateways, a worker restart) is tested with real processes, as it would run in production.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { readRunSettings } from './run-settings';

const ROOT = join(__dirname, '..', '..');

export type AppName = 'gateway' | 'worker';

export interface AppProcess {
  name: AppName;
  port: number;
  url: string;
  /** Lines the process printed, for explaining a failure. */
  output: string[];
  stop(signal?: NodeJS.Signals): Promise<void>;
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

/** `options.port` restarts an app where its clients expect it (a gateway coming back after an outage). */
export async function startApp(
  name: AppName,
  extraEnv: NodeJS.ProcessEnv = {},
  options: { port?: number } = {},
): Promise<AppProcess> {
  const entry = join(ROOT, 'dist', 'apps', name, 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first (npm test does)`);
  const run = readRunSettings();
  const port = options.port ?? (await freePort());
  const portVariable = name === 'gateway' ? 'GATEWAY_PORT' : 'WORKER_PORT';
  const child: ChildProcess = spawn(process.execPath, [entry], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: run.databaseUrl,
      REDIS_URL: run.redisUrl,
      REDIS_PREFIX: run.redisPrefix,
      JWT_SECRET: run.jwtSecret,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      [portVariable]: String(port),
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
  await waitUntilReady(url, child, output);
  return {
    name,
    port,
    url,
    output,
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
 * Generous: a loaded machine (CI beside other jobs) can take a minute to boot Nest; only a process that never
 * becomes ready costs the whole bound.
 */
const READY_WITHIN_MS = 120_000;

async function waitUntilReady(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
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
  throw new Error(`not ready within ${READY_WITHIN_MS / 1000} s:\n${output.slice(-20).join('\n')}`);
}
