/**
 * The run's own PostgreSQL database and Redis key prefix: creates them, loads the benchmark dataset with
 * set-based SQL (generate_series, no per-row round trips), and removes both at the end. Only ever touches
 * the database it created and keys under the run's prefix (SCAN MATCH prefix*, never FLUSHALL).
 * Measures nothing itself.
 */
import bcrypt from 'bcryptjs';
import Redis from 'ioredis';
import { Client } from 'pg';

export const PRISONS = ['AGI', 'BZI', 'DHI', 'DWI', 'ESI', 'EWI', 'FHI', 'LNI', 'NHI', 'PFI', 'SDI', 'STI'];
export const DAY_MS = 24 * 60 * 60 * 1000;
const BENCH_DATABASE = /^resettle_bench_[a-z0-9]+$/;

export function databaseUrl(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  if (!BENCH_DATABASE.test(name)) throw new Error(`refusing to create database ${name}`);
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  if (!BENCH_DATABASE.test(name)) throw new Error(`refusing to drop database ${name}`);
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

export interface DatasetSize {
  womenCount: number;
  taskCount: number;
  burstDue: number;
  burstAtRisk: number;
  spread: number;
}

/** The tasks a scenario moves; the rest keep their working-day deadlines. */
export const SCENARIO_TEMPLATES = {
  burstDue: 'bench-burst-due',
  burstAtRisk: 'bench-burst-risk',
  spread: 'bench-spread',
} as const;

/** A threshold the run expects to see raised: which task, which kind of alert. */
export interface ExpectedAlert {
  taskId: string;
  kind: 'AT_RISK' | 'OVERDUE';
}

/**
 * Women spread over the 12 prisons and `taskCount` open pre-release team tasks with the real shape of their
 * deadlines: due at 17:00 London on a working day (libs/domain's endOfWorkingDay), from 3 to 30 days ahead, at risk
 * two working days before, the escalation ladder two and five working days after (bank holidays are not skipped
 * here). So no threshold of these passes during a run, and a week of them is a handful of instants. The first
 * tasks are set aside for the scenarios (SCENARIO_TEMPLATES), which move their deadlines later.
 */
export async function loadDataset(
  db: Client,
  { womenCount, taskCount, burstDue, burstAtRisk, spread }: DatasetSize,
): Promise<void> {
  await db.query(
    `INSERT INTO women (prison_number, first_name, last_name, date_of_birth, prison_code, custody_status,
                        reception_date, release_date, release_area_code, complexity, version)
     SELECT 'B' || lpad(g::text, 6, '0'), 'Bench', 'Woman ' || g, DATE '1990-01-01',
            ($2::text[])[1 + g % 12], 'SENTENCED', CURRENT_DATE - 100, CURRENT_DATE + 60, 'LONDON', 'LOW', 1
       FROM generate_series(0, $1 - 1) AS g`,
    [womenCount, PRISONS],
  );
  await db.query(
    `WITH days AS (SELECT d::date AS day, (row_number() OVER (ORDER BY d) - 1)::int AS i
                     FROM generate_series(CURRENT_DATE + 3, CURRENT_DATE + 30, interval '1 day') AS d
                    WHERE extract(isodow FROM d) < 6),
          w AS (SELECT id, (substr(prison_number, 2))::int AS n FROM women WHERE prison_number LIKE 'B%'),
          t AS (SELECT g, days.day, extract(isodow FROM days.day)::int AS dow
                  FROM generate_series(0, $1 - 1) AS g
                  JOIN days ON days.i = (g::bigint * 7919) % (SELECT count(*) FROM days))
     INSERT INTO tasks (woman_id, pathway, template_key, title, description, owner_role, status,
                        due_date, due_at, at_risk_at, escalation_ats, deadline_revision, version)
     SELECT w.id, 'ACCOMMODATION',
            CASE WHEN t.g < $3 THEN $6
                 WHEN t.g < $3 + $4 THEN $7
                 WHEN t.g < $3 + $4 + $5 THEN $8
                 ELSE 'bench' END,
            'Bench task ' || t.g, 'A benchmark task', 'PRE_RELEASE_TEAM', 'TODO',
            t.day,
            (t.day + time '17:00') AT TIME ZONE 'Europe/London',
            ((t.day - CASE WHEN t.dow IN (1, 2) THEN 4 ELSE 2 END) + time '17:00') AT TIME ZONE 'Europe/London',
            ARRAY[((t.day + CASE WHEN t.dow IN (4, 5) THEN 4 ELSE 2 END) + time '17:00') AT TIME ZONE 'Europe/London',
                  ((t.day + 7) + time '17:00') AT TIME ZONE 'Europe/London'],
            0, 1
       FROM t JOIN w ON w.n = t.g % $2`,
    [
      taskCount,
      womenCount,
      burstDue,
      burstAtRisk,
      spread,
      SCENARIO_TEMPLATES.burstDue,
      SCENARIO_TEMPLATES.burstAtRisk,
      SCENARIO_TEMPLATES.spread,
    ],
  );
  await db.query('ANALYZE women; ANALYZE tasks');
}

const AT_MS = `timestamptz 'epoch' + $1::bigint * interval '1 millisecond'`;

/**
 * The 17:00 burst at `atMs`: the burst-due tasks fall due then (their at-risk point with it, so each has one
 * OVERDUE threshold), and the burst-at-risk tasks reach their at-risk point then (due two days later). Their
 * ladders move with them, days after the run. Returns what the run should see raised.
 */
export async function setBurstDeadlines(db: Client, atMs: number): Promise<ExpectedAlert[]> {
  const { rows } = await db.query<{ id: string; kind: ExpectedAlert['kind'] }>(
    `UPDATE tasks SET
       due_at = CASE WHEN template_key = $2 THEN ${AT_MS} ELSE ${AT_MS} + interval '2 days' END,
       at_risk_at = ${AT_MS},
       escalation_ats = ARRAY[${AT_MS} + interval '4 days', ${AT_MS} + interval '7 days'],
       due_date = CURRENT_DATE
     WHERE template_key IN ($2, $3)
     RETURNING id, CASE WHEN template_key = $2 THEN 'OVERDUE' ELSE 'AT_RISK' END AS kind`,
    [atMs, SCENARIO_TEMPLATES.burstDue, SCENARIO_TEMPLATES.burstAtRisk],
  );
  return rows.map((r) => ({ taskId: r.id, kind: r.kind }));
}

/**
 * The spread (the kind shape the benchmark used before issue 15): the spread tasks fall due evenly over
 * [firstDueMs, firstDueMs + windowMs), each at an instant of its own, with at_risk_at = due_at. Returns them.
 */
export async function setSpreadDeadlines(db: Client, firstDueMs: number, windowMs: number): Promise<ExpectedAlert[]> {
  const { rows } = await db.query<{ id: string }>(
    `WITH b AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS n
                  FROM tasks WHERE template_key = $3)
     UPDATE tasks t SET due_at = timestamptz 'epoch' + ($1::bigint + floor($2::float8 * b.i / b.n)::bigint) * interval '1 millisecond',
                        at_risk_at = timestamptz 'epoch' + ($1::bigint + floor($2::float8 * b.i / b.n)::bigint) * interval '1 millisecond',
                        escalation_ats = '{}',
                        due_date = CURRENT_DATE
       FROM b WHERE t.id = b.id
     RETURNING t.id`,
    [firstDueMs, windowMs, SCENARIO_TEMPLATES.spread],
  );
  return rows.map((r) => ({ taskId: r.id, kind: 'OVERDUE' }));
}

export interface BenchUser {
  username: string;
  password: string;
  role: string;
  prisonCodes: string[];
  /** A CRS caseworker's provider. */
  providerId?: string;
}

export async function insertUser(
  db: Client,
  { username, password, role, prisonCodes, providerId }: BenchUser,
): Promise<string> {
  const hash = await bcrypt.hash(password, 10);
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (username, display_name, password_hash, role, prison_codes, provider_id)
     VALUES ($1, $1, $2, $3, $4, $5) RETURNING id`,
    [username, hash, role, prisonCodes, providerId ?? null],
  );
  return rows[0].id;
}

/** Deletes every key matching `pattern` (SCAN, bounded), returns how many. */
export async function deleteKeys(redisUrl: string, pattern: string): Promise<number> {
  if (!/^resettle-bench-[a-z0-9]+/.test(pattern)) throw new Error(`refusing to delete keys matching ${pattern}`);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3, lazyConnect: true });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    for (let round = 0; round < 1_000_000; round += 1) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 5000);
      for (let i = 0; i < keys.length; i += 500) deleted += await redis.unlink(...keys.slice(i, i + 500));
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    redis.disconnect();
  }
  return deleted;
}
