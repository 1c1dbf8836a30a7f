/**
 * Who and what the national benchmark looks at: the largest women's prison, the woman on its 12-week board with
 * the most tasks (her detail is the heaviest), the provider with the most referrals (the busiest caseworker
 * queue) and that provider's seeded caseworker holding the most tasks.
 */
import { Client } from 'pg';
import { largestWomensPrison } from '../reports/data-set';
import { Subjects } from './screens';

/** Today in London (the API's clock.today()), as YYYY-MM-DD. */
export function londonToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

async function one<T>(db: Client, what: string, sql: string, params: unknown[]): Promise<T> {
  const { rows } = await db.query<{ value: T }>(sql, params);
  if (rows.length === 0) throw new Error(`the national data set has no ${what}`);
  return rows[0].value;
}

export async function pickSubjects(db: Client): Promise<Subjects> {
  const prison = await largestWomensPrison(db);
  const today = londonToday();
  const womanId = await one<string>(
    db,
    `woman releasing within 12 weeks from ${prison}`,
    `SELECT w.id AS value FROM women w JOIN tasks t ON t.woman_id = w.id
      WHERE w.prison_code = $1 AND w.release_date BETWEEN $2::date AND $2::date + 84
      GROUP BY w.id ORDER BY count(*) DESC, w.id LIMIT 1`,
    [prison, today],
  );
  const providerId = await one<string>(
    db,
    'referral sent to a provider',
    `SELECT provider_id AS value FROM referrals WHERE status <> 'DRAFT'
      GROUP BY provider_id ORDER BY count(*) DESC, provider_id LIMIT 1`,
    [],
  );
  const caseworkerId = await one<string>(
    db,
    `caseworker of provider ${providerId}`,
    `SELECT u.id AS value FROM users u LEFT JOIN tasks t ON t.assignee_id = u.id
      WHERE u.role = 'CRS_CASEWORKER' AND u.provider_id = $1
      GROUP BY u.id ORDER BY count(t.id) DESC, u.id LIMIT 1`,
    [providerId],
  );
  const { rows } = await db.query<{ code: string }>('SELECT code FROM release_areas WHERE provider_id = $1', [
    providerId,
  ]);
  return { prison, today, womanId, providerId, providerAreas: rows.map((r) => r.code), caseworkerId };
}
