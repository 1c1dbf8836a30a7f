/**
 * The horizon's read: the distinct instants in ($1, $2] at which an open task (status in $3) passes a threshold,
 * as microseconds since the epoch, each with how many thresholds pass then. One statement, shared by
 * DeadlinesRepository.thresholdInstants and the benchmark's bare-pg side (bench/rebuild/bare.ts), so both provably
 * run the same read. No imports: the bench compiles it on its own. Each branch is an index-only scan of a partial
 * index on open tasks (migration HorizonReadFromIndexes): keep the branches' conditions as those indexes' predicates
 * and columns allow, or the escalation branch reads the whole table again.
 */
export const THRESHOLD_INSTANTS_SQL = `SELECT (extract(epoch FROM x.at) * 1000000)::bigint::text AS at_us, count(*)::int AS thresholds FROM (
    SELECT due_at AS at FROM tasks WHERE status = ANY($3) AND due_at > $1 AND due_at <= $2
    UNION ALL
    SELECT at_risk_at FROM tasks WHERE status = ANY($3) AND at_risk_at > $1 AND at_risk_at <= $2 AND at_risk_at < due_at
    UNION ALL
    SELECT e.at FROM tasks t CROSS JOIN LATERAL unnest(t.escalation_ats) AS e(at)
     WHERE t.status = ANY($3) AND t.due_at <= $2 AND cardinality(t.escalation_ats) > 0 AND e.at > $1 AND e.at <= $2
  ) x GROUP BY 1 ORDER BY 1`;
