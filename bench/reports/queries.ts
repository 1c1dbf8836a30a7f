/**
 * Each governor report, its route, and its bare query: the rows it reads, counted by plain pg. `$1` is the prison
 * list (null for the estate). A yardstick for the rows read, not the report's own SQL.
 */
const OPEN = `('TODO', 'IN_PROGRESS', 'BLOCKED')`;
const PERIOD = `now() - interval '90 days'`;
/** A released woman counts against the prison that released her (as the reports do). */
const ACCOUNTABLE = `(CASE WHEN w.prison_code = 'OUT' THEN w.released_from_prison_code ELSE w.prison_code END)`;

export interface ReportUnderTest {
  name: string;
  route: string;
  bare: string;
}

export const REPORTS: ReportUnderTest[] = [
  {
    name: 'Overdue work',
    route: '/reports/overdue-work',
    bare: `SELECT count(*) FROM tasks t JOIN women w ON w.id = t.woman_id
           WHERE t.status IN ${OPEN} AND t.at_risk_at <= now() AND ($1::text[] IS NULL OR ${ACCOUNTABLE} = ANY($1))`,
  },
  {
    name: 'Overdue trend (12 weeks)',
    route: '/reports/overdue-trend',
    bare: `SELECT count(*) FROM overdue_snapshots
           WHERE taken_at > now() - interval '85 days' AND ($1::text[] IS NULL OR prison_code = ANY($1))`,
  },
  {
    name: 'Release readiness (14 days)',
    route: '/reports/release-readiness',
    bare: `SELECT count(*) FROM women w LEFT JOIN tasks t ON t.woman_id = w.id AND t.release_critical AND t.status IN ${OPEN}
           WHERE w.prison_code <> 'OUT' AND w.release_date BETWEEN current_date AND current_date + 14
             AND ($1::text[] IS NULL OR w.prison_code = ANY($1))`,
  },
  {
    name: 'Provider accountability (90 days)',
    route: '/reports/provider-accountability',
    bare: `SELECT count(*) FROM referrals r JOIN women w ON w.id = r.woman_id
           JOIN referral_status_changes c ON c.referral_id = r.id
           WHERE r.first_sent_at >= ${PERIOD} AND ($1::text[] IS NULL OR ${ACCOUNTABLE} = ANY($1))`,
  },
  {
    name: 'Referral timeliness (90 days)',
    route: '/reports/referral-timeliness',
    bare: `SELECT count(*) FROM referrals r JOIN women w ON w.id = r.woman_id
           WHERE r.first_sent_at >= ${PERIOD} AND ($1::text[] IS NULL OR ${ACCOUNTABLE} = ANY($1))`,
  },
  {
    name: 'Accommodation outcomes (90 days)',
    route: '/reports/accommodation-outcomes',
    bare: `SELECT count(*) FROM releases rel LEFT JOIN accommodation_outcomes o ON o.release_id = rel.id
           WHERE rel.released_on >= current_date - 90 AND ($1::text[] IS NULL OR rel.prison_code = ANY($1))`,
  },
  {
    name: 'Alerts (90 days)',
    route: '/reports/alerts',
    bare: `SELECT count(*) FROM alerts a JOIN women w ON w.id = a.woman_id JOIN tasks t ON t.id = a.task_id
           WHERE a.created_at >= ${PERIOD} AND ($1::text[] IS NULL OR ${ACCOUNTABLE} = ANY($1))`,
  },
];
