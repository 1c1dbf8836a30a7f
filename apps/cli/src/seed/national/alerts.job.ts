/**
 * Job 6 of the national load: the alerts the deadline engine would have raised over the last year. A task
 * still open at its at-risk time gets an AT_RISK alert (while it is not yet due), one still open at its due
 * time an OVERDUE alert, and one still open and unacknowledged at each rung of its escalation ladder an
 * ESCALATED alert of that level; each a few seconds after its threshold. Most are acknowledged by the task's
 * owner, some quickly and some after hours or days, and some (or not yet, at asOf) never.
 */
import { AlertKind } from '@app/domain';
import { execute, NationalRun, rnd, syntheticIdSql } from './national-sql';

/** Share of alerts acknowledged at all; the delay is skewed: within hours for most, up to three days for a few. */
export const ALERT_ACKNOWLEDGEMENT = { share: 0.8, maxMinutes: 4320 } as const;

/** This job's salts: 500-599. */
const SALT = { firedAfter: 501, acknowledged: 502, delay: 503 };

export async function loadAlerts(run: NationalRun): Promise<number> {
  const a = ALERT_ACKNOWLEDGEMENT;
  // Per threshold k (0 at risk, 1 overdue, 2 and 3 the escalation rungs): fired a few seconds after it, and
  // acknowledged after a skewed delay, if that is by asOf.
  const fired = (k: number, threshold: string) =>
    `(${threshold}) + interval '1 second' * (5 + 115 * ${rnd(`n * 4 + ${k}`, SALT.firedAfter)})`;
  const acked = (k: number, firedAt: string) =>
    `CASE WHEN ${rnd(`n * 4 + ${k}`, SALT.acknowledged)} < ${a.share}
               AND (${firedAt}) + interval '1 minute' * (3 + ${a.maxMinutes} * power(${rnd(`n * 4 + ${k}`, SALT.delay)}, 2.5)) <= $1
          THEN (${firedAt}) + interval '1 minute' * (3 + ${a.maxMinutes} * power(${rnd(`n * 4 + ${k}`, SALT.delay)}, 2.5)) END`;
  const written = await execute(
    run,
    `WITH t AS (
       SELECT n, id, woman_id, owner_user_id, created_at, due_at, at_risk_at, escalation_ats,
              LEAST(COALESCE(completed_at, 'infinity'::timestamptz), $1) AS open_until
       FROM nat_task
       WHERE due_at IS NOT NULL AND at_risk_at < LEAST(COALESCE(completed_at, 'infinity'::timestamptz), $1) OFFSET 0
     ),
     f AS (
       SELECT t.*,
              CASE WHEN t.at_risk_at < t.due_at AND ${fired(0, 'GREATEST(t.at_risk_at, t.created_at)')} < LEAST(t.due_at, t.open_until)
                   THEN ${fired(0, 'GREATEST(t.at_risk_at, t.created_at)')} END AS at_risk_fired,
              CASE WHEN ${fired(1, 'GREATEST(t.due_at, t.created_at)')} < t.open_until
                   THEN ${fired(1, 'GREATEST(t.due_at, t.created_at)')} END AS overdue_fired
       FROM t OFFSET 0
     ),
     f2 AS (
       SELECT f.*, ${acked(0, 'f.at_risk_fired')} AS at_risk_acked, ${acked(1, 'f.overdue_fired')} AS overdue_acked
       FROM f OFFSET 0
     ),
     f3 AS (
       -- A rung fires only while nobody has acknowledged an alert of the task.
       SELECT f.*,
              CASE WHEN f.overdue_fired IS NOT NULL AND f.escalation_ats[1] IS NOT NULL
                        AND ${fired(2, 'f.escalation_ats[1]')} < f.open_until
                        AND (f.at_risk_acked IS NULL OR f.at_risk_acked > ${fired(2, 'f.escalation_ats[1]')})
                        AND (f.overdue_acked IS NULL OR f.overdue_acked > ${fired(2, 'f.escalation_ats[1]')})
                   THEN ${fired(2, 'f.escalation_ats[1]')} END AS rung1_fired
       FROM f2 f OFFSET 0
     ),
     f4 AS (
       SELECT f.*, ${acked(2, 'f.rung1_fired')} AS rung1_acked FROM f3 f OFFSET 0
     ),
     f5 AS (
       SELECT f.*,
              CASE WHEN f.rung1_fired IS NOT NULL AND f.escalation_ats[2] IS NOT NULL
                        AND ${fired(3, 'f.escalation_ats[2]')} < f.open_until
                        AND (f.at_risk_acked IS NULL OR f.at_risk_acked > ${fired(3, 'f.escalation_ats[2]')})
                        AND (f.overdue_acked IS NULL OR f.overdue_acked > ${fired(3, 'f.escalation_ats[2]')})
                        AND (f.rung1_acked IS NULL OR f.rung1_acked > ${fired(3, 'f.escalation_ats[2]')})
                   THEN ${fired(3, 'f.escalation_ats[2]')} END AS rung2_fired
       FROM f4 f OFFSET 0
     ),
     f6 AS (
       SELECT f.*, ${acked(3, 'f.rung2_fired')} AS rung2_acked FROM f5 f OFFSET 0
     )
     INSERT INTO alerts (id, task_id, woman_id, kind, level, deadline_revision, threshold_at, recipients, created_at,
                         acknowledged_by_id, acknowledged_at)
     SELECT ${syntheticIdSql('alert', 't.n * 4 + x.k')}, t.id, t.woman_id, x.kind, x.level, 0, x.threshold_at,
            '{"rooms": []}'::jsonb, x.fired_at, CASE WHEN x.acked_at IS NOT NULL THEN t.owner_user_id END, x.acked_at
     FROM f6 t
     CROSS JOIN LATERAL (VALUES
       (0, '${AlertKind.AT_RISK}', 0, t.at_risk_at, t.at_risk_fired, t.at_risk_acked),
       (1, '${AlertKind.OVERDUE}', 0, t.due_at, t.overdue_fired, t.overdue_acked),
       (2, '${AlertKind.ESCALATED}', 1, t.escalation_ats[1], t.rung1_fired, t.rung1_acked),
       (3, '${AlertKind.ESCALATED}', 2, t.escalation_ats[2], t.rung2_fired, t.rung2_acked)
     ) AS x(k, kind, level, threshold_at, fired_at, acked_at)
     -- A year of alerts: older thresholds fired before the history begins.
     WHERE x.fired_at IS NOT NULL AND x.fired_at >= $1 - interval '365 days'`,
    [run.asOf],
  );
  return written;
}
