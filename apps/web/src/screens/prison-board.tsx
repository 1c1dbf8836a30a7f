/**
 * The prison board: her prison's women releasing within 12 weeks, 24 weeks or all, grouped by release week,
 * each a card with days to go and one chip per pathway, kept current by the live connection.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Page, Pathway, Role, ScheduleState, TaskCounts, WomanBoardRow, WomanTaskCounts } from '@app/contracts';
import { api } from '../api';
import {
  daysUntil,
  formatDate,
  OWNER_ROLES,
  PATHWAY_LABELS,
  releaseDayText,
  ROLE_SHORT_LABELS,
  Schedule,
  SCHEDULE_LABELS,
  WARNING_SHORT_LABELS,
  weekOf,
} from '../format';
import { StatusTag } from '../status-tag';

type Counts = TaskCounts;

/** A row of the board: the list always carries her task counts. */
export type BoardWoman = WomanBoardRow & { taskCounts: WomanTaskCounts };

/** A pathway she has a need on (or has had): the board shows a chip for it. */
function isActive(status: string): boolean {
  return status !== 'NOT_STARTED' && status !== 'SUPPORT_NOT_REQUIRED';
}

/**
 * What a card shows under the filters. With an owning role chosen, the counts and chips are that role's open
 * tasks only, and a woman with none of its tasks open is not shown; with a pathway chosen, her state is that
 * pathway's. Null when she does not match.
 */
function cardView(
  woman: BoardWoman,
  filter: { pathway: string; ownerRole: string; schedule: '' | Schedule },
): { counts: Counts; chips: { pathway: string; state: Schedule }[] } | null {
  const counts = filter.ownerRole ? woman.taskCounts.byOwnerRole[filter.ownerRole as Role] : woman.taskCounts;
  if (filter.ownerRole && !counts) return null;
  const base = counts ?? { open: 0, atRisk: 0, overdue: 0, byPathway: {} };
  const chipPathways = filter.ownerRole
    ? woman.pathways.filter((p) => base.byPathway[p.pathway])
    : woman.pathways.filter((p) => isActive(p.status));
  if (filter.pathway && !chipPathways.some((p) => p.pathway === (filter.pathway as Pathway))) return null;
  const judged = filter.pathway ? base.byPathway[filter.pathway as Pathway] : base;
  if (filter.schedule && scheduleOf(judged) !== filter.schedule) return null;
  return {
    counts: base,
    chips: chipPathways.map((p) => ({ pathway: p.pathway, state: scheduleOf(base.byPathway[p.pathway]) })),
  };
}

function scheduleOf(counts: Counts | undefined): Schedule {
  if (!counts) return ScheduleState.ON_TRACK;
  if (counts.overdue > 0) return ScheduleState.OVERDUE;
  if (counts.atRisk > 0) return ScheduleState.AT_RISK;
  return ScheduleState.ON_TRACK;
}

/** A count in words and symbol: '✖ 2 overdue', or a calm '✔ none overdue'. */
function CountTag({ count, state, words }: { count: number; state: Schedule; words: string }) {
  const { icon } = SCHEDULE_LABELS[count > 0 ? state : ScheduleState.ON_TRACK];
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
  const [ownerRole, setOwnerRole] = useState('');
  const [schedule, setSchedule] = useState<'' | Schedule>('');
  const [women, setWomen] = useState<BoardWoman[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Loads overlap when events come in bursts. An answer older than one already shown is dropped, or a slow older
  // load would put the board back in the past (seen on a loaded machine: a new need missing from the card). An
  // answer is not dropped merely because a newer load has started: under a steady stream of events every load
  // would be overtaken and the board would never change.
  const issuedLoads = useRef(0);
  const shownLoad = useRef(0);
  const load = useCallback(async () => {
    const ticket = ++issuedLoads.current;
    try {
      const page = await api<Page<BoardWoman>>('GET', `/women?prison=${prison}&window=${window}&limit=500`);
      if (ticket < shownLoad.current) return;
      shownLoad.current = ticket;
      setWomen(page.items);
      setError(null);
    } catch (caught) {
      if (ticket < shownLoad.current) return;
      setError(String(caught));
    }
  }, [prison, window]);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const shown = useMemo(
    () =>
      (women ?? []).flatMap((woman) => {
        const view = cardView(woman, { pathway, ownerRole, schedule });
        return view ? [{ woman, ...view }] : [];
      }),
    [women, pathway, ownerRole, schedule],
  );
  const weeks = useMemo(() => {
    const groups = new Map<string, typeof shown>();
    for (const card of shown) {
      const key = card.woman.releaseDate ? weekOf(card.woman.releaseDate) : 'unknown';
      groups.set(key, [...(groups.get(key) ?? []), card]);
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
          Owned by
          <select value={ownerRole} onChange={(e) => setOwnerRole(e.target.value)}>
            <option value="">Any role</option>
            {OWNER_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_SHORT_LABELS[role]}
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
          {women ? `${shown.length} ${shown.length === 1 ? 'woman' : 'women'}` : 'Loading…'}
          {ownerRole && women ? ` · ${ROLE_SHORT_LABELS[ownerRole]} tasks only` : ''}
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
            {list.map(({ woman, counts, chips }) => (
              <li key={woman.id}>
                <button className="card" data-woman-id={woman.id} onClick={() => onOpen(woman.id)}>
                  <span className="card-name">
                    {woman.firstName} {woman.lastName}
                  </span>
                  <span className="card-meta">
                    {woman.prisonNumber} · {releaseDayText(woman)}
                    {woman.releaseDate !== null && ` · ${daysUntil(woman.releaseDate)} days to go`}
                  </span>
                  <span className="card-counts">
                    <CountTag count={counts.overdue} state={ScheduleState.OVERDUE} words="overdue" />
                    <CountTag count={counts.atRisk} state={ScheduleState.AT_RISK} words="at risk" />
                  </span>
                  <span className="chips">
                    {chips.map((chip) => (
                      <StatusTag
                        key={chip.pathway}
                        state={chip.state}
                        label={PATHWAY_LABELS[chip.pathway] ?? chip.pathway}
                      />
                    ))}
                  </span>
                  {woman.warnings.map((w) => (
                    <span key={w.code} className="warning">
                      <span aria-hidden="true">!</span> {WARNING_SHORT_LABELS[w.code] ?? w.message}
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
