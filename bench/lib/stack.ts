/**
 * The Resettle side of a benchmark run: a database of the run's own (migrated, loaded, dropped at clean-up), the
 * api and two gateways as separate processes, two signed-in users, and the worker when a test starts it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Client } from 'pg';
import { freePort, SupervisedProcess } from '../../scripts/supervisor';
import { appMain, BenchRun } from './bench-run';
import { signIn } from './http';
import { BenchSettings } from './settings';
import * as storage from './storage';

export interface BenchStack {
  db: Client;
  databaseUrl: string;
  jwtSecret: string;
  apiPort: number;
  gatewayPorts: number[];
  workerPort: number;
  /** An admin subscribed to every prison board (test 1). */
  adminToken: string;
  /** A pre-release team member at STI, who changes task statuses (test 2). */
  prtToken: string;
}

/** Everything a test needs: the run (processes, clean-up), its settings and the started stack. */
export interface Bench {
  run: BenchRun;
  settings: BenchSettings;
  stack: BenchStack;
}

const PACKAGES = ['pg', 'ioredis', 'bullmq', 'socket.io', 'socket.io-client', '@socket.io/redis-adapter', 'bcryptjs'];

export function assertInstalledAndBuilt(): void {
  for (const pkg of PACKAGES) {
    try {
      require.resolve(pkg);
    } catch {
      throw new Error(`the package ${pkg} is missing from node_modules: run npm ci`);
    }
  }
  for (const app of ['api', 'gateway', 'worker', 'cli']) {
    if (!existsSync(appMain(app))) throw new Error(`${appMain(app)} is missing: run npm run build first`);
  }
}

export async function prepareStack(run: BenchRun, settings: BenchSettings): Promise<BenchStack> {
  const databaseName = `resettle_bench_${run.runId}`;
  const databaseUrl = storage.databaseUrl(settings.adminDatabaseUrl, databaseName);
  run.log(`database ${databaseName}, Redis prefix ${run.prefix}, logs in ${run.logDir}`);
  await storage.createDatabase(settings.adminDatabaseUrl, databaseName);
  run.onCleanup(`drop database ${databaseName}`, () => storage.dropDatabase(settings.adminDatabaseUrl, databaseName));
  const migrate = run.startNode('migrate', appMain('cli'), { args: ['migrate'], env: { DATABASE_URL: databaseUrl } });
  if ((await migrate.waitForExit(120_000)).code !== 0) throw new Error(`migrate failed\n${migrate.describe()}`);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  run.onCleanup('close the database connection', () => db.end());

  const password = await loadData(run, settings, db);
  const partial = { db, databaseUrl, jwtSecret: randomBytes(32).toString('hex') };
  const [apiPort, gw1Port, gw2Port, workerPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const env = (extra: NodeJS.ProcessEnv) => appEnv(run, settings, partial, extra);
  // The bench's clients are programs (no Origin header); a browser on the bench's API would be this origin.
  const origins = { GATEWAY_ALLOWED_ORIGINS: `http://127.0.0.1:${apiPort}` };
  await Promise.all([
    run.startApp('api', 'api', apiPort, env({ API_PORT: String(apiPort) })),
    run.startApp('gateway-1', 'gateway', gw1Port, env({ GATEWAY_PORT: String(gw1Port), ...origins })),
    run.startApp('gateway-2', 'gateway', gw2Port, env({ GATEWAY_PORT: String(gw2Port), ...origins })),
  ]);
  const adminToken = await signIn(apiPort, 'bench.admin', password);
  const prtToken = await signIn(apiPort, 'bench.prt', password);
  run.log(`api on ${apiPort}, gateways on ${gw1Port} and ${gw2Port}; signed in`);
  return { ...partial, apiPort, gatewayPorts: [gw1Port, gw2Port], workerPort, adminToken, prtToken };
}

/** The data set and the two bench users; returns their password. */
async function loadData(run: BenchRun, settings: BenchSettings, db: Client): Promise<string> {
  const started = Date.now();
  await storage.loadDataset(db, {
    womenCount: settings.women,
    taskCount: settings.tasks,
    burstDue: settings.burstDue,
    burstAtRisk: settings.burstAtRisk,
    spread: settings.spread,
  });
  const password = randomBytes(12).toString('hex');
  await storage.insertUser(db, { username: 'bench.admin', password, role: 'ADMIN', prisonCodes: [] });
  await storage.insertUser(db, { username: 'bench.prt', password, role: 'PRE_RELEASE_TEAM', prisonCodes: ['STI'] });
  const took = Date.now() - started;
  run.log(`loaded ${settings.women} women, ${settings.tasks} open tasks in ${took} ms`);
  return password;
}

function appEnv(
  run: BenchRun,
  settings: BenchSettings,
  stack: Pick<BenchStack, 'databaseUrl' | 'jwtSecret'>,
  extra: NodeJS.ProcessEnv,
): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: settings.redisUrl,
    REDIS_PREFIX: run.prefix,
    JWT_SECRET: stack.jwtSecret,
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
    // The benchmark reads the worker's JSON log lines.
    LOG_FORMAT: 'json',
    ...profiling(),
    ...extra,
  };
}

/**
 * BENCH_CPU_PROF=<dir>: every app the bench starts writes a V8 CPU profile there when it exits (open it in Chrome's
 * DevTools or speedscope). The bench's own process is not profiled.
 */
function profiling(): NodeJS.ProcessEnv {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return {};
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${dir}`.trim() };
}

/** The worker, not waited for: test 1 and test 3 time it from the moment it starts. */
export function startWorker(bench: Bench): SupervisedProcess {
  const { run, settings, stack } = bench;
  const env = appEnv(run, settings, stack, { WORKER_PORT: String(stack.workerPort) });
  return run.startNode('worker', appMain('worker'), { env });
}
