#!/usr/bin/env node
/**
 * Report benchmark (`npm run bench:reports`, after `npm run build`). Times every governor report over the
 * built API, at two scopes: one prison (its governor) and the whole estate (an admin), on a national data set
 * made by `npm run seed -- --national`. Each report runs REPORTS_BENCH_RUNS times (default 20) after two
 * warm-up runs; it prints p50 and p95 against the targets (one prison < 200 ms p95, estate < 2 s p95).
 *
 * Bare library: the same rows read by a plain pg query (a count over the tables and the scope the report
 * reads), timed the same way in the same run, so the ratio shows what the report adds over reading its rows.
 *
 * REPORTS_BENCH_DATABASE_URL: the national database (default postgres://postgres@127.0.0.1:5432/resettle_national).
 * It is read, never changed, except for two bench users it adds and removes and the audit rows reports write.
 */
'use strict';

const crypto = require('node:crypto');
const net = require('node:net');
const os = require('node:os');
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { Children } = require('./lib/children');
const { summarise, ms, ratio, markdownTable } = require('./lib/stats');
const storage = require('./lib/storage');

const ROOT = path.resolve(__dirname, '..');
const DATABASE_URL = process.env.REPORTS_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/resettle_national';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const RUNS = Number(process.env.REPORTS_BENCH_RUNS ?? '20');
const WARM_UP = 2;
const TARGET_MS = { prison: 200, estate: 2000 };

const runId = crypto.randomBytes(5).toString('hex');
const PREFIX = `resettle-bench-${runId}`;
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), `resettle-reports-bench-${runId}-`));
const children = new Children(logDir);
const startedAt = Date.now();
const log = (message) =>
  console.log(`[reports ${((Date.now() - startedAt) / 1000).toFixed(1).padStart(6)} s] ${message}`);

const OPEN = `('TODO', 'IN_PROGRESS', 'BLOCKED')`;
const PERIOD = `now() - interval '90 days'`;
const accountable = `(CASE WHEN w.prison_code = 'OUT' THEN w.released_from_prison_code ELSE w.prison_code END)`;

/**
 * Each report, its route, and the bare query: the rows it reads, counted by plain pg. `$1` is the prison
 * list (null for the estate).
 */
const REPORTS = [
  {
    name: 'Overdue work',
    route: '/reports/overdue-work',
    bare: `SELECT count(*) FROM tasks t JOIN women w ON w.id = t.woman_id
           WHERE t.status IN ${OPEN} AND t.at_risk_at <= now() AND ($1::text[] IS NULL OR ${accountable} = ANY($1))`,
  },
  {
    name: 'Overdue trend (12 weeks)',
    route: '/reports/overdue-trend',
    bare: `SELECT count(*) FROM overdue_snapshots
           WHERE taken_at > now() - interval '85 days' AND ($1::text[] IS NULL OR prison_code = ANY($1))`,
  },
  {
    name: 'Release readiness (14 days)',
    route: '/reports/release-readiness',
    bare: `SELECT count(*) FROM women w LEFT JOIN tasks t ON t.woman_id = w.id AND t.release_critical AND t.status IN ${OPEN}
           WHERE w.prison_code <> 'OUT' AND w.release_date BETWEEN current_date AND current_date + 14
             AND ($1::text[] IS NULL OR w.prison_code = ANY($1))`,
  },
  {
    name: 'Provider accountability (90 days)',
    route: '/reports/provider-accountability',
    bare: `SELECT count(*) FROM referrals r JOIN women w ON w.id = r.woman_id
           JOIN referral_status_changes c ON c.referral_id = r.id
           WHERE r.first_sent_at >= ${PERIOD} AND ($1::text[] IS NULL OR ${accountable} = ANY($1))`,
  },
  {
    name: 'Referral timeliness (90 days)',
    route: '/reports/referral-timeliness',
    bare: `SELECT count(*) FROM referrals r JOIN women w ON w.id = r.woman_id
           WHERE r.first_sent_at >= ${PERIOD} AND ($1::text[] IS NULL OR ${accountable} = ANY($1))`,
  },
  {
    name: 'Accommodation outcomes (90 days)',
    route: '/reports/accommodation-outcomes',
    bare: `SELECT count(*) FROM releases rel LEFT JOIN accommodation_outcomes o ON o.release_id = rel.id
           WHERE rel.released_on >= current_date - 90 AND ($1::text[] IS NULL OR rel.prison_code = ANY($1))`,
  },
  {
    name: 'Alerts (90 days)',
    route: '/reports/alerts',
    bare: `SELECT count(*) FROM alerts a JOIN women w ON w.id = a.woman_id JOIN tasks t ON t.id = a.task_id
           WHERE a.created_at >= ${PERIOD} AND ($1::text[] IS NULL OR ${accountable} = ANY($1))`,
  },
];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function until(what, timeoutMs, check) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

async function signIn(port, username, password) {
  const res = await fetch(`http://127.0.0.1:${port}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  return (await res.json()).accessToken;
}

async function timeRoute(port, token, route) {
  const samples = [];
  for (let i = 0; i < WARM_UP + RUNS; i += 1) {
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}${route}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.text();
    const took = performance.now() - started;
    if (res.status !== 200) throw new Error(`${route}: ${res.status} ${body.slice(0, 300)}`);
    if (i >= WARM_UP) samples.push(took);
  }
  return summarise(samples);
}

async function timeBare(db, sql, prisons) {
  const samples = [];
  for (let i = 0; i < WARM_UP + RUNS; i += 1) {
    const started = performance.now();
    await db.query(sql, [prisons]);
    if (i >= WARM_UP) samples.push(performance.now() - started);
  }
  return summarise(samples);
}

async function main() {
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  const users = [];
  try {
    const { rows: sizes } = await db.query(
      `SELECT (SELECT count(*) FROM women WHERE prison_code <> 'OUT')::int AS in_custody,
              (SELECT count(*) FROM women)::int AS people, (SELECT count(*) FROM tasks)::int AS tasks,
              (SELECT count(*) FROM referrals)::int AS referrals, (SELECT count(*) FROM alerts)::int AS alerts,
              (SELECT count(*) FROM prisons)::int AS prisons`,
    );
    const size = sizes[0];
    if (size.tasks < 100_000) {
      throw new Error(
        `${DATABASE_URL} holds ${size.tasks} tasks: load the national data set first ` +
          '(DATABASE_URL=<that url> npm run seed -- --national)',
      );
    }
    log(`data set: ${JSON.stringify(size)}`);
    // The governor of the women's prison with the most people in custody.
    const { rows: biggest } = await db.query(
      `SELECT prison_code, count(*)::int AS n FROM women WHERE prison_code IN (SELECT code FROM prisons WHERE name NOT LIKE 'Synthetic%')
       GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    );
    const prison = biggest[0].prison_code;
    const password = crypto.randomBytes(12).toString('hex');
    users.push(
      await storage.insertUser(db, { username: `bench-admin-${runId}`, password, role: 'ADMIN', prisonCodes: [] }),
    );
    users.push(
      await storage.insertUser(db, {
        username: `bench-governor-${runId}`,
        password,
        role: 'GOVERNOR',
        prisonCodes: [prison],
      }),
    );

    const port = await freePort();
    const env = {
      DATABASE_URL,
      REDIS_URL,
      REDIS_PREFIX: PREFIX,
      JWT_SECRET: crypto.randomBytes(32).toString('hex'),
      API_PORT: String(port),
      LOG_LEVEL: 'warn',
    };
    const apiHandle = children.start('api', path.join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js'), [], env);
    await until('the API', 60_000, async () => {
      if (apiHandle.exited) throw new Error(`api exited: ${JSON.stringify(apiHandle.exited)}`);
      try {
        return (await fetch(`http://127.0.0.1:${port}/health/ready`)).ok;
      } catch {
        return false;
      }
    });
    const governorToken = await signIn(port, `bench-governor-${runId}`, password);
    const adminToken = await signIn(port, `bench-admin-${runId}`, password);

    const lines = [];
    let met = 0;
    for (const report of REPORTS) {
      for (const scope of ['prison', 'estate']) {
        const token = scope === 'prison' ? governorToken : adminToken;
        const resettle = await timeRoute(port, token, report.route);
        const bare = await timeBare(db, report.bare, scope === 'prison' ? [prison] : null);
        const ok = resettle.p95 < TARGET_MS[scope];
        if (ok) met += 1;
        log(`${report.name}, ${scope}: p50 ${ms(resettle.p50)}, p95 ${ms(resettle.p95)} (bare pg p95 ${ms(bare.p95)})`);
        lines.push([
          report.name,
          scope === 'prison' ? `one prison (${prison})` : 'whole estate',
          ms(resettle.p50),
          ms(resettle.p95),
          `< ${ms(TARGET_MS[scope])}: ${ok ? 'met' : 'MISSED'}`,
          ms(bare.p95),
          ratio(resettle.p95, bare.p95),
        ]);
      }
    }
    console.log(
      `\nReports over HTTP, ${RUNS} runs each after ${WARM_UP} warm-up (${os.cpus().length} cores); data set: ` +
        `${size.in_custody} in custody, ${size.people} people, ${size.tasks} tasks, ${size.referrals} referrals, ` +
        `${size.alerts} alerts, ${size.prisons} prisons\n`,
    );
    console.log(markdownTable(['report', 'scope', 'p50', 'p95', 'target (p95)', 'bare pg p95', 'ratio (p95)'], lines));
    console.log(`\n${met} of ${lines.length} figures met their target.`);
  } finally {
    await children.stopAll();
    if (users.length > 0) {
      await db.query(`DELETE FROM users WHERE id = ANY($1)`, [users]).catch(() => undefined);
    }
    await db.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
