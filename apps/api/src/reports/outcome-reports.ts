/** Accommodation outcomes and alert handling, as tables with their rates. */
import { AccommodationOutcomeRow, AlertReportRow } from '@app/database';
import { percentage } from '@app/domain';
import { codeLabel, ReportNames } from './report-labels';
import { Cell, column, ReportTable } from './report-table';

function accommodationCells(r: Omit<AccommodationOutcomeRow, 'prisonCode'>): Record<string, Cell> {
  return {
    released: r.released,
    nightHoused: r.nightHoused,
    nightNotHoused: r.nightNotHoused,
    nightUnknown: r.nightUnknown,
    nightHousedRate: percentage(r.nightHoused, r.released),
    reachedWeek12: r.reachedWeek12,
    week12Settled: r.week12Settled,
    week12Transient: r.week12Transient,
    week12Homeless: r.week12Homeless,
    week12Recalled: r.week12Recalled,
    week12Unknown: r.week12Unknown,
    week12SettledRate: percentage(r.week12Settled, r.reachedWeek12),
    week12TransientRate: percentage(r.week12Transient, r.reachedWeek12),
    week12RecalledRate: percentage(r.week12Recalled, r.reachedWeek12),
    week12UnknownRate: percentage(r.week12Unknown, r.reachedWeek12),
  };
}

const ACCOMMODATION_COLUMNS = [
  column('released', 'Released'),
  column('nightHoused', 'Housed on the night'),
  column('nightNotHoused', 'Not housed on the night'),
  column('nightUnknown', 'Night not recorded'),
  column('nightHousedRate', '% housed on the night'),
  column('reachedWeek12', 'Reached 12 weeks'),
  column('week12Settled', '12 weeks: settled'),
  column('week12Transient', '12 weeks: transient'),
  column('week12Homeless', '12 weeks: homeless'),
  column('week12Recalled', '12 weeks: recalled'),
  column('week12Unknown', '12 weeks: unknown'),
  column('week12SettledRate', '12 weeks: % settled'),
  column('week12TransientRate', '12 weeks: % transient'),
  column('week12RecalledRate', '12 weeks: % recalled'),
  column('week12UnknownRate', '12 weeks: % unknown'),
];

export function accommodationTables(rows: AccommodationOutcomeRow[], names: ReportNames): ReportTable[] {
  const sum = (key: keyof Omit<AccommodationOutcomeRow, 'prisonCode'>) => rows.reduce((n, r) => n + r[key], 0);
  const total = {
    released: sum('released'),
    nightHoused: sum('nightHoused'),
    nightNotHoused: sum('nightNotHoused'),
    nightUnknown: sum('nightUnknown'),
    reachedWeek12: sum('reachedWeek12'),
    week12Settled: sum('week12Settled'),
    week12Transient: sum('week12Transient'),
    week12Homeless: sum('week12Homeless'),
    week12Recalled: sum('week12Recalled'),
    week12Unknown: sum('week12Unknown'),
  };
  return [
    {
      key: 'total',
      title: 'All releases in the period',
      columns: ACCOMMODATION_COLUMNS,
      rows: [accommodationCells(total)],
    },
    {
      key: 'byPrison',
      title: 'By releasing prison',
      columns: [column('prison', 'Prison'), column('prisonCode', 'Prison code'), ...ACCOMMODATION_COLUMNS],
      rows: rows.map((r) => ({
        prison: names.prison(r.prisonCode),
        prisonCode: r.prisonCode,
        ...accommodationCells(r),
      })),
    },
  ];
}

function alertCells(r: AlertReportRow): Record<string, Cell> {
  return {
    kind: codeLabel(r.kind),
    level: r.level,
    escalatedTo: r.escalatedTo === null ? null : codeLabel(r.escalatedTo),
    fired: r.fired,
    acknowledged: r.acknowledged,
    acknowledgedRate: percentage(r.acknowledged, r.fired),
    medianMinutesToAcknowledge: r.medianMinutesToAcknowledge,
    p90MinutesToAcknowledge: r.p90MinutesToAcknowledge,
  };
}

const ALERT_COLUMNS = [
  column('kind', 'Alert'),
  column('level', 'Escalation level'),
  column('escalatedTo', 'Escalated to'),
  column('fired', 'Fired'),
  column('acknowledged', 'Acknowledged'),
  column('acknowledgedRate', '% acknowledged'),
  column('medianMinutesToAcknowledge', 'Median minutes to acknowledge'),
  column('p90MinutesToAcknowledge', '90th percentile minutes to acknowledge'),
];

export function alertTables(totals: AlertReportRow[], byPrison: AlertReportRow[], names: ReportNames): ReportTable[] {
  return [
    {
      key: 'total',
      title: 'Alerts fired in the period, all prisons in scope',
      columns: ALERT_COLUMNS,
      rows: totals.map(alertCells),
    },
    {
      key: 'byPrison',
      title: 'By prison',
      columns: [column('prison', 'Prison'), column('prisonCode', 'Prison code'), ...ALERT_COLUMNS],
      rows: byPrison.map((r) => ({ prison: names.prison(r.prisonCode), prisonCode: r.prisonCode, ...alertCells(r) })),
    },
  ];
}
