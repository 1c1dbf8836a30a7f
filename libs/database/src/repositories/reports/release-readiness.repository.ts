/** Women released in the next days with release-critical tasks still open: what is missing, for whom. */
import { Injectable } from '@nestjs/common';
import { ReportReads } from './report-reads';
import { openTaskSql, ReportQueryScope, SqlParams } from './report-sql';

export interface ReleaseReadinessRow {
  womanId: string;
  womanName: string;
  prisonNumber: string;
  prisonCode: string;
  releaseDate: string;
  /** Open release-critical tasks, soonest due first; empty when she is ready. */
  missing: {
    title: string;
    templateKey: string;
    pathway: string;
    ownerRole: string;
    dueAt: Date | null;
    overdue: boolean;
  }[];
}

@Injectable()
export class ReleaseReadinessRepository {
  constructor(private readonly reads: ReportReads) {}

  /** Every woman in custody releasing between the dates (inclusive), ready or not. */
  async releasing(scope: ReportQueryScope, from: string, to: string, now: Date): Promise<ReleaseReadinessRow[]> {
    const params = new SqlParams();
    const rows = await this.reads.query<Record<string, unknown>[]>(
      `SELECT w.id, w.first_name || ' ' || w.last_name AS woman_name, w.prison_number, w.prison_code,
              to_char(w.release_date, 'YYYY-MM-DD') AS release_date,
              COALESCE(json_agg(json_build_object('title', t.title, 'templateKey', t.template_key, 'pathway', t.pathway, 'ownerRole', t.owner_role,
                'dueAt', t.due_at, 'overdue', t.due_at <= ${params.add(now)}) ORDER BY t.due_at, t.title)
                FILTER (WHERE t.id IS NOT NULL), '[]') AS missing
       FROM women w
       LEFT JOIN tasks t ON t.woman_id = w.id AND t.release_critical AND ${openTaskSql('t')}
         ${params.notInList('t.pathway', scope.hiddenPathways)}
       WHERE w.prison_code <> 'OUT'
         AND w.release_date BETWEEN ${params.add(from)}::date AND ${params.add(to)}::date
         ${params.inList('w.prison_code', scope.prisonCodes)}
       GROUP BY w.id
       ORDER BY w.release_date, w.last_name, w.first_name, w.id`,
      params.values,
    );
    return rows.map((r) => ({
      womanId: r.id as string,
      womanName: r.woman_name as string,
      prisonNumber: r.prison_number as string,
      prisonCode: r.prison_code as string,
      releaseDate: r.release_date as string,
      missing: (
        r.missing as {
          title: string;
          templateKey: string;
          pathway: string;
          ownerRole: string;
          dueAt: string | null;
          overdue: boolean;
        }[]
      ).map((m) => ({ ...m, dueAt: m.dueAt === null ? null : new Date(m.dueAt) })),
    }));
  }
}
