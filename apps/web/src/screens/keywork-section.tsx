/**
 * Her keywork in the woman's panel (recommendation 7): how often she should have a session, her last one and when
 * the next is due, and, where the server's allowedActions say so, recording a session and setting her target.
 * Only the day and the keyworker are recorded: what was said stays in the prison's own case notes.
 */
import { FormEvent, useState } from 'react';
import { KeyworkView, ScheduleState } from '@app/contracts';
import { formatDate } from '../format';
import { t } from '../i18n';
import { StatusTag } from '../status-tag';

export interface KeyworkActions {
  record: (body: { sessionOn: string; keyworkerName?: string }) => Promise<boolean>;
  setTarget: (frequencyWeeks: number) => Promise<boolean>;
}

const WEEKS = Array.from({ length: 12 }, (_, i) => i + 1);

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
      <h3 id="panel-keywork">{t('keywork.title')}</h3>
      <p>
        {t('keywork.sessionEvery', { weeks: keywork.frequencyWeeks })}
        {keywork.targetIsDefault ? ` ${t('keywork.theDefault')}` : ''} ·{' '}
        {t('keywork.lastSession', {
          date: keywork.lastSessionOn ? formatDate(keywork.lastSessionOn) : t('keywork.noneRecorded'),
        })}
      </p>
      {keywork.nextDue && (
        <p data-testid="keywork-next-due">
          {t('keywork.nextDue', { date: formatDate(keywork.nextDue.dueDate) })}{' '}
          {keywork.nextDue.overdue ? (
            <StatusTag state={ScheduleState.OVERDUE} />
          ) : (
            <StatusTag state={ScheduleState.ON_TRACK} />
          )}
        </p>
      )}
      {keywork.sessions.length > 0 && (
        <ul className="plain" aria-label={t('keywork.sessions')}>
          {keywork.sessions.slice(0, 5).map((s) => (
            <li key={s.id}>{t('keywork.sessionWith', { date: formatDate(s.sessionOn), name: s.keyworkerName })}</li>
          ))}
        </ul>
      )}
      {mayRecord && (
        <form className="keywork-form" onSubmit={(event) => void record(event)}>
          <label htmlFor="keywork-date">{t('keywork.sessionDate')}</label>
          <input
            id="keywork-date"
            type="date"
            value={sessionOn}
            max={londonToday()}
            onChange={(e) => setSessionOn(e.target.value)}
          />
          <label htmlFor="keywork-name">{t('keywork.keyworker')}</label>
          <input id="keywork-name" value={keyworkerName} onChange={(e) => setKeyworkerName(e.target.value)} />
          <button type="submit" className="button-small" disabled={sessionOn === ''}>
            {t('keywork.record')}
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
          <label htmlFor="keywork-weeks">{t('keywork.target')}</label>
          <select id="keywork-weeks" value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
            {WEEKS.map((w) => (
              <option key={w} value={w}>
                {t('keywork.sessionEvery', { weeks: w })}
              </option>
            ))}
          </select>
          <button type="submit" className="button-small button-secondary">
            {t('keywork.setTarget')}
          </button>
        </form>
      )}
    </section>
  );
}
