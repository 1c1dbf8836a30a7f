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
  burstCount: number;
  now: number;
}

/**
 * Women spread over the 12 prisons and `taskCount` open pre-release team tasks. The first `burstCount`
 * tasks (template_key 'bench-burst') get their due times later (setBurstDeadlines); the rest fall due
 * between 2 days + 1 hour and 30 days from now, at risk 2 days before, so no threshold passes during
 * the run and none fires at worker start.
 */
export async function loadDataset(db: Client, { womenCount, taskCount, burstCount, now }: DatasetSize): Promise<void> {
  await db.query(
    `INSERT INTO women (prison_number, first_name, last_name, date_of_birth, prison_code, custody_status,
                        reception_date, release_date, release_area_code, complexity, version)
     SELECT 'B' || lpad(g::text, 6, '0'), 'Bench', 'Woman ' || g, DATE '1990-01-01',
            ($2::text[])[1 + g % 12], 'SENTENCED', CURRENT_DATE - 100, CURRENT_DATE + 60, 'LONDON', 'LOW', 1
       FROM generate_series(0, $1 - 1) AS g`,
    [womenCount, PRISONS],
  );
  const from = now + 2 * DAY_MS + 60 * 60 * 1000;
  const to = now + 30 * DAY_MS;
  await db.query(
    `WITH w AS (SELECT id, (substr(prison_number, 2))::int AS n FROM women WHERE prison_number LIKE 'B%'),
          t AS (SELECT g, to_timestamp(($4::float8 + ($5::float8 - $4::float8) * ((g * 7919) % $1)::float8 / $1) / 1000) AS due
                  FROM generate_series(0, $1 - 1) AS g)
     INSERT INTO tasks (woman_id, pathway, template_key, title, description, owner_role, status,
                        due_date, due_at, at_risk_at, escalation_ats, deadline_revision, version)
     SELECT w.id, 'ACCOMMODATION', CASE WHEN t.g < $3 THEN 'bench-burst' ELSE 'bench' END,
            'Bench task ' || t.g, 'A benchmark task', 'PRE_RELEASE_TEAM', 'TODO',
            t.due::date, t.due, t.due - interval '2 days', '{}', 0, 1
       FROM t JOIN w ON w.n = t.g % $2`,
    [taskCount, womenCount, burstCount, from, to],
  );
  await db.query('ANALYZE women; ANALYZE tasks');
}

/**
 * The burst: tasks falling due evenly over [firstDueMs, firstDueMs + windowMs), with at_risk_at = due_at so
 * that each has only an OVERDUE threshold. Returns their ids.
 */
export async function setBurstDeadlines(db: Client, firstDueMs: number, windowMs: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `WITH b AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS n
                  FROM tasks WHERE template_key = 'bench-burst')
     UPDATE tasks t SET due_at = to_timestamp(($1::float8 + $2::float8 * b.i / b.n) / 1000),
                        at_risk_at = to_timestamp(($1::float8 + $2::float8 * b.i / b.n) / 1000),
                        due_date = CURRENT_DATE
       FROM b WHERE t.id = b.id
     RETURNING t.id`,
    [firstDueMs, windowMs],
  );
  return rows.map((r) => r.id);
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
