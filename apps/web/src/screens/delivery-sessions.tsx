/**
 * A CRS referral's delivery sessions, in the caseworker's queue and in her panel: the sessions booked and what
 * happened at each, a form to book the next and one to record attendance and feedback. The server's allowedActions
 * decide which forms show: the provider's caseworkers book and record, her COM and the prison only see.
 */
import { FormEvent, useCallback, useEffect, useState } from 'react';
import { DeliverySessionsView, DeliverySessionView, SessionAttendance, SessionDeliveryMethod } from '@app/contracts';
import { api } from '../api';
import { formatDateTime, words } from '../format';
import { useAction } from '../use-action';

const METHOD_LABELS: Record<SessionDeliveryMethod, string> = {
  [SessionDeliveryMethod.IN_PERSON_PROVIDER_LOCATION]: 'In person at the provider’s office',
  [SessionDeliveryMethod.IN_PERSON_OTHER_LOCATION]: 'In person somewhere else',
  [SessionDeliveryMethod.PHONE_CALL]: 'Phone call',
  [SessionDeliveryMethod.VIDEO_CALL]: 'Video call',
};

const ATTENDANCE_LABELS: Record<SessionAttendance, string> = {
  [SessionAttendance.YES]: 'Attended',
  [SessionAttendance.LATE]: 'Attended late',
  [SessionAttendance.NO]: 'Did not attend',
};

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
    void load().catch((caught: unknown) => setMessage(String(caught)));
  }, [load, refreshKey, setMessage]);
  if (!view) return null;
  return (
    <section className="delivery-sessions" aria-label={`Sessions of ${reference}`} data-sessions-of={referralId}>
      <h4>Sessions</h4>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {view.sessions.length === 0 ? (
        <p className="secondary">No session booked yet.</p>
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
      <strong>Session {s.number}</strong>: {formatDateTime(s.startsAt)}, {s.durationMinutes} minutes,{' '}
      {METHOD_LABELS[s.method]}
      {s.place ? ` at ${s.place}` : ''} · {s.attendance ? ATTENDANCE_LABELS[s.attendance] : words(s.status)}
      {s.concernRaised && <span className="warning"> · concern raised with her COM</span>}
      {s.feedback?.attendanceReason && <div className="secondary">Reason: {s.feedback.attendanceReason}</div>}
      {s.feedback?.sessionSummary && <div className="secondary">What was done: {s.feedback.sessionSummary}</div>}
      {s.feedback?.concernDetails && <div className="secondary">Concern: {s.feedback.concernDetails}</div>}
      {s.allowedActions.includes('session.record-attendance') && (
        <AttendanceForm session={s} label={`${reference} session ${s.number}`} run={run} />
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
      `${reference}: session`,
      () =>
        api('POST', `/referrals/${referralId}/sessions`, {
          startsAt: startsAt ? new Date(startsAt).toISOString() : '',
          durationMinutes: Number(duration),
          method,
          ...(place.trim() ? { place } : {}),
        }),
      'booked.',
    );
    if (booked) {
      setStartsAt('');
      setPlace('');
    }
  };
  return (
    <form className="session-form" onSubmit={(e) => void submit(e)} aria-label={`Book a session for ${reference}`}>
      <label>
        Session starts
        <input type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} required />
      </label>
      <label>
        Duration (minutes)
        <input type="number" min={15} max={480} value={duration} onChange={(e) => setDuration(e.target.value)} />
      </label>
      <label>
        How
        <select value={method} onChange={(e) => setMethod(e.target.value as SessionDeliveryMethod)}>
          {Object.values(SessionDeliveryMethod).map((m) => (
            <option key={m} value={m}>
              {METHOD_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Where
        <input
          value={place}
          onChange={(e) => setPlace(e.target.value)}
          placeholder="Address, for a meeting in person"
        />
      </label>
      <button type="submit">Book session</button>
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
      'attendance recorded.',
    );
  };
  return (
    <form className="session-form" onSubmit={(e) => void submit(e)} aria-label={`Record attendance of ${label}`}>
      <label>
        Did she attend?
        <select value={attendance} onChange={(e) => setAttendance(e.target.value as SessionAttendance)}>
          {Object.values(SessionAttendance).map((a) => (
            <option key={a} value={a}>
              {ATTENDANCE_LABELS[a]}
            </option>
          ))}
        </select>
      </label>
      {attendance !== SessionAttendance.YES && (
        <label>
          Why {attendance === SessionAttendance.NO ? 'she did not attend' : 'she was late'}
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      {attendance !== SessionAttendance.NO && (
        <>
          <label>
            What was done
            <textarea value={summary} onChange={(e) => setSummary(e.target.value)} />
          </label>
          <label>
            How she responded
            <textarea value={response} onChange={(e) => setResponse(e.target.value)} />
          </label>
        </>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={concern} onChange={(e) => setConcern(e.target.checked)} /> Tell her COM of a
        concern
      </label>
      {concern && (
        <label>
          The concern
          <textarea value={details} onChange={(e) => setDetails(e.target.value)} />
        </label>
      )}
      <button type="submit">Record attendance</button>
    </form>
  );
}
