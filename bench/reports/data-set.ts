/** The national data set the report benchmark reads: its size (refusing a database too small) and its largest prison. */
import { Client } from 'pg';

export interface DataSetSize {
  in_custody: number;
  people: number;
  tasks: number;
  referrals: number;
  alerts: number;
  prisons: number;
}

export async function measureDataSet(db: Client, databaseUrl: string): Promise<DataSetSize> {
  const { rows } = await db.query<DataSetSize>(
    `SELECT (SELECT count(*) FROM women WHERE prison_code <> 'OUT')::int AS in_custody,
            (SELECT count(*) FROM women)::int AS people, (SELECT count(*) FROM tasks)::int AS tasks,
            (SELECT count(*) FROM referrals)::int AS referrals, (SELECT count(*) FROM alerts)::int AS alerts,
            (SELECT count(*) FROM prisons)::int AS prisons`,
  );
  if (rows[0].tasks < 100_000) {
    throw new Error(
      `${databaseUrl} holds ${rows[0].tasks} tasks: load the national data set first ` +
        '(DATABASE_URL=<that url> npm run seed -- --national)',
    );
  }
  return rows[0];
}

/** The women's prison (not a synthetic one) with the most people in custody: its governor is the prison scope. */
export async function largestWomensPrison(db: Client): Promise<string> {
  const { rows } = await db.query<{ prison_code: string }>(
    `SELECT prison_code, count(*)::int AS n FROM women
      WHERE prison_code IN (SELECT code FROM prisons WHERE name NOT LIKE 'Synthetic%')
      GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
  );
  return rows[0].prison_code;
}
