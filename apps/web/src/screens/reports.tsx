/**
 * Governor and manager reports: pick a report, the prisons it covers and (where it has one) the period; each
 * table can be downloaded as CSV (the same rows the API shows), and a chart is drawn where it helps. The
 * overdue tables drill down to the tasks behind a figure.
 */
import { useEffect, useMemo, useState } from 'react';
import { Cell, PrisonView, ReportResult, ReportTable, Role } from '@app/contracts';
import { api, ApiError, loadSession } from '../api';
import { ReportChart } from '../report-chart';
import { apiErrorText } from '../api-error-text';
import { formatNumber } from '../format';
import { MessageKey, t, useLocale } from '../i18n';
import {
  reportCellText,
  reportColumnLabel,
  reportFreshness,
  reportNotes,
  reportScope,
  reportTableTitle,
  reportTitle,
} from '../report-words';
import { taskTitle } from '../task-title';

type Report = ReportResult;
type Prison = PrisonView;

const REPORTS: readonly { path: string; label: MessageKey; period: boolean }[] = [
  { path: 'overdue-work', label: 'reports.overdueWork', period: false },
  { path: 'overdue-trend', label: 'reports.overdueTrend', period: false },
  { path: 'release-readiness', label: 'reports.releaseReadiness', period: false },
  { path: 'provider-accountability', label: 'reports.providerAccountability', period: true },
  { path: 'referral-timeliness', label: 'reports.referralTimeliness', period: true },
  { path: 'accommodation-outcomes', label: 'reports.accommodationOutcomes', period: true },
  { path: 'alerts', label: 'reports.alerts', period: true },
  { path: 'keywork', label: 'reports.keywork', period: true },
];

/** The columns drill-down needs but people do not: codes kept for links, hidden from the screen. */
const HIDDEN_COLUMNS = new Set(['ownerRoleCode', 'teamKey', 'providerId', 'pathwayCode', 'prisonCode', 'taskId']);

/** Downloads one table as CSV with the session's token (a plain link could not carry it). */
async function downloadCsv(url: string): Promise<void> {
  const token = loadSession()?.token;
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(response.status, t('reports.downloadFailed', { status: response.status }), {});
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'report.csv';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}

function cellText(value: Cell): string {
  if (value === null) return '–';
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

function TableView(props: {
  kind: string;
  table: ReportTable;
  csvUrl: string;
  onDrill?: (row: Record<string, Cell>) => void;
}) {
  const { kind, table, csvUrl, onDrill } = props;
  const title = reportTableTitle(kind, table);
  const [error, setError] = useState<string | null>(null);
  const columns = table.columns.filter((c) => !HIDDEN_COLUMNS.has(c.key));
  return (
    <section className="report-table" aria-labelledby={`table-${table.key}`}>
      <div className="report-table-head">
        <h2 id={`table-${table.key}`}>{title}</h2>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            downloadCsv(csvUrl).catch((e: unknown) => setError(String((e as Error).message)));
          }}
        >
          {t('reports.downloadCsv')}
          <span className="visually-hidden">: {title}</span>
        </button>
      </div>
      {error && (
        <p className="error-summary" role="alert">
          {error}
        </p>
      )}
      {table.rows.length === 0 ? (
        <p>{t('reports.nothingToShow')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col">
                    {reportColumnLabel(kind, c)}
                  </th>
                ))}
                {onDrill && <th scope="col">{t('reports.tasks')}</th>}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c.key} className={typeof row[c.key] === 'number' ? 'numeric' : undefined}>
                      {c.key === 'task' && typeof row[c.key] === 'string'
                        ? taskTitle(String(row[c.key]))
                        : (reportCellText(table, row[c.key]) ?? cellText(row[c.key]))}
                    </td>
                  ))}
                  {onDrill && (
                    <td>
                      <button type="button" className="link-button" onClick={() => onDrill(row)}>
                        {t('reports.showTasks')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function TrendChart({ report }: { report: Report }) {
  const locale = useLocale();
  const total = report.tables.find((t) => t.key === 'total');
  const labels = useMemo(() => (total?.rows ?? []).map((r) => String(r.weekEnding)), [total]);
  const series = useMemo(
    () => [
      { label: t('schedule.OVERDUE'), values: (total?.rows ?? []).map((r) => Number(r.overdue)), colour: '#d4351c' },
      {
        label: t('schedule.AT_RISK'),
        values: (total?.rows ?? []).map((r) => Number(r.atRisk)),
        colour: '#b58105',
        dashed: true,
      },
    ],
    // The series' names are in the reader's language: a switch redraws the chart.
    [total, locale],
  );
  if (!total) return null;
  return <ReportChart kind="line" title={t('reports.trendChartTitle')} labels={labels} series={series} />;
}

function AccommodationChart({ report }: { report: Report }) {
  const locale = useLocale();
  const byPrison = report.tables.find((t) => t.key === 'byPrison');
  const labels = useMemo(() => (byPrison?.rows ?? []).map((r) => String(r.prison)), [byPrison]);
  const series = useMemo(() => {
    const of = (key: string) => (byPrison?.rows ?? []).map((r) => Number(r[key] ?? 0));
    return [
      { label: t('reports.settled'), values: of('week12Settled'), colour: '#00703c' },
      { label: t('reports.transient'), values: of('week12Transient'), colour: '#b58105' },
      { label: t('reports.homeless'), values: of('week12Homeless'), colour: '#d4351c' },
      { label: t('reports.recalled'), values: of('week12Recalled'), colour: '#4c2c92' },
      { label: t('reports.unknown'), values: of('week12Unknown'), colour: '#505a5f' },
    ];
  }, [byPrison, locale]);
  if (!byPrison || byPrison.rows.length === 0) return null;
  return (
    <ReportChart kind="bar" stacked title={t('reports.accommodationChartTitle')} labels={labels} series={series} />
  );
}

function OverdueAgeChart({ report }: { report: Report }) {
  const locale = useLocale();
  const total = report.tables.find((table) => table.key === 'total');
  const labels = useMemo(
    () => [
      t('reports.workingDaysRange', { from: 1, to: 2 }),
      t('reports.workingDaysRange', { from: 3, to: 7 }),
      t('reports.workingDaysRange', { from: 8, to: 14 }),
      t('reports.workingDaysOver', { days: 14 }),
    ],
    [locale],
  );
  const series = useMemo(() => {
    const row = total?.rows[0] ?? {};
    return [
      {
        label: t('reports.overdueTasks'),
        values: ['overdue1to2', 'overdue3to7', 'overdue8to14', 'overdueOver14'].map((k) => Number(row[k] ?? 0)),
        colour: '#d4351c',
      },
    ];
  }, [total, locale]);
  if (!total) return null;
  return <ReportChart kind="bar" title={t('reports.ageChartTitle')} labels={labels} series={series} />;
}

export function Reports(props: { role: Role; prisonCodes: string[] }) {
  const [reportPath, setReportPath] = useState<string>('overdue-work');
  const [scope, setScope] = useState<string>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [prisons, setPrisons] = useState<Prison[]>([]);
  const [report, setReport] = useState<Report | null>(null);
  const [drill, setDrill] = useState<{ query: string; report: Report } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const chosen = REPORTS.find((r) => r.path === reportPath) ?? REPORTS[0];
  const isProvider = props.role === Role.CRS_CASEWORKER;

  useEffect(() => {
    api<Prison[]>('GET', '/reference/prisons')
      .then(setPrisons)
      .catch(() => setPrisons([]));
  }, []);
  useEffect(() => {
    if (isProvider) setReportPath('provider-accountability');
  }, [isProvider]);

  const query = useMemo(() => {
    const params = new URLSearchParams();
    if (scope.startsWith('prison:')) params.set('prison', scope.slice(7));
    if (scope.startsWith('region:')) params.set('region', scope.slice(7));
    if (chosen.period && from) params.set('from', from);
    if (chosen.period && to) params.set('to', to);
    return params.toString();
  }, [scope, from, to, chosen.period]);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    setError(null);
    setDrill(null);
    api<Report>('GET', `/reports/${reportPath}${query ? `?${query}` : ''}`)
      .then((r) => !cancelled && setReport(r))
      .catch((e: unknown) => {
        if (cancelled) return;
        setReport(null);
        setError(apiErrorText(e));
      })
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [reportPath, query]);

  const ownPrisons = props.role === Role.ADMIN ? prisons.map((p) => p.code) : props.prisonCodes;
  const regions = props.role === Role.ADMIN ? [...new Set(prisons.map((p) => p.regionCode).filter(Boolean))] : [];
  const csvUrl = (path: string, table: string, extra = query) =>
    `/reports/${path}?${extra ? `${extra}&` : ''}format=csv&table=${table}`;

  function drillInto(table: string, row: Record<string, Cell>) {
    const params = new URLSearchParams(query);
    if (table === 'byTeam') {
      params.set('ownerRole', String(row.ownerRoleCode));
      if (row.teamKey !== null) params.set('team', String(row.teamKey));
    }
    if (table === 'byPathway') params.set('pathway', String(row.pathwayCode));
    if (table === 'byProvider' && row.providerId !== null) params.set('provider', String(row.providerId));
    if (table === 'byPrison' && row.prisonCode !== null) params.set('prison', String(row.prisonCode));
    const drillQuery = params.toString();
    api<Report>('GET', `/reports/overdue-work/tasks?${drillQuery}`)
      .then((r) => setDrill({ query: drillQuery, report: r }))
      .catch((e: unknown) => setError(apiErrorText(e)));
  }

  return (
    <main className="reports">
      <h1>{t('reports.title')}</h1>
      <nav aria-label={t('reports.title')} className="report-tabs">
        {REPORTS.filter((r) => !isProvider || r.path === 'provider-accountability').map((r) => (
          <button
            key={r.path}
            type="button"
            className={r.path === reportPath ? 'tab tab-current' : 'tab'}
            aria-current={r.path === reportPath ? 'page' : undefined}
            onClick={() => setReportPath(r.path)}
          >
            {t(r.label)}
          </button>
        ))}
      </nav>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        {!isProvider && (
          <label>
            {t('reports.prisons')}
            <select value={scope} onChange={(e) => setScope(e.target.value)}>
              <option value="">
                {props.role === Role.ADMIN ? t('reports.wholeEstate') : t('reports.allMyPrisons')}
              </option>
              {regions.map((code) => (
                <option key={`region:${code}`} value={`region:${code}`}>
                  {t('reports.region', { code })}
                </option>
              ))}
              {ownPrisons.map((code) => (
                <option key={code} value={`prison:${code}`}>
                  {prisons.find((p) => p.code === code)?.name ?? code}
                </option>
              ))}
            </select>
          </label>
        )}
        {chosen.period && (
          <>
            <label>
              {t('reports.from')}
              <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label>
              {t('reports.to')}
              <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </label>
          </>
        )}
      </form>
      {error && (
        <p className="error-summary" role="alert">
          {error}
        </p>
      )}
      {loading && <p role="status">{t('reports.loading')}</p>}
      {report && !loading && (
        <>
          <h2 className="report-title">
            {reportTitle(report)}: {reportScope(report)}
            {report.period && ` (${t('reports.period', { from: report.period.from, to: report.period.to })})`}
          </h2>
          <p className="freshness">{reportFreshness(report)}</p>
          {reportNotes(report).map((n) => (
            <p key={n} className="notice">
              {n}
            </p>
          ))}
          {report.report === 'OVERDUE_TREND' && <TrendChart report={report} />}
          {report.report === 'OVERDUE_WORK' && <OverdueAgeChart report={report} />}
          {report.report === 'ACCOMMODATION_OUTCOMES' && <AccommodationChart report={report} />}
          {report.tables.map((table) => (
            <TableView
              kind={report.report}
              key={table.key}
              table={table}
              csvUrl={csvUrl(reportPath, table.key)}
              onDrill={
                report.report === 'OVERDUE_WORK' && table.key !== 'total'
                  ? (row) => drillInto(table.key, row)
                  : undefined
              }
            />
          ))}
          {drill && (
            <div className="drill">
              <button type="button" className="button-secondary" onClick={() => setDrill(null)}>
                {t('reports.closeTaskList')}
              </button>
              {reportNotes(drill.report).map((n) => (
                <p key={n} className="notice">
                  {n}
                </p>
              ))}
              {drill.report.tables.map((table) => (
                <TableView
                  kind={drill.report.report}
                  key={table.key}
                  table={table}
                  csvUrl={`/reports/overdue-work/tasks?${drill.query}&format=csv&table=${table.key}`}
                />
              ))}
            </div>
          )}
        </>
      )}
    </main>
  );
}
