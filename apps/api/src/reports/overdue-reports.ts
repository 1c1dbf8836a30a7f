/** Shapes the overdue-work figures into tables: by team, provider, pathway and prison, each aged in buckets. */
import { OverdueTaskRow, OverdueWorkGroupRow } from '@app/database';
import { OVERDUE_AGE_BUCKETS, overdueAgeBucket } from '@app/domain';
import { codeLabel, ReportNames, roleLabel } from './report-labels';
import { Cell, column, ReportColumn, ReportTable } from './report-table';

const COUNT_COLUMNS: ReportColumn[] = [
  column('atRisk', 'At risk'),
  column('overdue', 'Overdue'),
  ...OVERDUE_AGE_BUCKETS.map((b) => column(b.key, `Overdue ${b.label}`)),
];

function emptyCounts(): Record<string, number> {
  return Object.fromEntries(COUNT_COLUMNS.map((c) => [c.key, 0]));
}

function addTo(counts: Record<string, number>, row: OverdueWorkGroupRow): void {
  if (!row.overdue) {
    counts.atRisk += row.count;
    return;
  }
  counts.overdue += row.count;
  counts[overdueAgeBucket(row.workingDaysLate ?? 1)] += row.count;
}

/** Groups rows by a key, sums their counts, and orders the groups most overdue first. */
function tally(
  rows: OverdueWorkGroupRow[],
  keyOf: (row: OverdueWorkGroupRow) => string | null,
  describe: (key: string, sample: OverdueWorkGroupRow) => Record<string, Cell>,
): Record<string, Cell>[] {
  const groups = new Map<string, { sample: OverdueWorkGroupRow; counts: Record<string, number> }>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    const group = groups.get(key) ?? { sample: row, counts: emptyCounts() };
    addTo(group.counts, row);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .map(([key, g]) => ({ ...describe(key, g.sample), ...g.counts }))
    .sort((a, b) => (b.overdue as number) - (a.overdue as number) || (b.atRisk as number) - (a.atRisk as number));
}

export function overdueWorkTables(rows: OverdueWorkGroupRow[], names: ReportNames): ReportTable[] {
  const total = emptyCounts();
  rows.forEach((r) => addTo(total, r));
  return [
    {
      key: 'total',
      title: 'All open work past its at-risk point',
      columns: COUNT_COLUMNS,
      rows: [total],
    },
    {
      key: 'byTeam',
      title: 'By owning role and team',
      columns: [
        column('ownerRole', 'Owning role'),
        column('team', 'Team'),
        column('teamKey', 'Team code'),
        ...COUNT_COLUMNS,
      ],
      rows: tally(
        rows,
        (r) => `${r.ownerRole}|${r.teamKey ?? ''}`,
        (_, r) => ({
          ownerRole: roleLabel(r.ownerRole),
          team: names.team(r.ownerRole, r.teamKey),
          ownerRoleCode: r.ownerRole,
          teamKey: r.teamKey,
        }),
      ),
    },
    {
      key: 'byProvider',
      title: 'By CRS provider (tasks the provider owns)',
      columns: [column('provider', 'CRS provider'), column('providerId', 'Provider id'), ...COUNT_COLUMNS],
      rows: tally(
        rows,
        (r) => r.providerId,
        (id) => ({ provider: names.provider(id), providerId: id }),
      ),
    },
    {
      key: 'byPathway',
      title: 'By pathway',
      columns: [column('pathway', 'Pathway'), column('pathwayCode', 'Pathway code'), ...COUNT_COLUMNS],
      rows: tally(
        rows,
        (r) => r.pathway,
        (pathway) => ({ pathway: codeLabel(pathway), pathwayCode: pathway }),
      ),
    },
    {
      key: 'byPrison',
      title: 'By prison',
      columns: [column('prison', 'Prison'), column('prisonCode', 'Prison code'), ...COUNT_COLUMNS],
      rows: tally(
        rows,
        (r) => r.prisonCode ?? '',
        (code) => ({ prison: names.prison(code || null), prisonCode: code || null }),
      ),
    },
  ];
}

export function overdueTasksTable(rows: OverdueTaskRow[], names: ReportNames): ReportTable {
  return {
    key: 'tasks',
    title: 'The tasks behind the figure',
    columns: [
      column('woman', 'Woman'),
      column('prisonNumber', 'Prison number'),
      column('prison', 'Prison'),
      column('task', 'Task'),
      column('pathway', 'Pathway'),
      column('ownerRole', 'Owning role'),
      column('team', 'Team'),
      column('assignee', 'Assigned to'),
      column('status', 'Status'),
      column('dueAt', 'Due'),
      column('workingDaysLate', 'Working days late'),
      column('taskId', 'Task id'),
    ],
    rows: rows.map((r) => ({
      woman: r.womanName,
      prisonNumber: r.prisonNumber,
      prison: names.prison(r.prisonCode),
      task: r.title,
      pathway: codeLabel(r.pathway),
      ownerRole: roleLabel(r.ownerRole),
      team: names.team(r.ownerRole, r.teamKey),
      assignee: r.assigneeName,
      status: codeLabel(r.status),
      dueAt: r.dueAt.toISOString(),
      workingDaysLate: r.workingDaysLate,
      taskId: r.taskId,
    })),
  };
}
