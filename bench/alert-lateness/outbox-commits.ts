/**
 * For the breakdown of alert lateness only: LISTENs on the outbox channel the relay wakes on, and on each
 * notification (sent at commit) notes the time and the highest outbox id then visible. An event's commit time is
 * then the first notification that covers its sequence number (approximate: a later commit may already be visible).
 */
import { Client } from 'pg';

export interface OutboxCommits {
  /** When the outbox event `seq` was first seen committed, or undefined. */
  commitTimeOf(seq: number): number | undefined;
  close(): Promise<void>;
}

/** [time, highest outbox id visible then], in time order. */
type Mark = [number, number];

export async function watchOutboxCommits(databaseUrl: string): Promise<OutboxCommits> {
  const listener = new Client({ connectionString: databaseUrl });
  await listener.connect();
  const marks: Mark[] = [];
  let busy = false;
  let again = false;
  const look = async (): Promise<void> => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    const at = Date.now();
    try {
      const { rows } = await listener.query<{ id: string }>(
        'SELECT coalesce(max(id), 0)::text AS id FROM outbox_events',
      );
      marks.push([at, Number(rows[0].id)]);
    } catch {
      // the listener is closing
    }
    busy = false;
    if (again) {
      again = false;
      void look();
    }
  };
  listener.on('notification', () => void look());
  listener.on('error', () => undefined);
  await listener.query('LISTEN resettle_outbox');
  return {
    commitTimeOf: (seq) => firstMarkCovering(marks, seq),
    close: () => listener.end().catch(() => undefined),
  };
}

/** Binary search: the time of the first mark whose highest id is at least `seq`. */
export function firstMarkCovering(marks: readonly Mark[], seq: number): number | undefined {
  let lo = 0;
  let hi = marks.length - 1;
  let found: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid][1] >= seq) {
      found = marks[mid][0];
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}
