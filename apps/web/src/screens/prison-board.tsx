/**
 * The prison board: her prison's women releasing within 12 weeks, 24 weeks or all, grouped by release week,
 * each a card with days to go and one chip per pathway, kept current by the live connection.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Page, Pathway, Role, ScheduleState, TaskCounts, WomanBoardRow, WomanTaskCounts } from '@app/contracts';
import { api } from '../api';
import { apiErrorText } from '../api-error-text';
import {
  daysUntil,
  formatDate,
  OWNER_ROLES,
  pathwayLabel,
  PATHWAYS,
  releaseDayText,
  roleShortLabel,
  Schedule,
  SCHEDULE_ICONS,
  scheduleLabel,
  warningShortLabel,
  weekOf,
} from '../format';
import { MessageKey, t } from '../i18n';
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
function CountTag({ count, state, words }: { count: number; state: Schedule; words: MessageKey }) {
  const icon = SCHEDULE_ICONS[count > 0 ? state : ScheduleState.ON_TRACK];
  return (
    <span className={`tag tag-${count > 0 ? state.toLowerCase() : 'on_track'}`}>
      <span aria-hidden="true">{icon}</span> {t(words, { count })}
    </span>
  );
}

const WINDOWS = { '12w': 'board.window12w', '24w': 'board.window24w', all: 'board.windowAll' } as const;

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
      setError(apiErrorText(caught));
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
      <h1>{t('board.title', { prison })}</h1>
      <div className="filters" role="group" aria-label={t('board.filters')}>
        <label>
          {t('board.releasing')}
          <select value={window} onChange={(e) => setWindow(e.target.value as keyof typeof WINDOWS)}>
            {Object.entries(WINDOWS).map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('board.pathway')}
          <select value={pathway} onChange={(e) => setPathway(e.target.value)}>
            <option value="">{t('board.allPathways')}</option>
            {PATHWAYS.map((value) => (
              <option key={value} value={value}>
                {pathwayLabel(value)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('board.ownedBy')}
          <select value={ownerRole} onChange={(e) => setOwnerRole(e.target.value)}>
            <option value="">{t('board.anyRole')}</option>
            {OWNER_ROLES.map((role) => (
              <option key={role} value={role}>
                {roleShortLabel(role)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('board.schedule')}
          <select value={schedule} onChange={(e) => setSchedule(e.target.value as '' | Schedule)}>
            <option value="">{t('board.anySchedule')}</option>
            {[ScheduleState.OVERDUE, ScheduleState.AT_RISK, ScheduleState.ON_TRACK].map((state) => (
              <option key={state} value={state}>
                {scheduleLabel(state)}
              </option>
            ))}
          </select>
        </label>
        <span className="count" aria-live="polite">
          {women ? t('board.womenCount', { count: shown.length }) : t('common.loading')}
          {ownerRole && women ? ` · ${t('board.roleTasksOnly', { role: roleShortLabel(ownerRole) })}` : ''}
        </span>
      </div>
      {error && (
        <div className="error-summary" role="alert">
          {error}
        </div>
      )}
      {women && shown.length === 0 && <p>{t('board.noneMatch')}</p>}
      {weeks.map(([week, list]) => (
        <section key={week} className="week" aria-labelledby={`week-${week}`}>
          <h2 id={`week-${week}`}>
            {week === 'unknown' ? t('board.releaseDateNotKnown') : t('board.weekOf', { date: formatDate(week) })}
          </h2>
          <ul className="cards">
            {list.map(({ woman, counts, chips }) => (
              <li key={woman.id}>
                <button className="card" data-woman-id={woman.id} onClick={() => onOpen(woman.id)}>
                  <span className="card-name">
                    {woman.firstName} {woman.lastName}
                  </span>
                  <span className="card-meta">
                    {woman.prisonNumber} · {releaseDayText(woman)}
                    {woman.releaseDate !== null &&
                      ` · ${t('board.daysToGo', { days: daysUntil(woman.releaseDate) ?? 0 })}`}
                  </span>
                  <span className="card-counts">
                    <CountTag count={counts.overdue} state={ScheduleState.OVERDUE} words="board.countOverdue" />
                    <CountTag count={counts.atRisk} state={ScheduleState.AT_RISK} words="board.countAtRisk" />
                  </span>
                  <span className="chips">
                    {chips.map((chip) => (
                      <StatusTag key={chip.pathway} state={chip.state} label={pathwayLabel(chip.pathway)} />
                    ))}
                  </span>
                  {woman.warnings.map((w) => (
                    <span key={w.code} className="warning">
                      <span aria-hidden="true">!</span> {warningShortLabel(w.code, w.message)}
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
