/**
 * Report benchmark (`npm run bench:reports`, after `npm run build`). Times every governor report over the
 * built API, at two scopes: one prison (its governor) and the whole estate (an admin), on a national data set
 * made by `npm run seed -- --national`. Each report runs REPORTS_BENCH_RUNS times (default 20) after two
 * warm-up runs; it prints p50 and p95 against the targets (one prison < 200 ms p95, estate < 2 s p95).
 *
 * Bare library: the same rows read by a plain pg query (bench/reports/queries.ts), timed the same way in the same
 * run, so the ratio shows what the report adds over reading its rows.
 *
 * REPORTS_BENCH_DATABASE_URL: the national database (default postgres://postgres@127.0.0.1:5432/resettle_national).
 * It is read, never changed, except for two bench users it adds and removes and the audit rows reports write.
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { Client } from 'pg';
import { freePort } from '../scripts/supervisor';
import { BenchRun, benchApiEnv } from './lib/bench-run';
import { signIn } from './lib/http';
import { markdownTable, ms, ratio, Row } from './lib/stats';
import { insertUser } from './lib/storage';
import { DataSetSize, largestWomensPrison, measureDataSet } from './reports/data-set';
import { REPORTS } from './reports/queries';
import { Repetitions, timeBare, timeRoute } from './reports/timing';

const DATABASE_URL = process.env.REPORTS_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/resettle_national';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TIMES: Repetitions = { warmUp: 2, runs: Number(process.env.REPORTS_BENCH_RUNS ?? '20') };
const TARGET_MS = { prison: 200, estate: 2000 };
const HARD_LIMIT_MS = 30 * 60 * 1000;

type Scope = keyof typeof TARGET_MS;

interface Session {
  port: number;
  prison: string;
  tokens: Record<Scope, string>;
}

async function main(run: BenchRun): Promise<void> {
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  run.onCleanup('close the database connection', () => db.end());
  const size = await measureDataSet(db, DATABASE_URL);
  run.log(`data set: ${JSON.stringify(size)}`);
  const session = await startApiWithUsers(run, db);
  const rows: Row[] = [];
  for (const report of REPORTS) {
    for (const scope of ['prison', 'estate'] as const) {
      const resettle = await timeRoute(session.port, session.tokens[scope], report.route, TIMES);
      const bare = await timeBare(db, report.bare, scope === 'prison' ? [session.prison] : null, TIMES);
      const met = resettle.p95 < TARGET_MS[scope];
      run.log(
        `${report.name}, ${scope}: p50 ${ms(resettle.p50)}, p95 ${ms(resettle.p95)} (bare pg p95 ${ms(bare.p95)})`,
      );
      const where = scope === 'prison' ? `one prison (${session.prison})` : 'whole estate';
      const target = `< ${ms(TARGET_MS[scope])}: ${met ? 'met' : 'MISSED'}`;
      rows.push([
        report.name,
        where,
        ms(resettle.p50),
        ms(resettle.p95),
        target,
        ms(bare.p95),
        ratio(resettle.p95, bare.p95),
      ]);
    }
  }
  printTable(size, rows);
}

/** A bench admin and the governor of the largest women's prison (removed at clean-up), signed in to a fresh API. */
async function startApiWithUsers(run: BenchRun, db: Client): Promise<Session> {
  const prison = await largestWomensPrison(db);
  const password = randomBytes(12).toString('hex');
  const admin = `bench-admin-${run.runId}`;
  const governor = `bench-governor-${run.runId}`;
  const users = [
    await insertUser(db, { username: admin, password, role: 'ADMIN', prisonCodes: [] }),
    await insertUser(db, { username: governor, password, role: 'GOVERNOR', prisonCodes: [prison] }),
  ];
  run.onCleanup('remove the bench users', () => db.query(`DELETE FROM users WHERE id = ANY($1)`, [users]));
  const port = await freePort();
  await run.startApp('api', 'api', port, benchApiEnv(run, DATABASE_URL, REDIS_URL, port));
  const tokens = { prison: await signIn(port, governor, password), estate: await signIn(port, admin, password) };
  return { port, prison, tokens };
}

function printTable(size: DataSetSize, rows: Row[]): void {
  console.log(
    `\nReports over HTTP, ${TIMES.runs} runs each after ${TIMES.warmUp} warm-up (${cpus().length} cores); data set: ` +
      `${size.in_custody} in custody, ${size.people} people, ${size.tasks} tasks, ${size.referrals} referrals, ` +
      `${size.alerts} alerts, ${size.prisons} prisons\n`,
  );
  console.log(markdownTable(['report', 'scope', 'p50', 'p95', 'target (p95)', 'bare pg p95', 'ratio (p95)'], rows));
  const met = rows.filter((r) => String(r[4]).endsWith('met')).length;
  console.log(`\n${met} of ${rows.length} figures met their target.`);
}

const run = new BenchRun('reports-bench', REDIS_URL);
void run.execute(() => main(run), HARD_LIMIT_MS);
