/** The weekly overdue counts per prison for the last 12 weeks, with this week's live figure last. */
import { OverdueSnapshotRow } from '@app/database';
import { londonDateOf } from '@app/domain';
import { ReportNames } from './report-labels';
import { column, ReportTable } from './report-table';

export interface LivePrisonCount {
  prisonCode: string;
  overdue: number;
  atRisk: number;
}

export function overdueTrendTables(
  snapshots: OverdueSnapshotRow[],
  live: LivePrisonCount[],
  now: Date,
  names: ReportNames,
): ReportTable[] {
  const rows = [
    ...snapshots.map((s) => ({ weekEnding: londonDateOf(new Date(s.takenAt.getTime() - 1)), live: 'no', ...s })),
    ...live.map((l) => ({ weekEnding: londonDateOf(now), live: 'yes', ...l })),
  ];
  const weeks = [...new Set(rows.map((r) => r.weekEnding))];
  return [
    {
      key: 'total',
      title: 'Overdue tasks at the end of each week, all prisons in scope',
      columns: [
        column('weekEnding', 'Week ending'),
        column('live', 'Live (this week so far)'),
        column('overdue', 'Overdue'),
        column('atRisk', 'At risk'),
      ],
      rows: weeks.map((week) => {
        const inWeek = rows.filter((r) => r.weekEnding === week);
        return {
          weekEnding: week,
          live: inWeek[0].live,
          overdue: inWeek.reduce((sum, r) => sum + r.overdue, 0),
          atRisk: inWeek.reduce((sum, r) => sum + r.atRisk, 0),
        };
      }),
    },
    {
      key: 'byPrison',
      title: 'Overdue tasks at the end of each week, by prison',
      columns: [
        column('weekEnding', 'Week ending'),
        column('live', 'Live (this week so far)'),
        column('prison', 'Prison'),
        column('prisonCode', 'Prison code'),
        column('overdue', 'Overdue'),
        column('atRisk', 'At risk'),
      ],
      rows: rows.map((r) => ({
        weekEnding: r.weekEnding,
        live: r.live,
        prison: names.prison(r.prisonCode),
        prisonCode: r.prisonCode,
        overdue: r.overdue,
        atRisk: r.atRisk,
      })),
    },
  ];
}
