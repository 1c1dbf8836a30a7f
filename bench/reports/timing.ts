/** Timing one report: its route over HTTP, and its bare query with the prison list (null: the estate). */
import { Client } from 'pg';
import { Summary } from '../lib/stats';
import { Repetitions, timeQueries } from '../lib/timing';

export type { Repetitions } from '../lib/timing';
export { timeRoute } from '../lib/timing';

export function timeBare(db: Client, sql: string, prisons: string[] | null, times: Repetitions): Promise<Summary> {
  return timeQueries(db, [{ sql, params: [prisons] }], times);
}
