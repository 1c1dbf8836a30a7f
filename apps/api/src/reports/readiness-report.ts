/** Women releasing soon with release-critical work still open: who, when, and exactly what is missing. */
import { ReleaseReadinessRow } from '@app/database';
import { COM_ALLOCATION_TASK_KEY, daysBetween } from '@app/domain';
import { codeLabel, ReportNames, roleLabel } from './report-labels';
import { missingWords } from './report-words';
import { column, ReportTable } from './report-table';

export function releaseReadinessTables(rows: ReleaseReadinessRow[], today: string, names: ReportNames): ReportTable[] {
  const notReady = rows.filter((r) => r.missing.length > 0);
  // No COM allocated days before release (com-allocation.ts): the handover to probation has not happened.
  const withoutCom = rows.filter((r) => r.missing.some((m) => m.templateKey === COM_ALLOCATION_TASK_KEY));
  const tables: ReportTable[] = [
    {
      key: 'summary',
      title: 'Releases in the window',
      columns: [
        column('releasing', 'Releasing'),
        column('notReady', 'With release-critical work open'),
        column('ready', 'Ready'),
        column('withoutCom', 'Without a community offender manager'),
      ],
      rows: [
        {
          releasing: rows.length,
          notReady: notReady.length,
          ready: rows.length - notReady.length,
          withoutCom: withoutCom.length,
        },
      ],
    },
    {
      key: 'women',
      title: 'Women releasing with release-critical work open',
      columns: [
        column('woman', 'Woman'),
        column('prisonNumber', 'Prison number'),
        column('prison', 'Prison'),
        column('releaseDate', 'Release date'),
        column('daysToGo', 'Days to go'),
        column('missingCount', 'Tasks open'),
        column('overdueCount', 'Of which overdue'),
        column('missing', 'What is missing'),
      ],
      rows: notReady.map((r) => ({
        woman: r.womanName,
        prisonNumber: r.prisonNumber,
        prison: names.prison(r.prisonCode),
        releaseDate: r.releaseDate,
        daysToGo: daysBetween(today, r.releaseDate),
        missingCount: r.missing.length,
        overdueCount: r.missing.filter((m) => m.overdue).length,
        missing: r.missing
          .map((m) => `${m.title} (${codeLabel(m.pathway)}, ${roleLabel(m.ownerRole)}${m.overdue ? ', overdue' : ''})`)
          .join('; '),
      })),
    },
  ];
  return tables.map((table) =>
    table.key === 'women'
      ? {
          ...table,
          words: Object.fromEntries(
            notReady.map((r, i) => [String(table.rows[i].missing), r.missing.map(missingWords)]),
          ),
        }
      : table,
  );
}
