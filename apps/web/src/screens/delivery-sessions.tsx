/**
 * A CRS referral's delivery sessions, in the caseworker's queue and in her panel: the sessions booked and what
 * happened at each, a form to book the next and one to record attendance and feedback. The server's allowedActions
 * decide which forms show: the provider's caseworkers book and record, her COM and the prison only see.
 */
import { FormEvent, useCallback, useEffect, useState } from 'react';
import { DeliverySessionsView, DeliverySessionView, SessionAttendance, SessionDeliveryMethod } from '@app/contracts';
import { api } from '../api';
import { formatDateTime, labelOf, words } from '../format';
import { apiErrorText } from '../api-error-text';
import { t } from '../i18n';
import { useAction } from '../use-action';

const methodLabel = (method: SessionDeliveryMethod) => labelOf('sessionMethod', method);
const attendanceLabel = (attendance: SessionAttendance) => labelOf('attendance', attendance);

export function DeliverySessions({
  referralId,
  reference,
  refreshKey,
  onChanged,
}: {
  referralId: string;
  reference: string;
  refreshKey: number;
  /** Reloads the screen around it: a missed session puts a follow-up task in her work. */
  onChanged?: () => Promise<void>;
}) {
  const [view, setView] = useState<DeliverySessionsView | null>(null);
  const load = useCallback(async () => {
    setView(await api<DeliverySessionsView>('GET', `/referrals/${referralId}/sessions`));
  }, [referralId]);
  const reloadAll = useCallback(async () => {
    await Promise.all([load(), onChanged?.()]);
  }, [load, onChanged]);
  const { message, setMessage, run } = useAction(reloadAll);
  useEffect(() => {
    void load().catch((caught: unknown) => setMessage(apiErrorText(caught)));
  }, [load, refreshKey, setMessage]);
  if (!view) return null;
  return (
    <section className="delivery-sessions" aria-label={t('sessions.of', { reference })} data-sessions-of={referralId}>
      <h4>{t('sessions.title')}</h4>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {view.sessions.length === 0 ? (
        <p className="secondary">{t('sessions.none')}</p>
      ) : (
        <ol className="plain">
          {view.sessions.map((s) => (
            <SessionItem key={s.id} session={s} reference={reference} run={run} />
          ))}
        </ol>
      )}
      {view.allowedActions.includes('session.book') && (
        <BookForm referralId={referralId} reference={reference} run={run} />
      )}
    </section>
  );
}

type Run = (label: string, call: () => Promise<unknown>, success?: string) => Promise<boolean>;

function SessionItem({ session: s, reference, run }: { session: DeliverySessionView; reference: string; run: Run }) {
  return (
    <li data-session-id={s.id}>
      <strong>{t('sessions.number', { number: s.number })}</strong>:{' '}
      {t('sessions.when', { when: formatDateTime(s.startsAt), minutes: s.durationMinutes })} {methodLabel(s.method)}
      {s.place ? ` ${t('sessions.at', { place: s.place })}` : ''} ·{' '}
      {s.attendance ? attendanceLabel(s.attendance) : words(s.status)}
      {s.concernRaised && <span className="warning"> · {t('sessions.concernRaised')}</span>}
      {s.feedback?.attendanceReason && (
        <div className="secondary">{t('sessions.reason', { text: s.feedback.attendanceReason })}</div>
      )}
      {s.feedback?.sessionSummary && (
        <div className="secondary">{t('sessions.whatWasDone', { text: s.feedback.sessionSummary })}</div>
      )}
      {s.feedback?.concernDetails && (
        <div className="secondary">{t('sessions.concern', { text: s.feedback.concernDetails })}</div>
      )}
      {s.allowedActions.includes('session.record-attendance') && (
        <AttendanceForm session={s} label={t('sessions.label', { reference, number: s.number })} run={run} />
      )}
    </li>
  );
}

function BookForm({ referralId, reference, run }: { referralId: string; reference: string; run: Run }) {
  const [startsAt, setStartsAt] = useState('');
  const [duration, setDuration] = useState('60');
  const [method, setMethod] = useState<SessionDeliveryMethod>(SessionDeliveryMethod.IN_PERSON_PROVIDER_LOCATION);
  const [place, setPlace] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const booked = await run(
      t('sessions.bookLabel', { reference }),
      () =>
        api('POST', `/referrals/${referralId}/sessions`, {
          startsAt: startsAt ? new Date(startsAt).toISOString() : '',
          durationMinutes: Number(duration),
          method,
          ...(place.trim() ? { place } : {}),
        }),
      t('sessions.booked'),
    );
    if (booked) {
      setStartsAt('');
      setPlace('');
    }
  };
  return (
    <form className="session-form" onSubmit={(e) => void submit(e)} aria-label={t('sessions.bookFor', { reference })}>
      <label>
        {t('sessions.starts')}
        <input type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} required />
      </label>
      <label>
        {t('sessions.duration')}
        <input type="number" min={15} max={480} value={duration} onChange={(e) => setDuration(e.target.value)} />
      </label>
      <label>
        {t('sessions.how')}
        <select value={method} onChange={(e) => setMethod(e.target.value as SessionDeliveryMethod)}>
          {Object.values(SessionDeliveryMethod).map((m) => (
            <option key={m} value={m}>
              {methodLabel(m)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sessions.where')}
        <input value={place} onChange={(e) => setPlace(e.target.value)} placeholder={t('sessions.wherePlaceholder')} />
      </label>
      <button type="submit">{t('sessions.book')}</button>
    </form>
  );
}

function AttendanceForm({ session, label, run }: { session: DeliverySessionView; label: string; run: Run }) {
  const [attendance, setAttendance] = useState<SessionAttendance>(SessionAttendance.YES);
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState('');
  const [response, setResponse] = useState('');
  const [concern, setConcern] = useState(false);
  const [details, setDetails] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(
      label,
      () =>
        api('POST', `/sessions/${session.id}/attendance`, {
          version: session.version,
          attendance,
          ...(reason.trim() ? { attendanceReason: reason } : {}),
          ...(summary.trim() ? { sessionSummary: summary } : {}),
          ...(response.trim() ? { sessionResponse: response } : {}),
          concernRaised: concern,
          ...(concern ? { concernDetails: details } : {}),
        }),
      t('sessions.attendanceRecorded'),
    );
  };
  return (
    <form
      className="session-form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('sessions.recordAttendanceOf', { label })}
    >
      <label>
        {t('sessions.didSheAttend')}
        <select value={attendance} onChange={(e) => setAttendance(e.target.value as SessionAttendance)}>
          {Object.values(SessionAttendance).map((a) => (
            <option key={a} value={a}>
              {attendanceLabel(a)}
            </option>
          ))}
        </select>
      </label>
      {attendance !== SessionAttendance.YES && (
        <label>
          {attendance === SessionAttendance.NO ? t('sessions.whyNotAttended') : t('sessions.whyLate')}
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      {attendance !== SessionAttendance.NO && (
        <>
          <label>
            {t('sessions.whatWasDoneLabel')}
            <textarea value={summary} onChange={(e) => setSummary(e.target.value)} />
          </label>
          <label>
            {t('sessions.howSheResponded')}
            <textarea value={response} onChange={(e) => setResponse(e.target.value)} />
          </label>
        </>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={concern} onChange={(e) => setConcern(e.target.checked)} />{' '}
        {t('sessions.tellCom')}
      </label>
      {concern && (
        <label>
          {t('sessions.theConcern')}
          <textarea value={details} onChange={(e) => setDetails(e.target.value)} />
        </label>
      )}
      <button type="submit">{t('sessions.recordAttendance')}</button>
    </form>
  );
}
