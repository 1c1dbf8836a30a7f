/**
 * Job 3 of the national load: the catalogue tasks of every plan, and (once the referral job has added its
 * stage tasks) writing all tasks with their status logs. A plan gets the catalogue's tasks for each pathway
 * she needs, dated from her release as the planner dates them, and each task then runs a course drawn for
 * it: done in time, done late, or left undone until it lapses; closed at release if the prison's part was
 * not done. Whatever has not happened by asOf is still open, so the overdue and at-risk work of today
 * falls out of the same rules as a year of tasks closed on time and late.
 */
import {
  ACCOMMODATION_CHECKPOINT_TASK_KEYS,
  AccommodationCheckpoint,
  DeadlineAnchor,
  FULL_PLAN_DAYS,
  OUTLASTS_RECALL,
  Pathway,
  PATHWAYS,
  REFERRAL_TASK_KEYS,
  Role,
  SensitiveFlag,
  TaskStatus,
} from '@app/domain';
import { endOfWorkingDaySql, execute, londonDateSql, NationalRun, rnd, syntheticIdSql } from './national-sql';

/** Catalogue task numbers are plan number * 64 + the entry's place in the catalogue (issue 13 took it past 32). */
export const CATALOGUE_SLOTS = 64;

/** Stage tasks of referrals are numbered from here, above every catalogue task. */
export const STAGE_TASK_BASE = 1_000_000_000;

/** How likely a person is to need each pathway; the special category ones follow her flags. */
const PATHWAY_NEEDS: readonly { pathway: Pathway; women: number; men: number; flag?: SensitiveFlag }[] = [
  { pathway: Pathway.ACCOMMODATION, women: 0.9, men: 0.9 },
  { pathway: Pathway.FINANCE_AND_ID, women: 0.8, men: 0.75 },
  { pathway: Pathway.HEALTH, women: 0.65, men: 0.5 },
  { pathway: Pathway.DRUGS_AND_ALCOHOL, women: 0.45, men: 0.4 },
  { pathway: Pathway.EDUCATION_SKILLS_AND_WORK, women: 0.4, men: 0.5 },
  { pathway: Pathway.ATTITUDES_THINKING_AND_BEHAVIOUR, women: 0.45, men: 0.4 },
  { pathway: Pathway.CHILDREN_FAMILIES_AND_COMMUNITY, women: 0.8, men: 0.6, flag: SensitiveFlag.DEPENDENT_CHILDREN },
  { pathway: Pathway.DOMESTIC_ABUSE, women: 0.85, men: 0.85, flag: SensitiveFlag.DOMESTIC_ABUSE },
  { pathway: Pathway.SEX_WORK, women: 0.85, men: 0.85, flag: SensitiveFlag.SEX_WORK },
];

/**
 * How a task's course is drawn: done in time, done late (up to 60 days), or left undone (it lapses 30 to 120
 * days after its deadline). Work done in time is done at any point of the four weeks before the deadline. A
 * share of closures are "not needed", more for CRS referral tasks (many needs are met without a provider).
 * Tuned so that about 3% of open tasks are overdue at asOf (most open tasks are months from their deadline).
 */
export const TASK_COURSE = {
  onTime: 0.47,
  late: 0.28,
  lateDaysMax: 60,
  lapseAfterDaysMin: 30,
  lapseAfterDaysSpread: 90,
  notNeeded: 0.05,
  referralNotNeeded: 0.12,
  /**
   * Referring to CRS and recording the accommodation checkpoints are watched closely (recommendations 6 and
   * 8), so fewer of those are left undone.
   */
  watched: { onTime: 0.64, late: 0.28 },
  /** Tasks with no deadline yet (no release date): a few get done anyway. */
  doneWithoutDeadline: 0.12,
} as const;

/** This job's salts: 200-299. */
const SALT = { need: 201, course: 211, timing: 212, notNeeded: 213, openStatus: 214, claimed: 215, progress: 216 };

const CLOSED_AT_RELEASE_REASON = 'Not done by the time she was released';

/**
 * The anchors this job dates from. The synthetic people have no HDC eligibility date and no handover dates, so
 * the catalogue's HDC address tasks and the COM allocation task (issue 13) are not planned for them.
 */
const DATED_ANCHORS: readonly DeadlineAnchor[] = [
  DeadlineAnchor.RELEASE,
  DeadlineAnchor.RECEPTION,
  DeadlineAnchor.NEED_IDENTIFIED,
];

export async function planCatalogueTasks(run: NationalRun): Promise<number> {
  const referralKeys = Object.values(REFERRAL_TASK_KEYS);
  await execute(
    run,
    `CREATE TEMP TABLE nat_cat ON COMMIT DROP AS
     SELECT (row_number() OVER (ORDER BY key) - 1)::int AS ord, key, pathway, owner_role, deadline_anchor,
            deadline_offset, deadline_unit, at_risk_lead_working_days AS lead, release_critical,
            eligibility->>'requiresFlag' AS requires_flag,
            (escalation_ladder->0->>'afterWorkingDays')::int AS esc1,
            (escalation_ladder->1->>'afterWorkingDays')::int AS esc2,
            -- What the planner closes at release: the prison's own tasks and everything due before release.
            (deadline_anchor = 'RELEASE' AND deadline_offset < 0) OR owner_role IN ('${Role.PRE_RELEASE_TEAM}', '${Role.POM}')
              AS closes_at_release,
            key = ANY($1::text[]) AS refers,
            key = ANY($2::text[]) AS outlasts_recall,
            key = ANY($1::text[]) OR key = ANY($3::text[]) AS watched
     FROM task_catalogue WHERE active AND deadline_anchor = ANY($4::text[])`,
    [referralKeys, [...OUTLASTS_RECALL], Object.values(ACCOMMODATION_CHECKPOINT_TASK_KEYS), [...DATED_ANCHORS]],
  );
  const [{ entries }] = await run.tx.query<{ entries: number }[]>(`SELECT count(*)::int AS entries FROM nat_cat`);
  if (entries > CATALOGUE_SLOTS) {
    throw new Error(
      `The task catalogue has ${entries} active entries; the national load numbers at most ${CATALOGUE_SLOTS}`,
    );
  }
  await execute(
    run,
    `CREATE TEMP TABLE nat_need ON COMMIT DROP AS
     SELECT (array_position($1::text[], pathway) - 1)::int AS ord, pathway, women, men, flag
     FROM unnest($2::text[], $3::float8[], $4::float8[], $5::text[]) AS n(pathway, women, men, flag)`,
    [
      [...PATHWAYS],
      PATHWAY_NEEDS.map((n) => n.pathway),
      PATHWAY_NEEDS.map((n) => n.women),
      PATHWAY_NEEDS.map((n) => n.men),
      PATHWAY_NEEDS.map((n) => n.flag ?? null),
    ],
  );

  const c = TASK_COURSE;
  const u = (name: keyof typeof SALT) => rnd('x.n', SALT[name]);
  const week12Key = ACCOMMODATION_CHECKPOINT_TASK_KEYS[AccommodationCheckpoint.WEEK_12];
  return execute(
    run,
    `CREATE TEMP TABLE nat_task ON COMMIT DROP AS
     WITH cand AS (
       SELECT pl.plan_i * ${CATALOGUE_SLOTS} + c.ord AS n, pl.plan_i, pl.i, pe.woman_id, c.key, c.pathway, c.owner_role,
              c.release_critical, c.lead, c.esc1, c.esc2, c.closes_at_release, c.refers, c.watched, c.deadline_anchor,
              c.deadline_offset, c.deadline_unit, pl.release_anchor, pl.reception_date, pl.released_at, pl.recalled_at,
              -- Marking a pathway plans its tasks at once; pathways are marked a minute apart.
              pl.plan_at + nd.ord * interval '1 minute' AS created_at,
              pe.prt_id AS creator_id,
              CASE c.owner_role WHEN '${Role.PRE_RELEASE_TEAM}' THEN pe.prt_id WHEN '${Role.POM}' THEN pe.pom_id
                   WHEN '${Role.COM}' THEN pe.com_id ELSE pe.caseworker_id END AS owner_user_id,
              CASE WHEN c.owner_role = '${Role.CRS_CASEWORKER}' THEN pe.provider_id END AS owner_provider_id
       FROM nat_plan pl
       JOIN nat_person pe ON pe.i = pl.i
       JOIN nat_need nd ON ${rnd(`pl.i * 16 + nd.ord`, SALT.need)} < CASE WHEN pe.womens THEN nd.women ELSE nd.men END
                       AND (nd.flag IS NULL OR nd.flag = ANY(pe.flags))
       JOIN nat_cat c ON c.pathway = nd.pathway
                     AND (c.requires_flag IS NULL OR c.requires_flag = ANY(pe.flags))
                     AND NOT (pl.after_recall AND c.outlasts_recall) OFFSET 0
     ),
     due AS (
       SELECT k.*, pd.day AS plan_day, pd.wdn AS plan_wdn, rd.wdn AS release_wdn,
              CASE WHEN anchor.day IS NULL THEN NULL
                   WHEN k.deadline_unit = 'WORKING_DAYS' THEN ad.wdn + k.deadline_offset
                   ELSE od.wdn END AS normal_wdn
       FROM cand k
       CROSS JOIN LATERAL (SELECT CASE k.deadline_anchor
                                    WHEN 'NEED_IDENTIFIED' THEN ${londonDateSql('k.created_at')}
                                    WHEN 'RECEPTION' THEN k.reception_date
                                    ELSE k.release_anchor END AS day) anchor
       LEFT JOIN nat_day ad ON ad.day = anchor.day
       LEFT JOIN nat_day od ON od.day = anchor.day + k.deadline_offset
       JOIN nat_day pd ON pd.day = ${londonDateSql('k.created_at')}
       LEFT JOIN nat_day rd ON rd.day = k.release_anchor OFFSET 0
     ),
     dated AS (
       -- A pre-release deadline that had passed before the plan was made is squeezed into the days left by the
       -- planner's rule for a recalled woman (the domain's plannedDeadline with compressFrom = the plan's day;
       -- here for every plan, so short sentences do not start with overdue work). test/e2e/seed checks the dates
       -- of a sample of rows against the domain's functions.
       SELECT d.*, w.day AS due_date, w.eod AS due_at,
              CASE WHEN w.wdn IS NULL THEN NULL
                   WHEN d.squeezed AND ar.day < d.plan_day THEN ${endOfWorkingDaySql('d.plan_day')}
                   ELSE ar.eod END AS at_risk_at,
              CASE WHEN w.wdn IS NULL THEN '{}'::timestamptz[] ELSE array_remove(ARRAY[e1.eod, e2.eod], NULL) END
                AS escalation_ats
       FROM (SELECT d1.*,
                    CASE WHEN d1.squeezed
                         THEN LEAST(GREATEST(sq.wdn, d1.plan_wdn + 1), d1.release_wdn)
                         ELSE d1.normal_wdn END AS due_wdn
             FROM (SELECT d0.*,
                          d0.deadline_anchor = 'RELEASE' AND d0.deadline_offset < 0
                            AND d0.normal_wdn <= d0.plan_wdn AS squeezed
                   FROM due d0) d1
             -- Math.round in the domain is floor(x + 0.5); the share is the days left over ${FULL_PLAN_DAYS}.
             LEFT JOIN nat_day sq
               ON d1.deadline_anchor = 'RELEASE' AND d1.deadline_offset < 0 AND d1.normal_wdn <= d1.plan_wdn
              AND sq.day = d1.release_anchor + floor(d1.deadline_offset
                             * LEAST(1, GREATEST(d1.release_anchor - d1.plan_day, 0)::float8 / ${FULL_PLAN_DAYS}) + 0.5)::int
            ) d
       LEFT JOIN nat_wd w ON w.wdn = d.due_wdn
       LEFT JOIN nat_wd ar ON ar.wdn = d.due_wdn - d.lead
       LEFT JOIN nat_wd e1 ON e1.wdn = d.due_wdn + d.esc1
       LEFT JOIN nat_wd e2 ON e2.wdn = d.due_wdn + d.esc2 OFFSET 0
     ),
     floored AS (
       -- Work after release (where she slept, her 12-week outcome) cannot be done before she is out, nor
       -- more than a week before it is due.
       SELECT d.*,
              CASE WHEN d.deadline_anchor = 'RELEASE' AND d.deadline_offset >= 0
                   THEN COALESCE(GREATEST(d.released_at + interval '1 hour', d.due_at - interval '7 days'),
                                 'infinity'::timestamptz)
                   ELSE d.created_at + interval '10 minutes' END AS earliest_done
       FROM dated d OFFSET 0
     ),
     course AS (
       SELECT x.*,
              CASE WHEN x.due_at IS NULL THEN
                     CASE WHEN ${u('course')} < ${c.doneWithoutDeadline}
                          THEN x.created_at + ($1::timestamptz - x.created_at) * ${u('timing')} END
                   WHEN ${u('course')} < CASE WHEN x.watched THEN ${c.watched.onTime} ELSE ${c.onTime} END
                     THEN GREATEST(x.earliest_done,
                                   x.due_at - LEAST(x.due_at - x.created_at, interval '28 days') * ${u('timing')})
                   WHEN ${u('course')} < CASE WHEN x.watched THEN ${c.watched.onTime + c.watched.late}
                                              ELSE ${c.onTime + c.late} END
                     THEN GREATEST(x.earliest_done,
                                   x.due_at + interval '${c.lateDaysMax} days' * power(${u('timing')}, 2) + interval '20 minutes')
              END AS planned_done,
              x.due_at + interval '${c.lapseAfterDaysMin} days' + interval '${c.lapseAfterDaysSpread} days' * ${u('timing')}
                AS lapses_at
       FROM floored x OFFSET 0
     ),
     closed AS (
       SELECT x.*,
              CASE WHEN x.released_at IS NOT NULL AND x.closes_at_release
                        AND (x.planned_done IS NULL OR x.planned_done > x.released_at) THEN 'RELEASED'
                   WHEN x.recalled_at IS NOT NULL AND x.key = '${week12Key}'
                        AND (x.planned_done IS NULL OR x.planned_done > x.recalled_at) THEN 'RECALLED'
                   WHEN x.planned_done <= $1::timestamptz THEN 'DONE'
                   WHEN x.planned_done IS NULL AND x.lapses_at <= $1::timestamptz THEN 'LAPSED'
              END AS closed_by
       FROM course x OFFSET 0
     ),
     statused AS (
       SELECT x.*,
              CASE x.closed_by
                WHEN 'DONE' THEN CASE WHEN ${u('notNeeded')} < CASE WHEN x.refers THEN ${c.referralNotNeeded} ELSE ${c.notNeeded} END
                                      THEN '${TaskStatus.NOT_NEEDED}' ELSE '${TaskStatus.DONE}' END
                WHEN 'RELEASED' THEN '${TaskStatus.NOT_NEEDED}'
                WHEN 'RECALLED' THEN '${TaskStatus.NOT_NEEDED}'
                WHEN 'LAPSED' THEN '${TaskStatus.NOT_NEEDED}'
                ELSE CASE WHEN x.due_at < $1::timestamptz + interval '30 days'
                          THEN CASE WHEN ${u('openStatus')} < 0.4 THEN '${TaskStatus.TODO}'
                                    WHEN ${u('openStatus')} < 0.92 THEN '${TaskStatus.IN_PROGRESS}' ELSE '${TaskStatus.BLOCKED}' END
                          ELSE CASE WHEN ${u('openStatus')} < 0.8 THEN '${TaskStatus.TODO}'
                                    WHEN ${u('openStatus')} < 0.98 THEN '${TaskStatus.IN_PROGRESS}' ELSE '${TaskStatus.BLOCKED}' END
                     END
              END AS status,
              CASE x.closed_by WHEN 'DONE' THEN x.planned_done WHEN 'RELEASED' THEN x.released_at
                               WHEN 'RECALLED' THEN x.recalled_at WHEN 'LAPSED' THEN x.lapses_at END AS completed_at
       FROM closed x OFFSET 0
     )
     SELECT x.n, ${syntheticIdSql('task', 'x.n')} AS id, x.plan_i, x.i, x.woman_id, x.pathway, x.key AS template_key,
            x.owner_role, x.release_critical, x.refers, x.created_at, x.due_date, x.due_at, x.at_risk_at,
            x.escalation_ats, x.status, x.completed_at, x.creator_id, x.owner_user_id,
            CASE x.closed_by
              WHEN 'RELEASED' THEN '${CLOSED_AT_RELEASE_REASON}'
              WHEN 'RECALLED' THEN 'Recalled to custody before the 12-week point'
              WHEN 'LAPSED' THEN 'No longer needed: closed after the deadline had passed'
              WHEN 'DONE' THEN CASE WHEN x.status = '${TaskStatus.NOT_NEEDED}' THEN 'Not needed' END
            END AS close_reason,
            CASE WHEN x.closed_by = 'DONE' THEN x.owner_user_id END AS closer_id,
            a.assignee_id,
            CASE WHEN a.assignee_id IS NOT NULL THEN x.owner_provider_id END AS claimed_by_provider_id,
            CASE WHEN a.assignee_id IS NOT NULL
                 THEN LEAST(x.created_at + interval '1 day', COALESCE(x.completed_at, $1::timestamptz)) END AS claimed_at,
            CASE WHEN x.status IN ('${TaskStatus.IN_PROGRESS}', '${TaskStatus.BLOCKED}')
                 THEN x.created_at + ($1::timestamptz - x.created_at) * ${u('progress')} END AS progress_at,
            CASE WHEN x.status = '${TaskStatus.BLOCKED}' THEN 'Waiting for another agency to reply' END AS blocked_reason,
            NULL::uuid AS subject_id, NULL::text AS title, NULL::text AS description
     FROM statused x
     CROSS JOIN LATERAL (
       -- Whoever did the work, works on it now, or has picked it up; the rest wait on the team.
       SELECT CASE WHEN x.closed_by = 'DONE' OR x.status IN ('${TaskStatus.IN_PROGRESS}', '${TaskStatus.BLOCKED}')
                        OR ${u('claimed')} < 0.35
                   THEN x.owner_user_id END AS assignee_id
     ) a
     ORDER BY x.n`,
    [run.asOf],
  );
}

/**
 * Writes every planned task (catalogue and referral stage tasks) and its status log: the creation, the move
 * to in progress or blocked of an open task, and the closing. Log ids are the task number * 4 + the step, so
 * a task's log reads in order by id; the id sequence is moved past them afterwards.
 */
export async function writeTasks(run: NationalRun): Promise<{ tasks: number; statusChanges: number }> {
  // nat_task is built in task-number order, so ids (and the woman index) arrive in ascending order.
  const tasks = await execute(
    run,
    `INSERT INTO tasks (id, woman_id, pathway, template_key, title, description, owner_role, assignee_id,
                        claimed_by_provider_id, claimed_at, status, blocked_reason, release_critical, due_date, due_at,
                        at_risk_at, escalation_ats, deadline_revision, version, created_at, updated_at, completed_at,
                        subject_type, subject_id)
     SELECT t.id, t.woman_id, t.pathway, t.template_key, COALESCE(t.title, c.title), COALESCE(t.description, c.description),
            t.owner_role, t.assignee_id, t.claimed_by_provider_id, t.claimed_at, t.status, t.blocked_reason,
            t.release_critical, t.due_date, t.due_at, t.at_risk_at, t.escalation_ats, 0,
            1 + (CASE WHEN t.assignee_id IS NOT NULL THEN 1 ELSE 0 END)
              + (CASE WHEN t.completed_at IS NOT NULL OR t.progress_at IS NOT NULL THEN 1 ELSE 0 END),
            t.created_at, GREATEST(t.created_at, t.claimed_at, t.progress_at, t.completed_at), t.completed_at,
            CASE WHEN t.subject_id IS NOT NULL THEN 'REFERRAL' END, t.subject_id
     FROM nat_task t LEFT JOIN task_catalogue c ON c.key = t.template_key`,
  );
  const statusChanges = await execute(
    run,
    `INSERT INTO task_status_changes (id, task_id, from_status, to_status, reason, actor_id, at)
     SELECT t.n * 4 + s.step, t.id, s.from_status, s.to_status, s.reason, s.actor_id, s.at
     FROM nat_task t
     CROSS JOIN LATERAL (VALUES
       (0, NULL, '${TaskStatus.TODO}', NULL, t.creator_id, t.created_at),
       (1, '${TaskStatus.TODO}', t.status, t.blocked_reason, t.assignee_id, t.progress_at),
       (2, '${TaskStatus.TODO}', t.status, t.close_reason, t.closer_id, t.completed_at)
     ) AS s(step, from_status, to_status, reason, actor_id, at)
     WHERE s.at IS NOT NULL`,
  );
  await execute(
    run,
    `SELECT setval(pg_get_serial_sequence('task_status_changes', 'id'), (SELECT max(id) FROM task_status_changes))`,
  );
  return { tasks, statusChanges };
}
