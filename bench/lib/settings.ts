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
  /** Open tasks in the data set (their thresholds at 17:00 London on working days, as the domain sets them). */
  tasks: number;
  women: number;
  /** The 17:00 burst (test 1): this many tasks fall due at one instant... */
  burstDue: number;
  /** ...and this many other tasks reach their at-risk point at the same instant. */
  burstAtRisk: number;
  /** The spread (test 1b): tasks falling due evenly over `spreadWindowMs`, starting `spreadAfterMs` after the burst. */
  spread: number;
  spreadWindowMs: number;
  spreadAfterMs: number;
  /** Test 2 runs once per entry: this many clients, half on each gateway (1,000 and 5,000 at full size). */
  fanoutClientCounts: number[];
  /** Test 2's clients are spread over child processes of at most this many clients each (BENCH_CLIENTS_PER_PROCESS). */
  clientsPerProcess: number;
  /** Task status changes sent through the API (test 2). */
  changes: number;
  /** The burst falls due this long after the worker is started. */
  leadMs: number;
  /** Tasks whose due time passes while the worker is down and Redis is empty (test 3). */
  lossWindow: number;
  /** The Resettle worker's default; the bare worker uses the same. */
  concurrency: number;
  /** PREPARE_MIN_THRESHOLDS: an instant with this many thresholds also gets a prepare job (test 3's bare side too). */
  prepareMinThresholds: number;
  /** Whole run, whatever happens. */
  hardLimitMs: number;
}

/** The targets of issue 15; the run exits non-zero when one is missed. */
export const TARGETS = {
  /** Every alert of the burst on the clients, p99 threshold -> client. */
  burstP99Ms: 1000,
  /** Worker start -> horizon back after Redis loss. */
  rebuildMs: 60_000,
  /** The rebuild's own work against the bare libraries doing the same (a pg query, BullMQ addBulk). */
  rebuildRatio: 1.3,
} as const;

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
    tasks: Math.round(1_000_000 * scale),
    women: Math.max(12, Math.round(50_000 * scale)),
    burstDue: Math.max(1, Math.round(10_000 * scale)),
    burstAtRisk: Math.max(1, Math.round(10_000 * scale)),
    spread: Math.max(1, Math.round(10_000 * scale)),
    spreadWindowMs: Math.max(3000, Math.round(60_000 * scale)),
    spreadAfterMs: 20_000,
    fanoutClientCounts: [1000, 5000].map((n) => Math.max(10, Math.round(n * scale))),
    clientsPerProcess,
    changes: 20,
    leadMs: leadMs ?? Math.max(30_000, Math.round(90_000 * scale)),
    lossWindow: Math.max(10, Math.round(1000 * scale)),
    concurrency: Number(env.DEADLINE_CONCURRENCY ?? '500'),
    // The worker's default, as for the concurrency: instants with this many thresholds get a prepare job.
    prepareMinThresholds: Number(env.PREPARE_MIN_THRESHOLDS ?? '500'),
    hardLimitMs: 25 * 60 * 1000,
  };
}

export const OPEN_STATUSES = ['TODO', 'IN_PROGRESS', 'BLOCKED'];
