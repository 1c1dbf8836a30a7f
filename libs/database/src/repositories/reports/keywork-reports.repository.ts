/**
 * Keywork figures for the governor's report (recommendation 7): the sessions each prison recorded in a period,
 * and for every woman now in its custody the facts her next due date is worked out from (the domain does that,
 * with the same rule as her keywork task, so the report and the board never disagree).
 */
import { Injectable } from '@nestjs/common';
import { ReportReads } from './report-reads';
import { ReportPeriod, ReportQueryScope, SqlParams } from './report-sql';

export interface KeyworkWomanRow {
  prisonCode: string;
  receptionDate: string;
  lastSessionOn: string | null;
  /** Null when nobody has set her target (the default applies). */
  frequencyWeeks: number | null;
  sessionsInPeriod: number;
}

export interface KeyworkSessionsRow {
  prisonCode: string;
  sessions: number;
  women: number;
}

@Injectable()
export class KeyworkReportsRepository {
  constructor(private readonly reads: ReportReads) {}

  /** The women in custody in the prisons in scope, each with her last session (up to the end of the period). */
  async women(scope: ReportQueryScope, period: ReportPeriod): Promise<KeyworkWomanRow[]> {
    const params = new SqlParams();
    const from = params.add(period.from);
    const to = params.add(period.to);
    const rows = await this.reads.query<Record<string, unknown>[]>(
      `SELECT w.prison_code, to_char(w.reception_date, 'YYYY-MM-DD') AS reception_date,
              to_char(max(s.session_on), 'YYYY-MM-DD') AS last_session_on, t.frequency_weeks,
              count(s.id) FILTER (WHERE s.session_on >= ${from}::date)::int AS sessions_in_period
       FROM women w
       LEFT JOIN keywork_sessions s ON s.woman_id = w.id AND s.session_on <= ${to}::date
       LEFT JOIN keywork_targets t ON t.woman_id = w.id
       WHERE w.prison_code <> 'OUT' ${params.inList('w.prison_code', scope.prisonCodes)}
       GROUP BY w.id, w.prison_code, w.reception_date, t.frequency_weeks`,
      params.values,
    );
    return rows.map((r) => ({
      prisonCode: r.prison_code as string,
      receptionDate: r.reception_date as string,
      lastSessionOn: (r.last_session_on as string | null) ?? null,
      frequencyWeeks: (r.frequency_weeks as number | null) ?? null,
      sessionsInPeriod: r.sessions_in_period as number,
    }));
  }

  /** Sessions recorded in each prison in the period, and how many women they were with. */
  async sessions(scope: ReportQueryScope, period: ReportPeriod): Promise<KeyworkSessionsRow[]> {
    const params = new SqlParams();
    const rows = await this.reads.query<Record<string, unknown>[]>(
      `SELECT s.prison_code, count(*)::int AS sessions, count(DISTINCT s.woman_id)::int AS women
       FROM keywork_sessions s
       WHERE s.session_on BETWEEN ${params.add(period.from)}::date AND ${params.add(period.to)}::date
         ${params.inList('s.prison_code', scope.prisonCodes)}
       GROUP BY s.prison_code ORDER BY s.prison_code`,
      params.values,
    );
    return rows.map((r) => ({
      prisonCode: r.prison_code as string,
      sessions: r.sessions as number,
      women: r.women as number,
    }));
  }
}
