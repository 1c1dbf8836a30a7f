/**
 * After the Redis loss: the database's own account of whether every passed threshold got exactly one alert, asked
 * independently of the worker's reconciler.
 */
import { Client } from 'pg';
import { OPEN_STATUSES } from '../lib/settings';

export interface AlertAccount {
  /** Thresholds with more than one alert. */
  duplicateGroups: number;
  /** The most alerts any one threshold got. */
  maxPerThreshold: number;
  /** Passed thresholds of open tasks with no alert. */
  missing: number;
  /** OVERDUE alerts on tasks that fell due while the worker was down. */
  lossRaised: number;
}

export async function accountForAlerts(db: Client): Promise<AlertAccount> {
  const { rows: perThreshold } = await db.query<{ groups: number; worst: number }>(
    `SELECT count(*) FILTER (WHERE c > 1)::int AS groups, coalesce(max(c), 0)::int AS worst
       FROM (SELECT count(*) AS c FROM alerts GROUP BY task_id, kind, level, deadline_revision) d`,
  );
  const { rows: lossAlerts } = await db.query<{ raised: number }>(
    `WITH o AS (SELECT id, deadline_revision FROM tasks WHERE status = ANY($1) AND due_at <= now())
     SELECT count(*)::int AS raised FROM alerts a JOIN o ON a.task_id = o.id
      AND a.deadline_revision = o.deadline_revision AND a.kind = 'OVERDUE'`,
    [OPEN_STATUSES],
  );
  return {
    duplicateGroups: perThreshold[0].groups,
    maxPerThreshold: perThreshold[0].worst,
    missing: await passedThresholdsWithoutAlert(db),
    lossRaised: lossAlerts[0].raised,
  };
}

/** The reconciler's own question: passed thresholds of open tasks with no alert. */
async function passedThresholdsWithoutAlert(db: Client): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `WITH open_tasks AS (
       SELECT id, at_risk_at, due_at, escalation_ats, deadline_revision FROM tasks
        WHERE status = ANY($1) AND (due_at <= now() OR at_risk_at <= now())
     ), thresholds AS (
       SELECT id AS task_id, 'AT_RISK' AS kind, 0 AS level, deadline_revision FROM open_tasks
        WHERE at_risk_at <= now() AND at_risk_at < due_at AND due_at > now()
       UNION ALL
       SELECT id, 'OVERDUE', 0, deadline_revision FROM open_tasks WHERE due_at <= now()
       UNION ALL
       SELECT t.id, 'ESCALATED', e.level::int, t.deadline_revision
         FROM open_tasks t CROSS JOIN LATERAL unnest(t.escalation_ats) WITH ORDINALITY AS e(at, level)
        WHERE e.at <= now()
     )
     SELECT count(*)::int AS n FROM thresholds th
      WHERE NOT EXISTS (SELECT 1 FROM alerts a WHERE a.task_id = th.task_id AND a.kind = th.kind
                          AND a.level = th.level AND a.deadline_revision = th.deadline_revision)`,
    [OPEN_STATUSES],
  );
  return rows[0].n;
}
