/**
 * The horizon's read: the distinct instants in ($1, $2] at which an open task (status in $3) passes a threshold,
 * as microseconds since the epoch, each with how many thresholds pass then, counted up to $4 (the worker only asks
 * whether an instant has PREPARE_MIN_THRESHOLDS). One statement, shared by DeadlinesRepository.thresholdInstants and
 * the benchmark's bare-pg side (bench/rebuild/bare.ts), so both provably run the same read. No imports: the bench
 * compiles it on its own.
 *
 * Every due and at-risk time is 17:00 on a working day, and so is every rung of a ladder, so thousands of tasks
 * share each instant. The read therefore skips from one distinct value to the next (a recursive CTE, one index
 * descent per value: PostgreSQL 15 has no skip scan of its own) instead of reading every task, and counts each
 * value's tasks only up to $4:
 * - due and at-risk times from the partial indexes on open tasks (`tasks_open_due_idx`, `tasks_open_at_risk_idx`,
 *   which carries due_at for the at-risk-before-due test);
 * - ladders: each distinct (due time, ladder) of open tasks due by $2 from `tasks_open_ladders_by_due` (migration
 *   HorizonReadSkipsToEachInstant), then the rungs of each that fall in ($1, $2].
 * Capping each count at $4 before the sum keeps least(sum, $4) what it would be uncapped: an instant reaches $4
 * exactly when its full count does (test/e2e/deadlines/horizon-read.e2e-spec.ts checks it against the full read).
 * Keep the conditions as those indexes' predicates and columns allow, or a branch reads the whole table again.
 */
export const THRESHOLD_INSTANTS_SQL = `WITH RECURSIVE
  due(at) AS (
    SELECT min(due_at) FROM tasks WHERE status = ANY($3) AND due_at > $1 AND due_at <= $2
    UNION ALL
    SELECT (SELECT min(t.due_at) FROM tasks t WHERE t.status = ANY($3) AND t.due_at > due.at AND t.due_at <= $2)
      FROM due WHERE due.at IS NOT NULL
  ),
  at_risk(at) AS (
    SELECT min(at_risk_at) FROM tasks
     WHERE status = ANY($3) AND at_risk_at > $1 AND at_risk_at <= $2 AND at_risk_at < due_at
    UNION ALL
    SELECT (SELECT min(t.at_risk_at) FROM tasks t
             WHERE t.status = ANY($3) AND t.at_risk_at > at_risk.at AND t.at_risk_at <= $2 AND t.at_risk_at < t.due_at)
      FROM at_risk WHERE at_risk.at IS NOT NULL
  ),
  ladders(due_at, escalation_ats) AS (
    (SELECT due_at, escalation_ats FROM tasks
      WHERE status = ANY($3) AND due_at <= $2 AND cardinality(escalation_ats) > 0
      ORDER BY due_at, escalation_ats LIMIT 1)
    UNION ALL
    SELECT n.due_at, n.escalation_ats FROM ladders l CROSS JOIN LATERAL (
      SELECT t.due_at, t.escalation_ats FROM tasks t
       WHERE t.status = ANY($3) AND t.due_at <= $2 AND cardinality(t.escalation_ats) > 0
         AND (t.due_at, t.escalation_ats) > (l.due_at, l.escalation_ats)
       ORDER BY t.due_at, t.escalation_ats LIMIT 1) n
  ),
  counted(at, thresholds) AS (
    SELECT due.at, (SELECT count(*) FROM (SELECT FROM tasks t WHERE t.status = ANY($3) AND t.due_at = due.at LIMIT $4) c)
      FROM due WHERE due.at IS NOT NULL
    UNION ALL
    SELECT at_risk.at, (SELECT count(*) FROM (SELECT FROM tasks t
                         WHERE t.status = ANY($3) AND t.at_risk_at = at_risk.at AND t.at_risk_at < t.due_at LIMIT $4) c)
      FROM at_risk WHERE at_risk.at IS NOT NULL
    UNION ALL
    SELECT rung.at, (SELECT count(*) FROM (SELECT FROM tasks t
                      WHERE t.status = ANY($3) AND t.due_at = l.due_at AND cardinality(t.escalation_ats) > 0
                        AND t.escalation_ats = l.escalation_ats LIMIT $4) c)
      FROM ladders l CROSS JOIN LATERAL unnest(l.escalation_ats) AS rung(at)
     WHERE rung.at > $1 AND rung.at <= $2
  )
SELECT (extract(epoch FROM at) * 1000000)::bigint::text AS at_us, least(sum(thresholds), $4)::int AS thresholds
  FROM counted GROUP BY at ORDER BY at`;
