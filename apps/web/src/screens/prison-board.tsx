/**
 * The prison board: her prison's women releasing within 12 weeks, 24 weeks or all, grouped by release week,
 * each a card with days to go and one chip per pathway, kept current by the live connection.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api';
import { daysUntil, formatDate, PATHWAY_LABELS, Schedule, SCHEDULE_LABELS, weekOf } from '../format';
import { StatusTag } from '../status-tag';

interface Counts {
  open: number;
  atRisk: number;
  overdue: number;
}

export interface BoardWoman {
  id: string;
  prisonNumber: string;
  firstName: string;
  lastName: string;
  releaseDate: string | null;
  warnings: { code: string; message: string }[];
  taskCounts: Counts & { byPathway: Record<string, Counts> };
  pathways: { pathway: string; status: string }[];
}

function scheduleOf(counts: Counts | undefined): Schedule {
  if (!counts) return 'ON_TRACK';
  if (counts.overdue > 0) return 'OVERDUE';
  if (counts.atRisk > 0) return 'AT_RISK';
  return 'ON_TRACK';
}

/** A count in words and symbol: '✖ 2 overdue', or a calm '✔ none overdue'. */
function CountTag({ count, state, words }: { count: number; state: Schedule; words: string }) {
  const { icon } = SCHEDULE_LABELS[count > 0 ? state : 'ON_TRACK'];
  return (
    <span className={`tag tag-${count > 0 ? state.toLowerCase() : 'on_track'}`}>
      <span aria-hidden="true">{icon}</span> {count > 0 ? count : 'none'} {words}
    </span>
  );
}

const WINDOWS = { '12w': 'Next 12 weeks', '24w': 'Next 24 weeks', all: 'Everyone' } as const;

export function PrisonBoard({
  prison,
  refreshKey,
  onOpen,
}: {
  prison: string;
  refreshKey: number;
  onOpen: (womanId: string) => void;
}) {
  const [window, setWindow] = useState<keyof typeof WINDOWS>('12w');
  const [pathway, setPathway] = useState('');
  const [schedule, setSchedule] = useState<'' | Schedule>('');
  const [women, setWomen] = useState<BoardWoman[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const page = await api<{ items: BoardWoman[] }>('GET', `/women?prison=${prison}&window=${window}&limit=500`);
      setWomen(page.items);
      setError(null);
    } catch (caught) {
      setError(String(caught));
    }
  }, [prison, window]);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const shown = useMemo(
    () =>
      (women ?? []).filter((w) => {
        const counts = pathway ? w.taskCounts.byPathway[pathway] : w.taskCounts;
        if (pathway && !w.pathways.some((p) => p.pathway === pathway && p.status !== 'NOT_STARTED')) return false;
        return !schedule || scheduleOf(counts) === schedule;
      }),
    [women, pathway, schedule],
  );
  const weeks = useMemo(() => {
    const groups = new Map<string, BoardWoman[]>();
    for (const woman of shown) {
      const key = woman.releaseDate ? weekOf(woman.releaseDate) : 'unknown';
      groups.set(key, [...(groups.get(key) ?? []), woman]);
    }
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [shown]);

  return (
    <main>
      <h1>{prison} board</h1>
      <div className="filters" role="group" aria-label="Filters">
        <label>
          Releasing
          <select value={window} onChange={(e) => setWindow(e.target.value as keyof typeof WINDOWS)}>
            {Object.entries(WINDOWS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Pathway
          <select value={pathway} onChange={(e) => setPathway(e.target.value)}>
            <option value="">All pathways</option>
            {Object.entries(PATHWAY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Schedule
          <select value={schedule} onChange={(e) => setSchedule(e.target.value as '' | Schedule)}>
            <option value="">Any</option>
            <option value="OVERDUE">Overdue</option>
            <option value="AT_RISK">At risk</option>
            <option value="ON_TRACK">On track</option>
          </select>
        </label>
        <span className="count" aria-live="polite">
          {women ? `${shown.length} women` : 'Loading…'}
        </span>
      </div>
      {error && (
        <div className="error-summary" role="alert">
          {error}
        </div>
      )}
      {women && shown.length === 0 && <p>No women match.</p>}
      {weeks.map(([week, list]) => (
        <section key={week} className="week" aria-labelledby={`week-${week}`}>
          <h2 id={`week-${week}`}>{week === 'unknown' ? 'Release date not known' : `Week of ${formatDate(week)}`}</h2>
          <ul className="cards">
            {list.map((woman) => (
              <li key={woman.id}>
                <button className="card" data-woman-id={woman.id} onClick={() => onOpen(woman.id)}>
                  <span className="card-name">
                    {woman.firstName} {woman.lastName}
                  </span>
                  <span className="card-meta">
                    {woman.prisonNumber} · releases {formatDate(woman.releaseDate)}
                    {woman.releaseDate !== null && ` · ${daysUntil(woman.releaseDate)} days to go`}
                  </span>
                  <span className="card-counts">
                    <CountTag count={woman.taskCounts.overdue} state="OVERDUE" words="overdue" />
                    <CountTag count={woman.taskCounts.atRisk} state="AT_RISK" words="at risk" />
                  </span>
                  <span className="chips">
                    {woman.pathways
                      .filter((p) => p.status !== 'NOT_STARTED' && p.status !== 'SUPPORT_NOT_REQUIRED')
                      .map((p) => (
                        <StatusTag
                          key={p.pathway}
                          state={scheduleOf(woman.taskCounts.byPathway[p.pathway])}
                          label={PATHWAY_LABELS[p.pathway] ?? p.pathway}
                        />
                      ))}
                  </span>
                  {woman.warnings.map((w) => (
                    <span key={w.code} className="warning">
                      <span aria-hidden="true">!</span> {w.message}
                    </span>
                  ))}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
