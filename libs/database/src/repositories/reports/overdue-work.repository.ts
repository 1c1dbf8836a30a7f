/**
 * Open tasks that are overdue or at risk, counted by owning team, provider, pathway and age, and listed for
 * drill-down. Read live from the tasks table: the partial index on open tasks' at-risk time keeps it small.
 */
import { Injectable } from '@nestjs/common';
import { ReportReads } from './report-reads';
import { accountablePrisonSql, openTaskSql, ReportQueryScope, SqlParams } from './report-sql';

export interface OverdueWorkGroupRow {
  ownerRole: string;
  teamKey: string | null;
  providerId: string | null;
  pathway: string;
  prisonCode: string | null;
  overdue: boolean;
  /** Working days late, counting today (1 at least); null when only at risk. */
  workingDaysLate: number | null;
  count: number;
}

export interface OverdueTaskFilter {
  ownerRole?: string;
  teamKey?: string;
  providerId?: string;
  pathway?: string;
  prisonCode?: string;
  state?: 'OVERDUE' | 'AT_RISK';
  minWorkingDaysLate?: number;
  maxWorkingDaysLate?: number;
}

export interface OverdueTaskRow {
  taskId: string;
  title: string;
  pathway: string;
  ownerRole: string;
  teamKey: string | null;
  providerId: string | null;
  status: string;
  dueAt: Date;
  workingDaysLate: number | null;
  assigneeName: string | null;
  womanId: string;
  womanName: string;
  prisonNumber: string;
  prisonCode: string | null;
}

@Injectable()
export class OverdueWorkRepository {
  constructor(private readonly reads: ReportReads) {}

  /** One row per (team, provider, pathway, prison, state, days late) with its count. */
  async groups(scope: ReportQueryScope, now: Date, today: string): Promise<OverdueWorkGroupRow[]> {
    const params = new SqlParams();
    const rows = await this.reads.query<Record<string, unknown>[]>(
      `WITH late AS (${this.lateTasksSql(params, scope, now, today)})
       SELECT owner_role, team_key, provider_id, pathway, prison_code, overdue, working_days_late, count(*)::int AS n
       FROM late GROUP BY 1, 2, 3, 4, 5, 6, 7`,
      params.values,
    );
    return rows.map((r) => ({
      ownerRole: r.owner_role as string,
      teamKey: r.team_key as string | null,
      providerId: r.provider_id as string | null,
      pathway: r.pathway as string,
      prisonCode: r.prison_code as string | null,
      overdue: r.overdue as boolean,
      workingDaysLate: r.working_days_late as number | null,
      count: r.n as number,
    }));
  }

  /** The tasks behind a figure, most late first. */
  async tasks(
    scope: ReportQueryScope,
    now: Date,
    today: string,
    filter: OverdueTaskFilter,
    limit: number,
  ): Promise<{ rows: OverdueTaskRow[]; total: number }> {
    const params = new SqlParams();
    const late = this.lateTasksSql(params, scope, now, today);
    const where: string[] = ['TRUE'];
    const eq = (column: string, value: string | undefined) => {
      if (value !== undefined) where.push(`${column} = ${params.add(value)}`);
    };
    eq('owner_role', filter.ownerRole);
    eq('team_key', filter.teamKey);
    eq('provider_id', filter.providerId);
    eq('pathway', filter.pathway);
    eq('prison_code', filter.prisonCode);
    if (filter.state !== undefined) where.push(filter.state === 'OVERDUE' ? 'overdue' : 'NOT overdue');
    if (filter.minWorkingDaysLate !== undefined) {
      where.push(`working_days_late >= ${params.add(filter.minWorkingDaysLate)}`);
    }
    if (filter.maxWorkingDaysLate !== undefined) {
      where.push(`working_days_late <= ${params.add(filter.maxWorkingDaysLate)}`);
    }
    const limitParam = params.add(limit);
    const rows = await this.reads.query<Record<string, unknown>[]>(
      `WITH late AS (${late}), picked AS (SELECT * FROM late WHERE ${where.join(' AND ')})
       SELECT p.*, t.title, t.status, u.display_name AS assignee_name,
              w.first_name || ' ' || w.last_name AS woman_name, w.prison_number, count(*) OVER ()::int AS total
       FROM picked p
       JOIN tasks t ON t.id = p.task_id
       JOIN women w ON w.id = t.woman_id
       LEFT JOIN users u ON u.id = t.assignee_id
       ORDER BY p.due_at, p.task_id
       LIMIT ${limitParam}`,
      params.values,
    );
    return {
      total: rows.length === 0 ? 0 : (rows[0].total as number),
      rows: rows.map((r) => ({
        taskId: r.task_id as string,
        title: r.title as string,
        pathway: r.pathway as string,
        ownerRole: r.owner_role as string,
        teamKey: r.team_key as string | null,
        providerId: r.provider_id as string | null,
        status: r.status as string,
        dueAt: r.due_at as Date,
        workingDaysLate: r.working_days_late as number | null,
        assigneeName: r.assignee_name as string | null,
        womanId: r.woman_id as string,
        womanName: r.woman_name as string,
        prisonNumber: r.prison_number as string,
        prisonCode: r.prison_code as string | null,
      })),
    };
  }

  /**
   * Open tasks past their at-risk time, with the team that owns each (prison staff by prison, COMs by release
   * area, caseworkers by provider), and how many working days late the overdue ones are.
   */
  private lateTasksSql(params: SqlParams, scope: ReportQueryScope, now: Date, today: string): string {
    const prison = accountablePrisonSql('w');
    const nowParam = params.add(now);
    const todayParam = params.add(today);
    return `SELECT t.id AS task_id, t.woman_id, t.owner_role, t.pathway, t.due_at,
              ${prison} AS prison_code,
              CASE t.owner_role WHEN 'COM' THEN w.release_area_code
                   WHEN 'CRS_CASEWORKER' THEN COALESCE(t.claimed_by_provider_id, ra.provider_id)::text
                   ELSE ${prison} END AS team_key,
              CASE WHEN t.owner_role = 'CRS_CASEWORKER' THEN COALESCE(t.claimed_by_provider_id, ra.provider_id) END
                AS provider_id,
              t.due_at <= ${nowParam} AS overdue,
              CASE WHEN t.due_at <= ${nowParam}
                   THEN GREATEST(1, today.working_day_number - due.working_day_number) END AS working_days_late
       FROM tasks t
       JOIN women w ON w.id = t.woman_id
       LEFT JOIN release_areas ra ON ra.code = w.release_area_code
       LEFT JOIN working_calendar due ON due.day = t.due_date
       LEFT JOIN working_calendar today ON today.day = ${todayParam}::date
       WHERE ${openTaskSql('t')}
         AND t.at_risk_at <= ${nowParam}
         ${params.inList(prison, scope.prisonCodes)}
         ${params.notInList('t.pathway', scope.hiddenPathways)}`;
  }
}
