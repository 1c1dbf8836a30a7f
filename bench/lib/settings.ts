/**
 * The benchmark's sizes and servers, from the environment. BENCH_SCALE (default 1) shrinks the data (0.1 for a
 * quick run); the timings that a burst needs (lead time, window) have floors so a small run still measures
 * the same rate. BENCH_LEAD_MS overrides the burst's lead time: the worker must be up and its horizon queued
 * within it, which a loaded machine may not manage in the default. BENCH_DATABASE_URL (admin connection),
 * BENCH_REDIS_URL, BENCH_KEEP_LOGS=1, BENCH_CLIENTS_PER_PROCESS (test 2's clients per child process, default 1000).
 */
export interface BenchSettings {
  scale: number;
  adminDatabaseUrl: string;
  redisUrl: string;
  keepLogs: boolean;
  /** Open tasks in the data set. */
  tasks: number;
  /** Tasks of the burst that fall due within `windowMs` (test 1). */
  burst: number;
  women: number;
  /** Test 2 runs once per entry: this many clients, half on each gateway (1,000 and 5,000 at full size). */
  fanoutClientCounts: number[];
  /** Test 2's clients are spread over child processes of at most this many clients each (BENCH_CLIENTS_PER_PROCESS). */
  clientsPerProcess: number;
  /** Task status changes sent through the API (test 2). */
  changes: number;
  /** The burst starts this long after the worker is started... */
  leadMs: number;
  /** ...and falls due evenly over this window (same rate at every scale). */
  windowMs: number;
  /** Tasks whose due time passes while the worker is down and Redis is empty (test 3). */
  lossWindow: number;
  /** The Resettle worker's default; the bare worker uses the same. */
  concurrency: number;
  /** Whole run, whatever happens. */
  hardLimitMs: number;
}

export function readBenchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const scale = Number(env.BENCH_SCALE ?? '1');
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1) {
    throw new Error('BENCH_SCALE must be a number in (0, 1], e.g. 0.1 for a quick run');
  }
  const leadMs = env.BENCH_LEAD_MS === undefined ? undefined : Number(env.BENCH_LEAD_MS);
  if (leadMs !== undefined && !(Number.isInteger(leadMs) && leadMs >= 10_000)) {
    throw new Error('BENCH_LEAD_MS must be a whole number of milliseconds, at least 10000');
  }
  const clientsPerProcess = Number(env.BENCH_CLIENTS_PER_PROCESS ?? '1000');
  if (!(Number.isInteger(clientsPerProcess) && clientsPerProcess >= 1)) {
    throw new Error('BENCH_CLIENTS_PER_PROCESS must be a whole number, at least 1');
  }
  return {
    scale,
    adminDatabaseUrl: env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    keepLogs: env.BENCH_KEEP_LOGS === '1',
    tasks: Math.round(100_000 * scale),
    burst: Math.round(10_000 * scale),
    women: Math.max(12, Math.round(10_000 * scale)),
    fanoutClientCounts: [1000, 5000].map((n) => Math.max(10, Math.round(n * scale))),
    clientsPerProcess,
    changes: 20,
    leadMs: leadMs ?? Math.max(30_000, Math.round(90_000 * scale)),
    windowMs: Math.max(3000, Math.round(60_000 * scale)),
    lossWindow: Math.max(10, Math.round(1000 * scale)),
    concurrency: Number(env.DEADLINE_CONCURRENCY ?? '500'),
    hardLimitMs: 15 * 60 * 1000,
  };
}

export const OPEN_STATUSES = ['TODO', 'IN_PROGRESS', 'BLOCKED'];
