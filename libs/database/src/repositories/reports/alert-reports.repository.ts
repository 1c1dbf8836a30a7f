/** How many alerts fired in a period, how fast they were acknowledged, how far unacknowledged ones climbed. */
import { Injectable } from '@nestjs/common';
import { ReportReads } from './report-reads';
import { accountablePrisonSql, oneDecimal, ReportPeriod, ReportQueryScope, SqlParams } from './report-sql';

export interface AlertReportRow {
  prisonCode: string | null;
  kind: string;
  level: number;
  /** The rung's target in the task's catalogue ladder; null for other kinds and for referral stage tasks. */
  escalatedTo: string | null;
  fired: number;
  acknowledged: number;
  medianMinutesToAcknowledge: number | null;
  p90MinutesToAcknowledge: number | null;
}

@Injectable()
export class AlertReportsRepository {
  constructor(private readonly reads: ReportReads) {}

  /** Per prison, and across all prisons in scope (medians cannot be added up, so both come from the rows). */
  async alerts(
    scope: ReportQueryScope,
    period: ReportPeriod,
  ): Promise<{ totals: AlertReportRow[]; byPrison: AlertReportRow[] }> {
    const params = new SqlParams();
    const prison = accountablePrisonSql('w');
    const rows = await this.reads.query<Record<string, unknown>[]>(
      `SELECT prison_code, kind, level, escalated_to, GROUPING(prison_code) = 1 AS all_prisons,
              count(*)::int AS fired, count(acknowledged_at)::int AS acknowledged,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) FILTER (WHERE acknowledged_at IS NOT NULL) AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes) FILTER (WHERE acknowledged_at IS NOT NULL) AS p90
       FROM (
         SELECT ${prison} AS prison_code, a.kind, a.level, a.acknowledged_at,
                CASE WHEN a.kind = 'ESCALATED' THEN c.escalation_ladder -> (a.level - 1) ->> 'to' END AS escalated_to,
                extract(epoch FROM a.acknowledged_at - a.created_at) / 60 AS minutes
         FROM alerts a
         JOIN women w ON w.id = a.woman_id
         JOIN tasks t ON t.id = a.task_id
         LEFT JOIN task_catalogue c ON c.key = t.template_key
         WHERE a.created_at >= (${params.add(period.from)}::date::timestamp AT TIME ZONE 'Europe/London')
           AND a.created_at < ((${params.add(period.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/London')
           ${params.inList(prison, scope.prisonCodes)}
           ${params.notInList('t.pathway', scope.hiddenPathways)}
       ) fired
       GROUP BY GROUPING SETS ((prison_code, kind, level, escalated_to), (kind, level, escalated_to))
       ORDER BY prison_code NULLS FIRST, kind, level`,
      params.values,
    );
    const mapped = rows.map((r) => ({
      allPrisons: r.all_prisons as boolean,
      row: {
        prisonCode: r.prison_code as string | null,
        kind: r.kind as string,
        level: r.level as number,
        escalatedTo: r.escalated_to as string | null,
        fired: r.fired as number,
        acknowledged: r.acknowledged as number,
        medianMinutesToAcknowledge: oneDecimal(r.median),
        p90MinutesToAcknowledge: oneDecimal(r.p90),
      },
    }));
    return {
      totals: mapped.filter((m) => m.allPrisons).map((m) => m.row),
      byPrison: mapped.filter((m) => !m.allPrisons).map((m) => m.row),
    };
  }
}
