/**
 * Governor and manager reports: pick a report, the prisons it covers and (where it has one) the period; each
 * table can be downloaded as CSV (the same rows the API shows), and a chart is drawn where it helps. The
 * overdue tables drill down to the tasks behind a figure.
 */
import { useEffect, useMemo, useState } from 'react';
import { Cell, PrisonView, ReportResult, ReportTable, Role } from '@app/contracts';
import { api, ApiError, loadSession } from '../api';
import { ReportChart } from '../report-chart';

type Report = ReportResult;
type Prison = PrisonView;

const REPORTS = [
  { path: 'overdue-work', label: 'Overdue work', period: false },
  { path: 'overdue-trend', label: 'Overdue trend', period: false },
  { path: 'release-readiness', label: 'Release readiness', period: false },
  { path: 'provider-accountability', label: 'Provider accountability', period: true },
  { path: 'referral-timeliness', label: 'Timeliness of referrals', period: true },
  { path: 'accommodation-outcomes', label: 'Accommodation outcomes', period: true },
  { path: 'alerts', label: 'Alerts', period: true },
  { path: 'keywork', label: 'Keywork', period: true },
] as const;

/** The columns drill-down needs but people do not: codes kept for links, hidden from the screen. */
const HIDDEN_COLUMNS = new Set(['ownerRoleCode', 'teamKey', 'providerId', 'pathwayCode', 'prisonCode', 'taskId']);

/** Downloads one table as CSV with the session's token (a plain link could not carry it). */
async function downloadCsv(url: string): Promise<void> {
  const token = loadSession()?.token;
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(response.status, `The download failed (${response.status})`, {});
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'report.csv';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}

function cellText(value: Cell): string {
  return value === null ? '–' : String(value);
}

function TableView(props: { table: ReportTable; csvUrl: string; onDrill?: (row: Record<string, Cell>) => void }) {
  const { table, csvUrl, onDrill } = props;
  const [error, setError] = useState<string | null>(null);
  const columns = table.columns.filter((c) => !HIDDEN_COLUMNS.has(c.key));
  return (
    <section className="report-table" aria-labelledby={`table-${table.key}`}>
      <div className="report-table-head">
        <h2 id={`table-${table.key}`}>{table.title}</h2>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            downloadCsv(csvUrl).catch((e: unknown) => setError(String((e as Error).message)));
          }}
        >
          Download CSV<span className="visually-hidden">: {table.title}</span>
        </button>
      </div>
      {error && (
        <p className="error-summary" role="alert">
          {error}
        </p>
      )}
      {table.rows.length === 0 ? (
        <p>Nothing to show for this scope and period.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
                {onDrill && <th scope="col">Tasks</th>}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c.key} className={typeof row[c.key] === 'number' ? 'numeric' : undefined}>
                      {cellText(row[c.key])}
                    </td>
                  ))}
                  {onDrill && (
                    <td>
                      <button type="button" className="link-button" onClick={() => onDrill(row)}>
                        Show tasks
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
  const total = report.tables.find((t) => t.key === 'total');
  const labels = useMemo(() => (total?.rows ?? []).map((r) => String(r.weekEnding)), [total]);
  const series = useMemo(
    () => [
      { label: 'Overdue', values: (total?.rows ?? []).map((r) => Number(r.overdue)), colour: '#d4351c' },
      { label: 'At risk', values: (total?.rows ?? []).map((r) => Number(r.atRisk)), colour: '#b58105', dashed: true },
    ],
    [total],
  );
  if (!total) return null;
  return (
    <ReportChart
      kind="line"
      title="Overdue and at-risk tasks at the end of each week"
      labels={labels}
      series={series}
    />
  );
}

function AccommodationChart({ report }: { report: Report }) {
  const byPrison = report.tables.find((t) => t.key === 'byPrison');
  const labels = useMemo(() => (byPrison?.rows ?? []).map((r) => String(r.prison)), [byPrison]);
  const series = useMemo(() => {
    const of = (key: string) => (byPrison?.rows ?? []).map((r) => Number(r[key] ?? 0));
    return [
      { label: 'Settled', values: of('week12Settled'), colour: '#00703c' },
      { label: 'Transient', values: of('week12Transient'), colour: '#b58105' },
      { label: 'Homeless', values: of('week12Homeless'), colour: '#d4351c' },
      { label: 'Recalled', values: of('week12Recalled'), colour: '#4c2c92' },
      { label: 'Unknown', values: of('week12Unknown'), colour: '#505a5f' },
    ];
  }, [byPrison]);
  if (!byPrison || byPrison.rows.length === 0) return null;
  return (
    <ReportChart
      kind="bar"
      stacked
      title="Where women were 12 weeks after release, by prison"
      labels={labels}
      series={series}
    />
  );
}

function OverdueAgeChart({ report }: { report: Report }) {
  const total = report.tables.find((t) => t.key === 'total');
  const labels = useMemo(() => ['1-2', '3-7', '8-14', 'over 14'].map((l) => `${l} working days`), []);
  const series = useMemo(() => {
    const row = total?.rows[0] ?? {};
    return [
      {
        label: 'Overdue tasks',
        values: ['overdue1to2', 'overdue3to7', 'overdue8to14', 'overdueOver14'].map((k) => Number(row[k] ?? 0)),
        colour: '#d4351c',
      },
    ];
  }, [total]);
  if (!total) return null;
  return <ReportChart kind="bar" title="How late the overdue tasks are" labels={labels} series={series} />;
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
        setError(e instanceof ApiError ? e.message : String(e));
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
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }

  return (
    <main className="reports">
      <h1>Reports</h1>
      <nav aria-label="Reports" className="report-tabs">
        {REPORTS.filter((r) => !isProvider || r.path === 'provider-accountability').map((r) => (
          <button
            key={r.path}
            type="button"
            className={r.path === reportPath ? 'tab tab-current' : 'tab'}
            aria-current={r.path === reportPath ? 'page' : undefined}
            onClick={() => setReportPath(r.path)}
          >
            {r.label}
          </button>
        ))}
      </nav>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        {!isProvider && (
          <label>
            Prisons
            <select value={scope} onChange={(e) => setScope(e.target.value)}>
              <option value="">{props.role === Role.ADMIN ? 'The whole estate' : 'All my prisons'}</option>
              {regions.map((code) => (
                <option key={`region:${code}`} value={`region:${code}`}>
                  Region: {code}
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
              From
              <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label>
              To
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
      {loading && <p role="status">Loading the report…</p>}
      {report && !loading && (
        <>
          <h2 className="report-title">
            {report.title}: {report.scope.label}
            {report.period && ` (${report.period.from} to ${report.period.to})`}
          </h2>
          <p className="freshness">{report.freshness}</p>
          {report.notes.map((n) => (
            <p key={n} className="notice">
              {n}
            </p>
          ))}
          {report.report === 'OVERDUE_TREND' && <TrendChart report={report} />}
          {report.report === 'OVERDUE_WORK' && <OverdueAgeChart report={report} />}
          {report.report === 'ACCOMMODATION_OUTCOMES' && <AccommodationChart report={report} />}
          {report.tables.map((table) => (
            <TableView
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
                Close the task list
              </button>
              {drill.report.notes.map((n) => (
                <p key={n} className="notice">
                  {n}
                </p>
              ))}
              {drill.report.tables.map((table) => (
                <TableView
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
