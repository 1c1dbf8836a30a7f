/**
 * CRS referral figures from the referral status log and the stage tasks (recommendation 6): what each provider
 * received, how long each stage took, whether it met its deadline, what came back and why, what was achieved;
 * and how long referrers took to send after the need was identified.
 */
import { Injectable } from '@nestjs/common';
import { ReportReads } from './report-reads';
import { CrsPhase, crsContractedPathways, ReferralStage, stageTemplateKey } from '@app/domain';
import { accountablePrisonSql, oneDecimal, ReportPeriod, ReportQueryScope, SqlParams } from './report-sql';

export interface StageTiming {
  /** Referrals that reached the stage's end. */
  reached: number;
  medianDays: number | null;
  p90Days: number | null;
  /** Stage tasks finished by their deadline, finished late, and still open past it. */
  met: number;
  missed: number;
  openOverdue: number;
}

export interface ProviderAccountabilityRow {
  providerId: string;
  received: number;
  firstContact: StageTiming;
  actionPlan: StageTiming;
  approval: StageTiming;
  returned: number;
  withdrawn: number;
  ended: number;
  outcomesAchieved: number;
  outcomesPartlyAchieved: number;
  outcomesNotAchieved: number;
}

export interface ReferralReasonRow {
  providerId: string;
  kind: 'RETURNED' | 'WITHDRAWN';
  reason: string;
  count: number;
}

/** Returns and withdrawals per provider by their reason code (null: recorded before reasons were coded). */
export interface ReferralReasonCodeRow {
  providerId: string;
  kind: 'RETURNED' | 'WITHDRAWN';
  reasonCode: string | null;
  count: number;
}

export interface ReferralTimelinessRow {
  referrerRole: string;
  sent: number;
  medianDays: number | null;
  p90Days: number | null;
  withinTwoWorkingDays: number;
}

const STAGES: {
  key: 'firstContact' | 'actionPlan' | 'approval';
  stage: ReferralStage;
  reachedStatus: string;
  startStatus: string;
}[] = [
  { key: 'firstContact', stage: ReferralStage.FIRST_CONTACT, startStatus: 'SENT', reachedStatus: 'ASSESSMENT_BOOKED' },
  {
    key: 'actionPlan',
    stage: ReferralStage.ACTION_PLAN,
    startStatus: 'ASSESSMENT_BOOKED',
    reachedStatus: 'ACTION_PLAN_SUBMITTED',
  },
  {
    key: 'approval',
    stage: ReferralStage.APPROVAL,
    startStatus: 'ACTION_PLAN_SUBMITTED',
    reachedStatus: 'ACTION_PLAN_APPROVED',
  },
];

/** The start of the London day of her last release (women alias w). */
const RELEASED_AT_SQL = `(w.released_on::timestamp AT TIME ZONE 'Europe/London')`;

@Injectable()
export class ReferralReportsRepository {
  constructor(private readonly reads: ReportReads) {}

  /** Referrals first sent in the period, per provider. */
  async providerAccountability(
    scope: ReportQueryScope,
    period: ReportPeriod,
    now: Date,
  ): Promise<{
    rows: ProviderAccountabilityRow[];
    reasons: ReferralReasonRow[];
    reasonCodes: ReferralReasonCodeRow[];
  }> {
    const params = new SqlParams();
    const base = `${this.sentInPeriodSql(params, scope, period)} ${this.contractedWorkSql(params, 'r.pathways')}`;
    const contracted = this.contractedPathwaySql(params, "x.value->>'pathway'", 'r.released_on_at_send');
    const nowParam = params.add(now);
    const stageColumns = STAGES.map(
      (s) => `
        min(c.at) FILTER (WHERE c.to_status = '${s.startStatus}') AS ${s.key}_start,
        min(c.at) FILTER (WHERE c.to_status = '${s.reachedStatus}') AS ${s.key}_end`,
    ).join(',');
    const stageAggregates = STAGES.map(
      (s) => `
        count(s.${s.key}_end)::int AS ${s.key}_reached,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.${s.key}_end - s.${s.key}_start) / 86400)
          FILTER (WHERE s.${s.key}_end IS NOT NULL) AS ${s.key}_median,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM s.${s.key}_end - s.${s.key}_start) / 86400)
          FILTER (WHERE s.${s.key}_end IS NOT NULL) AS ${s.key}_p90,
        COALESCE(sum(d.${s.key}_met), 0)::int AS ${s.key}_met,
        COALESCE(sum(d.${s.key}_missed), 0)::int AS ${s.key}_missed,
        COALESCE(sum(d.${s.key}_open_overdue), 0)::int AS ${s.key}_open_overdue`,
    ).join(',');
    const deadlineColumns = STAGES.map((s) => {
      const key = `'${stageTemplateKey(s.stage)}'`;
      return `
        count(*) FILTER (WHERE st.template_key = ${key} AND st.status = 'DONE' AND st.completed_at <= st.due_at) AS ${s.key}_met,
        count(*) FILTER (WHERE st.template_key = ${key} AND st.status = 'DONE' AND st.completed_at > st.due_at) AS ${s.key}_missed,
        count(*) FILTER (WHERE st.template_key = ${key} AND st.status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')
                           AND st.due_at <= ${nowParam}) AS ${s.key}_open_overdue`;
    }).join(',');
    const rows = await this.reads.query<Record<string, unknown>[]>(
      `WITH r AS (${base}),
       s AS (
         SELECT r.id, ${stageColumns},
                count(*) FILTER (WHERE c.to_status = 'RETURNED') AS returned
         FROM r JOIN referral_status_changes c ON c.referral_id = r.id GROUP BY r.id
       ),
       d AS (
         SELECT r.id, ${deadlineColumns}
         FROM r JOIN tasks st ON st.subject_id = r.id GROUP BY r.id
       ),
       o AS (
         SELECT r.id,
                count(*) FILTER (WHERE x.value->>'outcome' = 'ACHIEVED') AS achieved,
                count(*) FILTER (WHERE x.value->>'outcome' = 'PARTIALLY_ACHIEVED') AS partly,
                count(*) FILTER (WHERE x.value->>'outcome' = 'NOT_ACHIEVED') AS not_achieved
         FROM r CROSS JOIN LATERAL jsonb_array_elements(r.end_of_service_report->'outcomes') x
         WHERE r.end_of_service_report IS NOT NULL AND ${contracted} GROUP BY r.id
       )
       SELECT r.provider_id, count(*)::int AS received, ${stageAggregates},
              COALESCE(sum(s.returned), 0)::int AS returned,
              count(*) FILTER (WHERE r.status = 'WITHDRAWN')::int AS withdrawn,
              count(*) FILTER (WHERE r.status = 'ENDED')::int AS ended,
              COALESCE(sum(o.achieved), 0)::int AS achieved,
              COALESCE(sum(o.partly), 0)::int AS partly,
              COALESCE(sum(o.not_achieved), 0)::int AS not_achieved
       FROM r LEFT JOIN s ON s.id = r.id LEFT JOIN d ON d.id = r.id LEFT JOIN o ON o.id = r.id
       GROUP BY r.provider_id`,
      params.values,
    );
    const reasonParams = new SqlParams();
    const reasons = await this.reads.query<Record<string, unknown>[]>(
      `WITH r AS (${this.sentInPeriodSql(reasonParams, scope, period)} ${this.contractedWorkSql(reasonParams, 'r.pathways')})
       SELECT r.provider_id, c.to_status AS kind, COALESCE(c.reason, '(no reason given)') AS reason, count(*)::int AS n
       FROM r JOIN referral_status_changes c ON c.referral_id = r.id
       WHERE c.to_status IN ('RETURNED', 'WITHDRAWN')
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 4 DESC, 3`,
      reasonParams.values,
    );
    const codeParams = new SqlParams();
    const codes = await this.reads.query<Record<string, unknown>[]>(
      `WITH r AS (${this.sentInPeriodSql(codeParams, scope, period)} ${this.contractedWorkSql(codeParams, 'r.pathways')})
       SELECT r.provider_id, c.to_status AS kind, c.reason_code, count(*)::int AS n
       FROM r JOIN referral_status_changes c ON c.referral_id = r.id
       WHERE c.to_status IN ('RETURNED', 'WITHDRAWN')
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 4 DESC, 3`,
      codeParams.values,
    );
    return {
      rows: rows.map((r) => {
        const stage = (key: string): StageTiming => ({
          reached: r[`${key}_reached`] as number,
          medianDays: oneDecimal(r[`${key}_median`]),
          p90Days: oneDecimal(r[`${key}_p90`]),
          met: r[`${key}_met`] as number,
          missed: r[`${key}_missed`] as number,
          openOverdue: r[`${key}_open_overdue`] as number,
        });
        return {
          providerId: r.provider_id as string,
          received: r.received as number,
          firstContact: stage('firstcontact'),
          actionPlan: stage('actionplan'),
          approval: stage('approval'),
          returned: r.returned as number,
          withdrawn: r.withdrawn as number,
          ended: r.ended as number,
          outcomesAchieved: r.achieved as number,
          outcomesPartlyAchieved: r.partly as number,
          outcomesNotAchieved: r.not_achieved as number,
        };
      }),
      reasons: reasons.map((r) => ({
        providerId: r.provider_id as string,
        kind: r.kind as 'RETURNED' | 'WITHDRAWN',
        reason: r.reason as string,
        count: r.n as number,
      })),
      reasonCodes: codes.map((r) => ({
        providerId: r.provider_id as string,
        kind: r.kind as 'RETURNED' | 'WITHDRAWN',
        reasonCode: (r.reason_code as string | null) ?? null,
        count: r.n as number,
      })),
    };
  }

  /**
   * From need identified to first sent, by the role of whoever sent it; "in time" is within two working days
   * (the referral task's deadline), counted on the working-day calendar.
   */
  async timeliness(scope: ReportQueryScope, period: ReportPeriod): Promise<ReferralTimelinessRow[]> {
    const params = new SqlParams();
    const rows = await this.reads.query<Record<string, unknown>[]>(
      `WITH r AS (${this.sentInPeriodSql(params, scope, period)})
       SELECT COALESCE(r.referrer_role, 'UNKNOWN') AS referrer_role, count(*)::int AS sent,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_sent_at - r.need_identified_at) / 86400)
                FILTER (WHERE r.need_identified_at IS NOT NULL) AS median_days,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_sent_at - r.need_identified_at) / 86400)
                FILTER (WHERE r.need_identified_at IS NOT NULL) AS p90_days,
              count(*) FILTER (WHERE sent_day.working_day_number - need_day.working_day_number <= 2)::int AS in_time
       FROM r
       LEFT JOIN working_calendar need_day ON need_day.day = (r.need_identified_at AT TIME ZONE 'Europe/London')::date
       LEFT JOIN working_calendar sent_day ON sent_day.day = (r.first_sent_at AT TIME ZONE 'Europe/London')::date
       GROUP BY 1 ORDER BY 1`,
      params.values,
    );
    return rows.map((r) => ({
      referrerRole: r.referrer_role as string,
      sent: r.sent as number,
      medianDays: oneDecimal(r.median_days),
      p90Days: oneDecimal(r.p90_days),
      withinTwoWorkingDays: r.in_time as number,
    }));
  }

  /**
   * Providers answer only for work they are contracted for (crs-scope.ts): a referral counts when at least one of
   * its pathways is contracted in the phase it was sent in. Sent before her last release (or while she has never
   * been released) is before release. A recalled woman's referrals sent since her last release count as after
   * release: the looser reading, so that no provider escapes a referral it may have been contracted for.
   */
  private contractedWorkSql(params: SqlParams, pathwaysColumn: string): string {
    return `AND EXISTS (SELECT 1 FROM jsonb_array_elements(${pathwaysColumn}) cp
                        WHERE ${this.contractedPathwaySql(params, "cp.value->>'pathway'", RELEASED_AT_SQL)})`;
  }

  /** Whether the pathway in this expression is contracted in the phase the referral (alias r) was sent in. */
  private contractedPathwaySql(params: SqlParams, pathwayExpression: string, releasedAt: string): string {
    const pre = params.add(crsContractedPathways(CrsPhase.PRE_RELEASE));
    const post = params.add(crsContractedPathways(CrsPhase.POST_RELEASE));
    return `${pathwayExpression} = ANY(CASE
              WHEN ${releasedAt} IS NULL OR r.first_sent_at < ${releasedAt} THEN ${pre}::text[]
              ELSE ${post}::text[] END)`;
  }

  /**
   * Referrals first sent within the period (London dates), in scope: by the woman's prison, the provider, and
   * leaving out a referral whose every pathway is hidden from the reader.
   */
  private sentInPeriodSql(params: SqlParams, scope: ReportQueryScope, period: ReportPeriod): string {
    const hidden =
      scope.hiddenPathways.length === 0
        ? ''
        : `AND EXISTS (SELECT 1 FROM jsonb_array_elements(r.pathways) p
                       WHERE p.value->>'pathway' <> ALL(${params.add([...scope.hiddenPathways])}::text[]))`;
    return `SELECT r.*, ${RELEASED_AT_SQL} AS released_on_at_send
            FROM referrals r JOIN women w ON w.id = r.woman_id
            WHERE r.first_sent_at >= (${params.add(period.from)}::date::timestamp AT TIME ZONE 'Europe/London')
              AND r.first_sent_at < ((${params.add(period.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/London')
              ${params.inList(accountablePrisonSql('w'), scope.prisonCodes)}
              ${scope.providerId === null ? '' : `AND r.provider_id = ${params.add(scope.providerId)}::uuid`}
              ${hidden}`;
  }
}
