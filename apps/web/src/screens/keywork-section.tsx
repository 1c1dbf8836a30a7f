/**
 * Her keywork in the woman's panel (recommendation 7): how often she should have a session, her last one and when
 * the next is due, and, where the server's allowedActions say so, recording a session and setting her target.
 * Only the day and the keyworker are recorded: what was said stays in the prison's own case notes.
 */
import { FormEvent, useState } from 'react';
import { KeyworkView, ScheduleState } from '@app/contracts';
import { formatDate } from '../format';
import { StatusTag } from '../status-tag';

export interface KeyworkActions {
  record: (body: { sessionOn: string; keyworkerName?: string }) => Promise<boolean>;
  setTarget: (frequencyWeeks: number) => Promise<boolean>;
}

const WEEKS = Array.from({ length: 12 }, (_, i) => i + 1);

function everyText(weeks: number): string {
  return weeks === 1 ? 'every week' : `every ${weeks} weeks`;
}

function londonToday(): string {
  return new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
}

export function KeyworkSection({ keywork, actions }: { keywork: KeyworkView; actions: KeyworkActions }) {
  const [sessionOn, setSessionOn] = useState(londonToday);
  const [keyworkerName, setKeyworkerName] = useState('');
  const [weeks, setWeeks] = useState(keywork.frequencyWeeks);
  const mayRecord = keywork.allowedActions.includes('keywork.record');
  const maySetTarget = keywork.allowedActions.includes('keywork.set-target');

  async function record(event: FormEvent) {
    event.preventDefault();
    const name = keyworkerName.trim();
    if (await actions.record({ sessionOn, ...(name ? { keyworkerName: name } : {}) })) setKeyworkerName('');
  }

  return (
    <section aria-labelledby="panel-keywork" data-testid="keywork">
      <h3 id="panel-keywork">Keywork</h3>
      <p>
        A session {everyText(keywork.frequencyWeeks)}
        {keywork.targetIsDefault ? ' (the default)' : ''} · last session{' '}
        {keywork.lastSessionOn ? formatDate(keywork.lastSessionOn) : 'none recorded'}
      </p>
      {keywork.nextDue && (
        <p data-testid="keywork-next-due">
          Next session due by {formatDate(keywork.nextDue.dueDate)}{' '}
          {keywork.nextDue.overdue ? (
            <StatusTag state={ScheduleState.OVERDUE} />
          ) : (
            <StatusTag state={ScheduleState.ON_TRACK} />
          )}
        </p>
      )}
      {keywork.sessions.length > 0 && (
        <ul className="plain" aria-label="Keywork sessions">
          {keywork.sessions.slice(0, 5).map((s) => (
            <li key={s.id}>
              {formatDate(s.sessionOn)} with {s.keyworkerName}
            </li>
          ))}
        </ul>
      )}
      {mayRecord && (
        <form className="keywork-form" onSubmit={(event) => void record(event)}>
          <label htmlFor="keywork-date">Session date</label>
          <input
            id="keywork-date"
            type="date"
            value={sessionOn}
            max={londonToday()}
            onChange={(e) => setSessionOn(e.target.value)}
          />
          <label htmlFor="keywork-name">Keyworker (empty: the one on her record)</label>
          <input id="keywork-name" value={keyworkerName} onChange={(e) => setKeyworkerName(e.target.value)} />
          <button type="submit" className="button-small" disabled={sessionOn === ''}>
            Record keywork session
          </button>
        </form>
      )}
      {maySetTarget && (
        <form
          className="keywork-form"
          onSubmit={(event) => {
            event.preventDefault();
            void actions.setTarget(weeks);
          }}
        >
          <label htmlFor="keywork-weeks">Target</label>
          <select id="keywork-weeks" value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
            {WEEKS.map((w) => (
              <option key={w} value={w}>
                A session {everyText(w)}
              </option>
            ))}
          </select>
          <button type="submit" className="button-small button-secondary">
            Set keywork target
          </button>
        </form>
      )}
    </section>
  );
}
