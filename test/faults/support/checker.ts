/**
 * The checker every case ends with. Deliveries: for each client, the outbox (the source of truth) lists every
 * event of the rooms it followed since its page was loaded; each must have been applied exactly once (live or
 * replayed), and what came live on one connection must have come in sequence order. Alerts: every threshold that
 * has passed for the case's tasks must have exactly one row in the alerts table, and no other row may exist.
 */
import { BoardFollower } from './followers';
import { FaultDb } from './fixtures';

export interface Tally {
  checked: number;
  lost: number;
  doubled: number;
  outOfOrder: number;
  /** Examples, to explain a failure. */
  details: string[];
}

export async function expectedSeqs(db: FaultDb, rooms: string[], after: number, upTo: number): Promise<number[]> {
  const rows = await db.query<{ id: string }>(
    'SELECT id::text AS id FROM outbox_events WHERE id > $1 AND id <= $2 AND rooms && $3::text[] ORDER BY id',
    [after, upTo, rooms],
  );
  return rows.map((r) => Number(r.id));
}

/** Polls until every follower has applied every expected sequence; returns whether they did in time. */
export async function allApplied(followers: BoardFollower[], expected: number[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const done = () => followers.every((f) => expected.every((seq) => f.has(seq)));
  while (Date.now() < deadline) {
    if (done()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return done();
}

export function tallyDeliveries(followers: BoardFollower[], expected: number[]): Tally {
  const tally: Tally = { checked: 0, lost: 0, doubled: 0, outOfOrder: 0, details: [] };
  const wanted = new Set(expected);
  followers.forEach((follower, index) => {
    tally.checked += expected.length;
    const applied = new Map<number, number>();
    for (const seq of follower.applied) applied.set(seq, (applied.get(seq) ?? 0) + 1);
    const live = new Map<string, number>();
    const lastLive = new Map<number, number>();
    for (const d of follower.deliveries) {
      if (!d.live || !wanted.has(d.seq)) continue;
      const key = `${d.connection}:${d.seq}`;
      live.set(key, (live.get(key) ?? 0) + 1);
      if ((lastLive.get(d.connection) ?? 0) >= d.seq) {
        tally.outOfOrder += 1;
        note(tally, `client ${index}: live ${d.seq} after ${lastLive.get(d.connection)} on connection ${d.connection}`);
      }
      lastLive.set(d.connection, Math.max(lastLive.get(d.connection) ?? 0, d.seq));
    }
    for (const seq of expected) {
      const times = applied.get(seq) ?? 0;
      if (times === 0) {
        tally.lost += 1;
        note(
          tally,
          `client ${index}: ${seq} never applied (${follower.reloads} reloads, ${follower.connections} connections)`,
        );
      } else if (times > 1) {
        tally.doubled += 1;
        note(tally, `client ${index}: ${seq} applied ${times} times`);
      }
    }
    // A sequence sent live twice on one connection was published (or fanned out) twice.
    for (const [key, times] of live) {
      if (times > 1) {
        tally.doubled += 1;
        note(tally, `client ${index}: live ${key} delivered ${times} times`);
      }
    }
  });
  return tally;
}

function note(tally: Tally, detail: string): void {
  if (tally.details.length < 10) tally.details.push(detail);
}

export interface AlertTally {
  expected: number;
  lost: number;
  doubled: number;
  /** Alert rows for a threshold that has not passed or no longer applies. */
  unexpected: number;
}

/** The thresholds of these tasks that passed by `now` (the reconciler's rule), against the alerts table. */
export async function tallyAlerts(db: FaultDb, taskIds: string[], now: Date): Promise<AlertTally> {
  const rows = await db.query<{ kind: string; n: string; expected: boolean }>(
    `WITH t AS (SELECT id, at_risk_at, due_at, escalation_ats, deadline_revision FROM tasks WHERE id = ANY($1::uuid[])),
          th AS (
            SELECT id AS task_id, 'AT_RISK' AS kind, 0 AS level, deadline_revision FROM t
             WHERE at_risk_at <= $2 AND at_risk_at < due_at AND due_at > $2
            UNION ALL SELECT id, 'OVERDUE', 0, deadline_revision FROM t WHERE due_at <= $2
            UNION ALL SELECT t.id, 'ESCALATED', e.level::int, t.deadline_revision
              FROM t CROSS JOIN LATERAL unnest(t.escalation_ats) WITH ORDINALITY AS e(at, level) WHERE e.at <= $2),
          a AS (SELECT task_id, kind::text AS kind, level, deadline_revision, count(*) AS n FROM alerts
                 WHERE task_id = ANY($1::uuid[]) GROUP BY 1, 2, 3, 4)
     SELECT coalesce(th.kind, a.kind) AS kind, coalesce(a.n, 0)::text AS n, th.task_id IS NOT NULL AS expected
       FROM th FULL JOIN a ON a.task_id = th.task_id AND a.kind = th.kind AND a.level = th.level
                           AND a.deadline_revision = th.deadline_revision`,
    [taskIds, now],
  );
  return {
    expected: rows.filter((r) => r.expected).length,
    lost: rows.filter((r) => r.expected && Number(r.n) === 0).length,
    doubled: rows.filter((r) => Number(r.n) > 1).length,
    unexpected: rows.filter((r) => !r.expected).length,
  };
}

/** Fails with the checker's examples (and whatever else explains them, such as the apps' last log lines). */
export function assertClean(
  tally: Pick<Tally, 'lost' | 'doubled' | 'outOfOrder' | 'details'>,
  explain: string[] = [],
): void {
  if (tally.lost === 0 && tally.doubled === 0 && tally.outOfOrder === 0) return;
  throw new Error(
    [
      `lost ${tally.lost}, doubled ${tally.doubled}, out of order ${tally.outOfOrder}`,
      ...tally.details,
      ...explain,
    ].join('\n'),
  );
}
