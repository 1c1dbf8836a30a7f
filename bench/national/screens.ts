/**
 * What the web app asks for on each screen at one prison (apps/web/src/screens), as which user, and the bare pg
 * queries that read the same rows: a yardstick for what the API adds, not the API's own SQL. A paged list answers
 * with the total of its rows too, so its bare side counts them as well.
 *
 * Board (prison-board.tsx): GET /women?prison=P&window=12w|24w&limit=500, as the prison's pre-release team.
 * A woman's detail (woman-panel.tsx): GET /women/:id, the panel's main request (alerts, referrals and release day
 * are fetched beside it).
 * Caseworker queue (queue.tsx): GET /referrals?limit=200, /tasks?status=TODO&limit=200, /tasks?assignee=me&limit=200,
 * as a CRS caseworker of the busiest provider. "me" is the seeded caseworker who holds that provider's work, so the
 * bench user asks for her tasks by id (the same query).
 * Alerts panel (alerts-panel.tsx): GET /alerts?open=true, beside every page, as the pre-release team.
 */
import { BareQuery } from '../lib/timing';

export type Reader = 'preReleaseTeam' | 'caseworker';

export interface ScreenRequest {
  screen: string;
  reader: Reader;
  route: string;
  bare: BareQuery[];
}

/** The prison, woman and provider the screens are about (bench/national/subjects.ts picks them). */
export interface Subjects {
  prison: string;
  /** Today in London, as the API's clock gives it. */
  today: string;
  womanId: string;
  providerId: string;
  /** The release areas it serves. */
  providerAreas: string[];
  /** The seeded caseworker of that provider with the most tasks assigned to her. */
  caseworkerId: string;
}

const OPEN = `('TODO', 'IN_PROGRESS', 'BLOCKED')`;
/** What a CRS caseworker may see of tasks (visibility-policy.ts): her role's, outside the sensitive pathways. */
const CASEWORKER_TASKS = `t.owner_role = 'CRS_CASEWORKER' AND t.pathway NOT IN ('DOMESTIC_ABUSE', 'SEX_WORK', 'HEALTH')`;

function board(s: Subjects, window: '12w' | '24w', days: number): ScreenRequest {
  return {
    screen: `Board, ${window === '12w' ? '12' : '24'} weeks`,
    reader: 'preReleaseTeam',
    route: `/women?prison=${s.prison}&window=${window}&limit=500`,
    bare: [
      {
        sql: `WITH page AS (
                SELECT w.* FROM women w
                 WHERE w.prison_code = $1 AND w.release_date BETWEEN $2::date AND $2::date + $3::int
                 ORDER BY w.release_date NULLS LAST, w.last_name, w.id LIMIT 500)
              SELECT page.*,
                     (SELECT json_agg(c) FROM (
                        SELECT t.pathway, t.owner_role, count(*) AS open,
                               count(*) FILTER (WHERE t.at_risk_at <= now() AND t.due_at > now()) AS at_risk,
                               count(*) FILTER (WHERE t.due_at <= now()) AS overdue
                          FROM tasks t WHERE t.woman_id = page.id AND t.status IN ${OPEN}
                         GROUP BY t.pathway, t.owner_role) c) AS task_counts,
                     (SELECT json_agg(p) FROM pathway_statuses p WHERE p.woman_id = page.id) AS pathways
                FROM page`,
        params: [s.prison, s.today, days],
      },
      {
        sql: `SELECT count(*) FROM women w
               WHERE w.prison_code = $1 AND w.release_date BETWEEN $2::date AND $2::date + $3::int`,
        params: [s.prison, s.today, days],
      },
    ],
  };
}

function detail(s: Subjects): ScreenRequest {
  return {
    screen: "A woman's detail",
    reader: 'preReleaseTeam',
    route: `/women/${s.womanId}`,
    bare: [
      {
        sql: `SELECT w.*,
                     (SELECT json_agg(p) FROM pathway_statuses p WHERE p.woman_id = w.id) AS pathways,
                     (SELECT json_agg(t ORDER BY t.due_at NULLS LAST, t.id) FROM tasks t WHERE t.woman_id = w.id) AS tasks,
                     (SELECT json_agg(n) FROM task_notes n JOIN tasks t ON t.id = n.task_id
                       WHERE t.woman_id = w.id) AS notes,
                     (SELECT json_agg(a ORDER BY a.assessed_at) FROM assessments a WHERE a.woman_id = w.id) AS assessments,
                     (SELECT json_agg(e) FROM (SELECT * FROM audit_events e WHERE e.woman_id = w.id
                       ORDER BY e.id LIMIT 500) e) AS audit_trail,
                     (SELECT json_agg(r) FROM referrals r WHERE r.woman_id = w.id) AS referrals
                FROM women w WHERE w.id = $1`,
        params: [s.womanId],
      },
    ],
  };
}

function caseworkerQueue(s: Subjects): ScreenRequest[] {
  // Each task carries her woman's release area (migration TasksCarryReleaseArea), so the plain query reads the
  // provider's scope from the tasks, as the API does, and counts without the women.
  const where = (condition: string) => `WHERE t.release_area_code = ANY($1) AND ${CASEWORKER_TASKS} AND ${condition}`;
  const tasks = (condition: string, params: unknown[]): BareQuery[] => [
    {
      sql: `SELECT t.*, w.prison_code, w.first_name || ' ' || w.last_name AS woman_name, w.prison_number
              FROM tasks t JOIN women w ON w.id = t.woman_id
            ${where(condition)} ORDER BY t.due_at NULLS LAST, t.id LIMIT 200`,
      params,
    },
    { sql: `SELECT count(*) FROM tasks t ${where(condition)}`, params },
  ];
  return [
    {
      screen: 'Caseworker queue: referrals',
      reader: 'caseworker',
      route: '/referrals?limit=200',
      bare: [
        {
          sql: `WITH page AS (
                  SELECT r.id, s.due AS stage_due_at FROM referrals r
                    LEFT JOIN (SELECT t.subject_id, min(t.due_at) AS due FROM tasks t
                                WHERE t.subject_id IS NOT NULL AND t.status IN ${OPEN} GROUP BY t.subject_id) s
                           ON s.subject_id = r.id
                   WHERE r.provider_id = $1 AND r.status <> 'DRAFT'
                   ORDER BY s.due NULLS LAST, COALESCE(r.sent_at, r.created_at), r.id LIMIT 200)
                SELECT r.*, w.first_name || ' ' || w.last_name AS woman_name, w.prison_number, w.prison_code,
                       w.release_date, page.stage_due_at
                  FROM page JOIN referrals r ON r.id = page.id JOIN women w ON w.id = r.woman_id`,
          params: [s.providerId],
        },
        {
          sql: `SELECT count(*) FROM referrals r WHERE r.provider_id = $1 AND r.status <> 'DRAFT'`,
          params: [s.providerId],
        },
      ],
    },
    {
      screen: 'Caseworker queue: tasks to claim',
      reader: 'caseworker',
      route: '/tasks?status=TODO&limit=200',
      bare: tasks(`t.status = 'TODO'`, [s.providerAreas]),
    },
    {
      screen: 'Caseworker queue: her tasks',
      reader: 'caseworker',
      route: `/tasks?assignee=${s.caseworkerId}&limit=200`,
      bare: tasks('t.assignee_id = $2', [s.providerAreas, s.caseworkerId]),
    },
  ];
}

function alertsPanel(s: Subjects): ScreenRequest {
  return {
    screen: 'Alerts panel',
    reader: 'preReleaseTeam',
    route: '/alerts?open=true',
    bare: [
      {
        sql: `SELECT a.*, t.title, t.pathway, t.owner_role, w.prison_number, w.first_name, w.last_name, w.prison_code
                FROM alerts a JOIN tasks t ON t.id = a.task_id JOIN women w ON w.id = a.woman_id
               WHERE a.woman_id = ANY(ARRAY(SELECT id FROM women WHERE prison_code = $1)) AND a.acknowledged_at IS NULL
               ORDER BY a.created_at DESC, a.id LIMIT 500`,
        params: [s.prison],
      },
    ],
  };
}

export function screenRequests(s: Subjects): ScreenRequest[] {
  return [board(s, '12w', 84), board(s, '24w', 168), detail(s), ...caseworkerQueue(s), alertsPanel(s)];
}
