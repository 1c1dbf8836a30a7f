/**
 * The weekly overdue roll-up behind the trend chart: per prison and pathway, how many open tasks were overdue
 * and at risk at an instant. The worker takes each week's figure once the week ends; a week it missed is
 * reconstructed from the tasks' deadlines and closing times, so the chart never has a hole.
 */
import { Injectable } from '@nestjs/common';
import { ReportReads } from './report-reads';
import { DataSource } from 'typeorm';
import { Tx } from '../unit-of-work.types';
import { accountablePrisonSql, ReportQueryScope, SqlParams } from './report-sql';

export interface OverdueSnapshotRow {
  takenAt: Date;
  prisonCode: string;
  overdue: number;
  atRisk: number;
}

@Injectable()
export class OverdueSnapshotsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReportReads,
  ) {}

  /**
   * Takes the figures of every instant that has none, under an advisory lock so that several workers do the
   * work once. Answers how many instants it took (0 when another worker holds the lock).
   */
  async takeMissing(instants: readonly Date[]): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const [{ locked }] = await tx.query<{ locked: boolean }[]>(
        `SELECT pg_try_advisory_xact_lock(hashtext('resettle:overdue_snapshots')) AS locked`,
      );
      if (!locked) return 0;
      const missing = await this.missing(instants, tx);
      for (const at of missing) await this.take(at, tx);
      return missing.length;
    });
  }

  /** The instants among these that have no figures yet. */
  async missing(instants: readonly Date[], tx?: Tx): Promise<Date[]> {
    if (instants.length === 0) return [];
    const rows = await (tx ?? this.dataSource).query<{ taken_at: Date }[]>(
      `SELECT DISTINCT taken_at FROM overdue_snapshots WHERE taken_at = ANY($1::timestamptz[])`,
      [instants],
    );
    const present = new Set(rows.map((r) => r.taken_at.getTime()));
    return instants.filter((i) => !present.has(i.getTime()));
  }

  /**
   * Counts what was open, past its at-risk time, at `at`: created by then, not closed by then. Prisons with
   * nothing late get a row of zeros, so a taken week is told apart from a missing one. Safe to run twice.
   */
  async take(at: Date, tx?: Tx): Promise<void> {
    const prison = accountablePrisonSql('w');
    await (tx ?? this.dataSource).query(
      `INSERT INTO overdue_snapshots (taken_at, prison_code, pathway, overdue_count, at_risk_count)
       SELECT $1::timestamptz, p.code, COALESCE(late.pathway, ''), COALESCE(late.overdue, 0), COALESCE(late.at_risk, 0)
       FROM prisons p
       LEFT JOIN (
         SELECT ${prison} AS prison_code, t.pathway,
                count(*) FILTER (WHERE t.due_at <= $1)::int AS overdue,
                count(*) FILTER (WHERE t.due_at > $1)::int AS at_risk
         FROM tasks t JOIN women w ON w.id = t.woman_id
         WHERE t.at_risk_at <= $1 AND t.created_at <= $1
           AND (t.completed_at IS NULL OR t.completed_at > $1)
           AND (t.completed_at IS NOT NULL OR t.status IN ('TODO', 'IN_PROGRESS', 'BLOCKED'))
         GROUP BY 1, 2
       ) late ON late.prison_code = p.code
       ON CONFLICT DO NOTHING`,
      [at],
    );
  }

  async read(scope: ReportQueryScope, instants: readonly Date[]): Promise<OverdueSnapshotRow[]> {
    const params = new SqlParams();
    const rows = await this.reads.query<Record<string, unknown>[]>(
      `SELECT taken_at, prison_code, sum(overdue_count)::int AS overdue, sum(at_risk_count)::int AS at_risk
       FROM overdue_snapshots
       WHERE taken_at = ANY(${params.add(instants)}::timestamptz[])
         ${params.inList('prison_code', scope.prisonCodes)}
         ${params.notInList('pathway', scope.hiddenPathways)}
       GROUP BY 1, 2 ORDER BY 1, 2`,
      params.values,
    );
    return rows.map((r) => ({
      takenAt: r.taken_at as Date,
      prisonCode: r.prison_code as string,
      overdue: r.overdue as number,
      atRisk: r.at_risk as number,
    }));
  }
}
