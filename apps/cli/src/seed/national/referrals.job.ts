/**
 * Job 4 of the national load: CRS referrals. Every catalogue referral task that was done sent a referral
 * when it was done (as sending completes the task in the service), to the provider of her release area. Each
 * referral then runs the state machine of the domain: SENT, ASSIGNED, ASSESSMENT_BOOKED,
 * ACTION_PLAN_SUBMITTED, ACTION_PLAN_APPROVED, IN_DELIVERY, ENDED; some are RETURNED (and mostly sent again),
 * some WITHDRAWN, each with a reason. Steps after asOf have not happened yet. The status log is written in
 * order, and every stage that waits on someone is a stage task (subject REFERRAL) added to nat_task, met or
 * missed against its deadline as it happened.
 */
import {
  Pathway,
  ReferralAction,
  ReferralOutcome,
  ReferralStage,
  ReferralStatus,
  REFERRAL_STAGE_RULES,
  ReturnReasonCode,
  Role,
  RoshLevel,
  stageTemplateKey,
  TaskStatus,
  WithdrawalReasonCode,
} from '@app/domain';
import { execute, londonDateSql, NationalRun, pickSql, rnd, syntheticIdSql } from './national-sql';
import { STAGE_TASK_BASE } from './tasks.job';

/** What she wants to achieve on each CRS pathway (the referral's desired outcomes). */
const DESIRED_OUTCOMES: Readonly<Partial<Record<Pathway, readonly string[]>>> = {
  [Pathway.ACCOMMODATION]: [
    'Somewhere safe to stay on the night of release',
    'A settled tenancy within 12 weeks',
    'Support to keep her tenancy',
  ],
  [Pathway.ATTITUDES_THINKING_AND_BEHAVIOUR]: [
    'Build her confidence and wellbeing',
    'Take part in a community group',
    'Manage stress without using substances',
  ],
  [Pathway.DOMESTIC_ABUSE]: [
    'A safety plan in place before release',
    'Specialist domestic abuse support in the community',
    'Understand and use protective orders',
  ],
  [Pathway.SEX_WORK]: [
    'Exit support from a specialist service',
    'Sexual health appointments kept',
    'A safe way to get money while she finds work',
  ],
};

/** Each return and withdrawal with its code (libs/contracts referral-reasons.ts) and what was said. */
const RETURN_REASONS: readonly (readonly [ReturnReasonCode, string])[] = [
  [ReturnReasonCode.RISK_INFORMATION, 'Risk information is missing or out of date'],
  [ReturnReasonCode.NOT_CONTRACTED, 'She lives outside the areas this contract covers'],
  [ReturnReasonCode.NOT_CONTRACTED, 'The needs described are outside the service we provide'],
  [ReturnReasonCode.DUPLICATE, 'She already has an open referral with us'],
];

const WITHDRAW_REASONS: readonly (readonly [WithdrawalReasonCode, string])[] = [
  [WithdrawalReasonCode.NOT, 'She no longer wants the service'],
  [WithdrawalReasonCode.NEE, 'Her needs are now met by another service'],
  [WithdrawalReasonCode.MOV, 'Released to an address outside the area'],
  [WithdrawalReasonCode.RET, 'Recalled to custody'],
  [WithdrawalReasonCode.MIS, 'Referral made in error'],
];

/**
 * The courses a referral can take, as shares: returned by the provider (mostly then sent again), withdrawn
 * by the referrer at some stage, or run to its end. Stage times are drawn so that most stages meet their
 * deadline (5, 10 and 2 working days) and a fifth or so miss it.
 */
export const REFERRAL_COURSE = { returned: 0.09, withdrawn: 0.07, resentAfterReturn: 0.85, directByPrison: 0.3 };

/** This job's salts: 300-399. */
const SALT = {
  referrer: 301,
  course: 302,
  draft: 303,
  assignBeforeReturn: 304,
  returnAfter: 305,
  resend: 306,
  resendAfter: 307,
  returnReason: 308,
  withdrawReason: 309,
  assign: 310,
  book: 311,
  assessment: 312,
  submit: 313,
  approve: 314,
  deliver: 315,
  end: 316,
  withdrawStage: 317,
  withdrawWhen: 318,
  outcomes: 319,
  outcome: 320,
  rosh: 321,
  openStatus: 322,
};

// I and O are left out, as in the service's own references.
const REFERENCE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

export async function loadReferrals(run: NationalRun): Promise<{ referrals: number; statusChanges: number }> {
  await createReferralTimelines(run);
  const referrals = await writeReferrals(run);
  const statusChanges = await writeReferralStatusLog(run);
  await planStageTasks(run);
  return { referrals, statusChanges };
}

/** nat_referral: one row per referral with the time of each step that has happened by asOf (null if not). */
async function createReferralTimelines(run: NationalRun): Promise<void> {
  const u = (name: keyof typeof SALT) => rnd('r.r_n', SALT[name]);
  const c = REFERRAL_COURSE;
  const day = "interval '1 day'";
  await execute(
    run,
    `CREATE TEMP TABLE nat_referral ON COMMIT DROP AS
     WITH src AS (
       SELECT (row_number() OVER (ORDER BY t.n) - 1) AS r_n, t.n AS task_n, t.i, t.woman_id, t.pathway,
              t.created_at AS need_identified_at, t.completed_at AS first_sent_at
       FROM nat_task t WHERE t.refers AND t.status = '${TaskStatus.DONE}' OFFSET 0
     ),
     raw AS (
       SELECT r.*, pe.area_code, pe.provider_id, pe.com_id, pe.prt_id, pe.caseworker_id, pe.complexity,
              a.contract_suffix,
              CASE WHEN pe.allows_direct_referral AND ${u('referrer')} < ${c.directByPrison}
                   THEN '${Role.PRE_RELEASE_TEAM}' ELSE '${Role.COM}' END AS referrer_role,
              CASE WHEN ${u('course')} < ${c.returned} THEN 'RETURNED'
                   WHEN ${u('course')} < ${c.returned + c.withdrawn} THEN 'WITHDRAWN' ELSE 'NORMAL' END AS course,
              r.first_sent_at - interval '5 minutes' - interval '2 hours' * ${u('draft')} AS draft_at,
              CASE WHEN ${u('assignBeforeReturn')} < 0.5 THEN r.first_sent_at + ${day} * (0.1 + 0.9 * ${u('assign')}) END
                AS ret_assigned_raw,
              ${u('returnAfter')} AS u_return, ${u('resend')} < ${c.resentAfterReturn} AS resends,
              ${u('resendAfter')} AS u_resend,
              ${pickSql('$2::text[]', u('returnReason'))} AS return_reason,
              ${pickSql('$3::text[]', u('withdrawReason'))} AS withdraw_reason,
              ${pickSql('$4::text[]', u('returnReason'))} AS return_code,
              ${pickSql('$5::text[]', u('withdrawReason'))} AS withdraw_code,
              floor(5 * ${u('withdrawStage')})::int AS withdraw_stage, ${u('withdrawWhen')} AS u_withdraw
       FROM src r
       JOIN nat_person pe ON pe.i = r.i
       JOIN nat_area a ON a.code = pe.area_code OFFSET 0
     ),
     returned AS (
       SELECT r.*,
              CASE WHEN r.course = 'RETURNED'
                   THEN COALESCE(r.ret_assigned_raw, r.first_sent_at) + ${day} * (0.3 + 3 * r.u_return) END AS returned_raw
       FROM raw r OFFSET 0
     ),
     resent AS (
       SELECT r.*,
              CASE WHEN r.course = 'RETURNED' AND r.resends THEN r.returned_raw + ${day} * (0.3 + 5 * r.u_resend) END
                AS resent_raw,
              CASE WHEN r.course = 'RETURNED' AND NOT r.resends THEN r.returned_raw + ${day} * (2 + 8 * r.u_resend) END
                AS withdrawn_after_return_raw
       FROM returned r OFFSET 0
     ),
     flow AS (
       -- The provider's part starts from the last send; a referral returned and not sent again has none.
       SELECT r.*, s.start_at,
              s.start_at + interval '1 hour' + ${day} * 2.5 * power(${u('assign')}, 2) AS assigned_raw
       FROM resent r
       CROSS JOIN LATERAL (SELECT CASE WHEN r.course <> 'RETURNED' THEN r.first_sent_at ELSE r.resent_raw END AS start_at) s OFFSET 0
     ),
     flow2 AS (
       SELECT r.*, r.assigned_raw + ${day} * (0.5 + 9 * power(${u('book')}, 1.5)) AS booked_raw FROM flow r OFFSET 0
     ),
     flow3 AS (
       SELECT r.*, r.booked_raw + ${day} * (2 + 18 * power(${u('submit')}, 1.5)) AS submitted_raw,
              r.booked_raw + ${day} * (2 + 8 * ${u('assessment')}) AS assessment_at
       FROM flow2 r OFFSET 0
     ),
     flow4 AS (
       SELECT r.*, r.submitted_raw + ${day} * (0.1 + 4.9 * power(${u('approve')}, 2)) AS approved_raw FROM flow3 r OFFSET 0
     ),
     flow5 AS (
       SELECT r.*, r.approved_raw + ${day} * 2 * ${u('deliver')} AS delivery_raw FROM flow4 r OFFSET 0
     ),
     flow6 AS (
       SELECT r.*, r.delivery_raw + ${day} * (30 + 120 * ${u('end')}) AS ended_raw FROM flow5 r OFFSET 0
     ),
     withdrawal AS (
       -- Withdrawn part way between one step and the next (or during delivery).
       SELECT r.*,
              CASE WHEN r.course = 'WITHDRAWN' THEN
                CASE r.withdraw_stage
                  WHEN 0 THEN r.start_at + (r.assigned_raw - r.start_at) * (0.2 + 0.8 * r.u_withdraw)
                  WHEN 1 THEN r.assigned_raw + (r.booked_raw - r.assigned_raw) * (0.2 + 0.8 * r.u_withdraw)
                  WHEN 2 THEN r.booked_raw + (r.submitted_raw - r.booked_raw) * (0.2 + 0.8 * r.u_withdraw)
                  WHEN 3 THEN r.submitted_raw + (r.approved_raw - r.submitted_raw) * (0.2 + 0.8 * r.u_withdraw)
                  ELSE r.delivery_raw + (r.ended_raw - r.delivery_raw) * (0.2 + 0.8 * r.u_withdraw)
                END
              END AS withdrawn_raw
       FROM flow6 r OFFSET 0
     )
     SELECT r.r_n, ${syntheticIdSql('referral', 'r.r_n')} AS id, r.task_n, r.i, r.woman_id, r.pathway, r.area_code,
            r.provider_id, r.contract_suffix, r.com_id, r.caseworker_id, r.complexity, r.referrer_role,
            CASE WHEN r.referrer_role = '${Role.COM}' THEN r.com_id ELSE r.prt_id END AS referrer_id,
            r.need_identified_at, r.draft_at, r.first_sent_at, r.return_reason, r.withdraw_reason, r.withdraw_stage,
            r.return_code, r.withdraw_code,
            r.assessment_at,
            -- Each step is kept only if it happened by asOf and before any withdrawal.
            CASE WHEN r.ret_assigned_raw <= $1 AND r.course = 'RETURNED' THEN r.ret_assigned_raw END AS ret_assigned_at,
            CASE WHEN r.returned_raw <= $1 THEN r.returned_raw END AS returned_at,
            CASE WHEN r.resent_raw <= $1 THEN r.resent_raw END AS resent_at,
            CASE WHEN r.withdrawn_after_return_raw <= $1 THEN r.withdrawn_after_return_raw END AS withdrawn_after_return_at,
            CASE WHEN r.start_at <= $1 AND r.assigned_raw <= $1 AND (r.withdrawn_raw IS NULL OR r.assigned_raw < r.withdrawn_raw)
                 THEN r.assigned_raw END AS assigned_at,
            CASE WHEN r.start_at <= $1 AND r.booked_raw <= $1 AND (r.withdrawn_raw IS NULL OR r.booked_raw < r.withdrawn_raw)
                 THEN r.booked_raw END AS booked_at,
            CASE WHEN r.start_at <= $1 AND r.submitted_raw <= $1 AND (r.withdrawn_raw IS NULL OR r.submitted_raw < r.withdrawn_raw)
                 THEN r.submitted_raw END AS submitted_at,
            CASE WHEN r.start_at <= $1 AND r.approved_raw <= $1 AND (r.withdrawn_raw IS NULL OR r.approved_raw < r.withdrawn_raw)
                 THEN r.approved_raw END AS approved_at,
            CASE WHEN r.start_at <= $1 AND r.delivery_raw <= $1 AND (r.withdrawn_raw IS NULL OR r.delivery_raw < r.withdrawn_raw)
                 THEN r.delivery_raw END AS delivery_at,
            CASE WHEN r.start_at <= $1 AND r.ended_raw <= $1 AND r.withdrawn_raw IS NULL THEN r.ended_raw END AS ended_at,
            CASE WHEN r.withdrawn_raw <= $1 THEN r.withdrawn_raw END AS withdrawn_at
     FROM withdrawal r`,
    [
      run.asOf,
      RETURN_REASONS.map(([, text]) => text),
      WITHDRAW_REASONS.map(([, text]) => text),
      RETURN_REASONS.map(([code]) => code),
      WITHDRAW_REASONS.map(([code]) => code),
    ],
  );
  await execute(
    run,
    `ALTER TABLE nat_referral ADD COLUMN status text, ADD COLUMN reference text, ADD COLUMN last_at timestamptz`,
  );
  // The status is the last step taken; the reference is two letters and four digits from the referral's
  // number, then the provider's contract suffix (unique for the first 5.76 million referrals per provider).
  await execute(
    run,
    `UPDATE nat_referral SET
       status = CASE
         WHEN withdrawn_at IS NOT NULL OR withdrawn_after_return_at IS NOT NULL THEN '${ReferralStatus.WITHDRAWN}'
         WHEN ended_at IS NOT NULL THEN '${ReferralStatus.ENDED}'
         WHEN delivery_at IS NOT NULL THEN '${ReferralStatus.IN_DELIVERY}'
         WHEN approved_at IS NOT NULL THEN '${ReferralStatus.ACTION_PLAN_APPROVED}'
         WHEN submitted_at IS NOT NULL THEN '${ReferralStatus.ACTION_PLAN_SUBMITTED}'
         WHEN booked_at IS NOT NULL THEN '${ReferralStatus.ASSESSMENT_BOOKED}'
         WHEN assigned_at IS NOT NULL THEN '${ReferralStatus.ASSIGNED}'
         WHEN resent_at IS NOT NULL THEN '${ReferralStatus.SENT}'
         WHEN returned_at IS NOT NULL THEN '${ReferralStatus.RETURNED}'
         WHEN ret_assigned_at IS NOT NULL THEN '${ReferralStatus.ASSIGNED}'
         ELSE '${ReferralStatus.SENT}' END,
       reference = substr($1, 1 + ((r_n / 10000) / 24 % 24)::int, 1) || substr($1, 1 + ((r_n / 10000) % 24)::int, 1)
                   || lpad((r_n % 10000)::text, 4, '0') || contract_suffix,
       last_at = GREATEST(first_sent_at, ret_assigned_at, returned_at, resent_at, withdrawn_after_return_at, assigned_at,
                          booked_at, submitted_at, approved_at, delivery_at, ended_at, withdrawn_at)`,
    [REFERENCE_LETTERS],
  );
  await execute(run, `ALTER TABLE nat_referral ADD PRIMARY KEY (r_n)`);
  await execute(run, `ANALYZE nat_referral`);
}

async function writeReferrals(run: NationalRun): Promise<number> {
  const u = (name: keyof typeof SALT) => rnd('r.r_n', SALT[name]);
  const outcomes = Object.entries(DESIRED_OUTCOMES);
  const roshLevels = [RoshLevel.LOW, RoshLevel.MEDIUM, RoshLevel.HIGH, RoshLevel.VERY_HIGH];
  return execute(
    run,
    `WITH wants AS (
       SELECT r.r_n, o.outcomes[1:1 + floor(2 * ${u('outcomes')})::int] AS desired
       FROM nat_referral r
       JOIN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(pathway, a, b, c)) x0
         ON x0.pathway = r.pathway
       CROSS JOIN LATERAL (SELECT ARRAY[x0.a, x0.b, x0.c] AS outcomes) o OFFSET 0
     )
     INSERT INTO referrals (id, reference, woman_id, provider_id, release_area_code, status, pathways, risk_information,
                            additional_information, created_by_id, referrer_id, referrer_role, need_identified_at,
                            first_sent_at, sent_at, caseworker_id, assigned_at, assessment_booked_at, assessment_at,
                            action_plan, action_plan_submitted_at, action_plan_approved_at, action_plan_approved_by_id,
                            delivery_started_at, ended_at, end_of_service_report, withdrawn_reason, returned_reason,
                            withdrawal_reason_code, returned_reason_code, times_returned, version, created_at, updated_at)
     SELECT r.id, r.reference, r.woman_id, r.provider_id, r.area_code, r.status,
            jsonb_build_array(jsonb_build_object('pathway', r.pathway, 'complexity', r.complexity,
                                                 'desiredOutcomes', to_jsonb(w.desired))),
            jsonb_build_object('roshLevel', ${pickSql('$5::text[]', u('rosh'))},
                               'riskSummary', 'Synthetic record: no real risk information.'),
            NULL, r.referrer_id, r.referrer_id, r.referrer_role, r.need_identified_at, r.first_sent_at,
            COALESCE(r.resent_at, r.first_sent_at),
            CASE WHEN r.assigned_at IS NOT NULL OR (r.ret_assigned_at IS NOT NULL AND r.returned_at IS NULL)
                 THEN r.caseworker_id END,
            CASE WHEN r.assigned_at IS NOT NULL THEN r.assigned_at
                 WHEN r.returned_at IS NULL THEN r.ret_assigned_at END,
            r.booked_at, CASE WHEN r.booked_at IS NOT NULL THEN r.assessment_at END,
            CASE WHEN r.submitted_at IS NOT NULL
                 THEN 'Synthetic action plan: weekly key-work sessions towards each desired outcome.' END,
            r.submitted_at, r.approved_at, CASE WHEN r.approved_at IS NOT NULL THEN r.com_id END,
            r.delivery_at, COALESCE(r.ended_at, r.withdrawn_at, r.withdrawn_after_return_at),
            CASE WHEN r.ended_at IS NOT NULL THEN jsonb_build_object(
              'summary', 'Synthetic end-of-service report.',
              'outcomes', (SELECT jsonb_agg(jsonb_build_object(
                             'pathway', r.pathway, 'desiredOutcome', d.outcome,
                             'outcome', CASE WHEN ${rnd('r.r_n * 4 + d.k', SALT.outcome)} < 0.55 THEN '${ReferralOutcome.ACHIEVED}'
                                             WHEN ${rnd('r.r_n * 4 + d.k', SALT.outcome)} < 0.85 THEN '${ReferralOutcome.PARTIALLY_ACHIEVED}'
                                             ELSE '${ReferralOutcome.NOT_ACHIEVED}' END,
                             'comment', NULL) ORDER BY d.k)
                           FROM unnest(w.desired) WITH ORDINALITY AS d(outcome, k)))
            END,
            CASE WHEN r.status = '${ReferralStatus.WITHDRAWN}' THEN r.withdraw_reason END,
            CASE WHEN r.status = '${ReferralStatus.RETURNED}' THEN r.return_reason END,
            CASE WHEN r.status = '${ReferralStatus.WITHDRAWN}' THEN r.withdraw_code END,
            CASE WHEN r.status = '${ReferralStatus.RETURNED}' THEN r.return_code END,
            CASE WHEN r.returned_at IS NOT NULL THEN 1 ELSE 0 END,
            1 + num_nonnulls(r.first_sent_at, r.ret_assigned_at, r.returned_at, r.resent_at, r.withdrawn_after_return_at,
                             r.assigned_at, r.booked_at, r.submitted_at, r.approved_at, r.delivery_at, r.ended_at,
                             r.withdrawn_at),
            r.draft_at, r.last_at
     FROM nat_referral r JOIN wants w ON w.r_n = r.r_n
     ORDER BY r.r_n`,
    [
      outcomes.map(([pathway]) => pathway),
      outcomes.map(([, o]) => o?.[0] ?? null),
      outcomes.map(([, o]) => o?.[1] ?? null),
      outcomes.map(([, o]) => o?.[2] ?? null),
      roshLevels,
    ],
  );
}

/** The log as the service writes it: one row per step, ids the referral number * 16 + the step, so in order. */
async function writeReferralStatusLog(run: NationalRun): Promise<number> {
  const S = ReferralStatus;
  const cw = `'${Role.CRS_CASEWORKER}'`;
  const written = await execute(
    run,
    `INSERT INTO referral_status_changes (id, referral_id, from_status, to_status, reason, reason_code, actor_id,
                                          actor_role, at)
     SELECT r.r_n * 16 + s.step, r.id, s.from_status, s.to_status, s.reason,
            CASE s.to_status WHEN '${S.RETURNED}' THEN r.return_code WHEN '${S.WITHDRAWN}' THEN r.withdraw_code END,
            s.actor_id, s.actor_role, s.at
     FROM nat_referral r
     CROSS JOIN LATERAL (VALUES
       (0, NULL, '${S.DRAFT}', NULL, r.referrer_id, r.referrer_role, r.draft_at),
       (1, '${S.DRAFT}', '${S.SENT}', NULL, r.referrer_id, r.referrer_role, r.first_sent_at),
       (2, '${S.SENT}', '${S.ASSIGNED}', NULL, r.caseworker_id, ${cw}, r.ret_assigned_at),
       (3, CASE WHEN r.ret_assigned_at IS NOT NULL THEN '${S.ASSIGNED}' ELSE '${S.SENT}' END, '${S.RETURNED}',
           r.return_reason, r.caseworker_id, ${cw}, r.returned_at),
       (4, '${S.RETURNED}', '${S.SENT}', NULL, r.referrer_id, r.referrer_role, r.resent_at),
       (5, '${S.RETURNED}', '${S.WITHDRAWN}', r.withdraw_reason, r.referrer_id, r.referrer_role, r.withdrawn_after_return_at),
       (6, '${S.SENT}', '${S.ASSIGNED}', NULL, r.caseworker_id, ${cw}, r.assigned_at),
       (7, '${S.ASSIGNED}', '${S.ASSESSMENT_BOOKED}', NULL, r.caseworker_id, ${cw}, r.booked_at),
       (8, '${S.ASSESSMENT_BOOKED}', '${S.ACTION_PLAN_SUBMITTED}', NULL, r.caseworker_id, ${cw}, r.submitted_at),
       (9, '${S.ACTION_PLAN_SUBMITTED}', '${S.ACTION_PLAN_APPROVED}', NULL, r.com_id, '${Role.COM}', r.approved_at),
       (10, '${S.ACTION_PLAN_APPROVED}', '${S.IN_DELIVERY}', NULL, r.caseworker_id, ${cw}, r.delivery_at),
       (11, '${S.IN_DELIVERY}', '${S.ENDED}', NULL, r.caseworker_id, ${cw}, r.ended_at),
       (12, (ARRAY['${S.SENT}', '${S.ASSIGNED}', '${S.ASSESSMENT_BOOKED}', '${S.ACTION_PLAN_SUBMITTED}', '${S.IN_DELIVERY}'])[r.withdraw_stage + 1],
           '${S.WITHDRAWN}', r.withdraw_reason, r.referrer_id, r.referrer_role, r.withdrawn_at)
     ) AS s(step, from_status, to_status, reason, actor_id, actor_role, at)
     WHERE s.at IS NOT NULL
     ORDER BY r.r_n, s.step`,
  );
  await execute(
    run,
    `SELECT setval(pg_get_serial_sequence('referral_status_changes', 'id'), (SELECT max(id) FROM referral_status_changes))`,
  );
  return written;
}

/**
 * The stage tasks: first contact from each send, resubmission after a return, the action plan once the
 * assessment is booked, approval once the plan is submitted. Each closes when the referral moves on (done),
 * or is returned or withdrawn (not needed), and is otherwise still open.
 */
async function planStageTasks(run: NationalRun): Promise<void> {
  const rule = (stage: ReferralStage) => {
    const found = REFERRAL_STAGE_RULES.find((r) => r.stage === stage);
    if (!found) throw new Error(`No stage rule for ${stage}`);
    return found;
  };
  const rules = [
    ReferralStage.FIRST_CONTACT,
    ReferralStage.RESUBMISSION,
    ReferralStage.FIRST_CONTACT,
    ReferralStage.ACTION_PLAN,
    ReferralStage.APPROVAL,
  ].map(rule);
  const A = ReferralAction;
  const reason = (action: ReferralAction) => `'Referral ' || r.reference || ': ${action}'`;
  const u = rnd('x.n', SALT.openStatus);
  // Per slot: when the stage opened, who opened it, and when/why/by whom it closed (done or not needed).
  await execute(
    run,
    `INSERT INTO nat_task (n, id, plan_i, i, woman_id, pathway, template_key, owner_role, release_critical, refers,
                           created_at, due_date, due_at, at_risk_at, escalation_ats, status, completed_at, creator_id,
                           owner_user_id,
                           close_reason, closer_id, assignee_id, claimed_by_provider_id, claimed_at, progress_at,
                           blocked_reason, subject_id, title, description)
     WITH slots AS (
       SELECT r.*, s.slot, s.opened_at, s.opener_id, s.done_at, s.done_reason, s.done_by, s.dropped_at, s.dropped_reason,
              s.dropped_by, s.claimed_at
       FROM nat_referral r
       CROSS JOIN LATERAL (VALUES
         (0, r.first_sent_at, r.referrer_id,
             CASE WHEN r.returned_at IS NULL AND r.resent_at IS NULL THEN r.booked_at END, ${reason(A.BOOK_ASSESSMENT)}, r.caseworker_id,
             COALESCE(r.returned_at, CASE WHEN r.withdraw_stage <= 1 THEN r.withdrawn_at END),
             CASE WHEN r.returned_at IS NOT NULL THEN ${reason(A.RETURN)} ELSE ${reason(A.WITHDRAW)} END,
             CASE WHEN r.returned_at IS NOT NULL THEN r.caseworker_id ELSE r.referrer_id END,
             COALESCE(r.ret_assigned_at, CASE WHEN r.returned_at IS NULL THEN r.assigned_at END)),
         (1, r.returned_at, r.caseworker_id, r.resent_at, ${reason(A.SEND)}, r.referrer_id,
             r.withdrawn_after_return_at, ${reason(A.WITHDRAW)}, r.referrer_id, NULL::timestamptz),
         (2, r.resent_at, r.referrer_id, r.booked_at, ${reason(A.BOOK_ASSESSMENT)}, r.caseworker_id,
             CASE WHEN r.withdraw_stage <= 1 THEN r.withdrawn_at END, ${reason(A.WITHDRAW)}, r.referrer_id, r.assigned_at),
         (3, r.booked_at, r.caseworker_id, r.submitted_at, ${reason(A.SUBMIT_ACTION_PLAN)}, r.caseworker_id,
             CASE WHEN r.withdraw_stage = 2 THEN r.withdrawn_at END, ${reason(A.WITHDRAW)}, r.referrer_id, r.booked_at),
         (4, r.submitted_at, r.caseworker_id, r.approved_at, ${reason(A.APPROVE_ACTION_PLAN)}, r.com_id,
             CASE WHEN r.withdraw_stage = 3 THEN r.withdrawn_at END, ${reason(A.WITHDRAW)}, r.referrer_id, NULL)
       ) AS s(slot, opened_at, opener_id, done_at, done_reason, done_by, dropped_at, dropped_reason, dropped_by, claimed_at)
       WHERE s.opened_at IS NOT NULL OFFSET 0
     ),
     ruled AS (
       SELECT x.*, ${STAGE_TASK_BASE}::bigint + x.r_n * 8 + x.slot AS n, k.template_key, k.title, k.description,
              k.owner_role, k.offset_days, k.lead, k.esc1, k.esc2
       FROM slots x
       JOIN unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[], $9::int[])
            AS k(slot, template_key, title, description, owner_role, offset_days, lead, esc1, esc2) ON k.slot = x.slot OFFSET 0
     )
     SELECT x.n, ${syntheticIdSql('task', 'x.n')}, x.i * 2, x.i, x.woman_id, x.pathway, x.template_key, x.owner_role,
            false, false, x.opened_at, w.day, w.eod, ar.eod,
            array_remove(ARRAY[e1.eod, e2.eod], NULL),
            CASE WHEN x.done_at IS NOT NULL THEN '${TaskStatus.DONE}'
                 WHEN x.dropped_at IS NOT NULL THEN '${TaskStatus.NOT_NEEDED}'
                 WHEN ${u} < 0.5 THEN '${TaskStatus.TODO}' ELSE '${TaskStatus.IN_PROGRESS}' END,
            COALESCE(x.done_at, x.dropped_at), x.opener_id,
            CASE WHEN x.owner_role = '${Role.COM}' THEN x.com_id ELSE x.caseworker_id END,
            CASE WHEN x.done_at IS NOT NULL THEN x.done_reason WHEN x.dropped_at IS NOT NULL THEN x.dropped_reason END,
            CASE WHEN x.done_at IS NOT NULL THEN x.done_by WHEN x.dropped_at IS NOT NULL THEN x.dropped_by END,
            CASE WHEN x.owner_role = '${Role.COM}' THEN x.com_id WHEN x.claimed_at IS NOT NULL THEN x.caseworker_id END,
            CASE WHEN x.owner_role <> '${Role.COM}' AND x.claimed_at IS NOT NULL THEN x.provider_id END,
            CASE WHEN x.owner_role = '${Role.COM}' THEN x.opened_at ELSE x.claimed_at END,
            CASE WHEN x.done_at IS NULL AND x.dropped_at IS NULL AND ${u} >= 0.5
                 THEN x.opened_at + ($10::timestamptz - x.opened_at) * 0.5 END,
            NULL, x.id, x.title || ' (' || x.reference || ')', x.description
     FROM ruled x
     JOIN nat_day sd ON sd.day = ${londonDateSql('x.opened_at')}
     JOIN nat_wd w ON w.wdn = sd.wdn + x.offset_days
     JOIN nat_wd ar ON ar.wdn = sd.wdn + x.offset_days - x.lead
     LEFT JOIN nat_wd e1 ON e1.wdn = sd.wdn + x.offset_days + x.esc1
     LEFT JOIN nat_wd e2 ON e2.wdn = sd.wdn + x.offset_days + x.esc2
     ORDER BY x.n`,
    [
      rules.map((_, slot) => slot),
      rules.map((r) => stageTemplateKey(r.stage)),
      rules.map((r) => r.title),
      rules.map((r) => r.description),
      rules.map((r) => r.ownerRole),
      rules.map((r) => r.deadline.offset),
      rules.map((r) => r.atRiskLeadWorkingDays),
      rules.map((r) => r.escalationLadder[0]?.afterWorkingDays ?? null),
      rules.map((r) => r.escalationLadder[1]?.afterWorkingDays ?? null),
      run.asOf,
    ],
  );
}
