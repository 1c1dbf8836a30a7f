/**
 * One woman in full: her open alerts, pathways, tasks with their notes (and the actions the user's role
 * allows: claim, change status, add a note, acknowledge), keywork, CRS referrals with their next steps, release
 * day and audit trail. Escape or Close returns to the board.
 */
import { FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import {
  KeyworkView,
  ReferralActionName,
  ReferralStatus,
  ReferralView,
  ReleaseDayPlanView,
  ReleaseDayRequestAction,
  TaskStatus,
  WomanDetailView,
} from '@app/contracts';
import { api, Session } from '../api';
import { useAction } from '../use-action';
import {
  alertKindText,
  alertSchedule,
  formatDate,
  formatDateTime,
  formatInstant,
  formatTime,
  labelOf,
  pathwayLabel,
  pathwayList,
  releaseDateReasonText,
  releaseDayText,
  roleLabel,
  taskStatusLabel,
  words,
} from '../format';
import { apiErrorText } from '../api-error-text';
import { MessageKey, t } from '../i18n';
import { StatusTag } from '../status-tag';
import { ReferralDetails } from './referral-details';
import { AcknowledgeButton } from '../acknowledge-button';
import { alertsByTask, AlertView } from '../alerts';
import { KeyworkSection } from './keywork-section';
import { ReleasePlanForm } from './release-plan-form';
import { DeliverySessions } from './delivery-sessions';
import { taskTitle } from '../task-title';
import { warningText } from '../warning-text';

/** A task in her panel, with its notes (absent when the visibility policy withholds notes from this role). */
type Task = WomanDetailView['tasks'][number];
type Detail = WomanDetailView;
type Referral = ReferralView;
type ReleaseDay = ReleaseDayPlanView;

const NEXT_STATUSES: readonly TaskStatus[] = Object.values(TaskStatus);
const OPEN_STATUSES: readonly TaskStatus[] = [TaskStatus.TODO, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED];

/** The statuses in which a referral has delivery sessions to show (booked from the approved plan on). */
const SESSION_STATUSES: readonly string[] = [
  ReferralStatus.ACTION_PLAN_APPROVED,
  ReferralStatus.IN_DELIVERY,
  ReferralStatus.ENDED,
];

/** The referral steps that need nothing but a click (the others carry a form the provider's own system holds). */
const REFERRAL_STEPS: Partial<Record<ReferralActionName, { label: MessageKey; path: string }>> = {
  'referral.send': { label: 'referral.send', path: 'send' },
  'referral.assign': { label: 'referral.take', path: 'claim' },
  'referral.approve-action-plan': { label: 'referral.approveActionPlan', path: 'approve-action-plan' },
  'referral.start-delivery': { label: 'referral.startDelivery', path: 'start-delivery' },
};

function NoteForm({ task, save }: { task: Task; save: (body: string) => Promise<boolean> }) {
  const [body, setBody] = useState('');
  const [open, setOpen] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (body.trim() === '') return;
    if (await save(body.trim())) {
      setBody('');
      setOpen(false);
    }
  }
  return (
    <details className="note-form" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t('panel.addNote')}
        <span className="visually-hidden"> {t('panel.addNoteHidden', { task: taskTitle(task.title) })}</span>
      </summary>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor={`note-${task.id}`}>{t('panel.note')}</label>
        <textarea id={`note-${task.id}`} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
        <button type="submit" className="button-small" disabled={body.trim() === ''}>
          {t('panel.saveNote')}
        </button>
      </form>
    </details>
  );
}

/** Her COM asks that she go one more working day early (CJA 1961 s.23(3B)), saying why it helps her. */
function ReleaseDayRequestForm({ save }: { save: (reason: string) => Promise<boolean> }) {
  const [reason, setReason] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') return;
    if (await save(reason.trim())) setReason('');
  }
  return (
    <details className="note-form">
      <summary>{t('panel.askEarlierDay')}</summary>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor="release-day-reason">{t('panel.earlierDayReason')}</label>
        <textarea id="release-day-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" className="button-small" disabled={reason.trim() === ''}>
          {t('panel.askEarlierDaySubmit')}
        </button>
      </form>
    </details>
  );
}

export function WomanPanel({
  womanId,
  session,
  refreshKey,
  onClose,
}: {
  womanId: string;
  session: Session;
  refreshKey: number;
  onClose: () => void;
}) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [alerts, setAlerts] = useState<AlertView[]>([]);
  const [referrals, setReferrals] = useState<Referral[]>([]);
  const [releaseDay, setReleaseDay] = useState<ReleaseDay | null>(null);
  const [keywork, setKeywork] = useState<KeyworkView | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const load = useCallback(async () => {
    const [woman, open, refs, plan, kw] = await Promise.all([
      api<Detail>('GET', `/women/${womanId}`),
      api<AlertView[]>('GET', `/alerts?open=true&womanId=${womanId}`).catch(() => []),
      api<{ items: Referral[] }>('GET', `/referrals?womanId=${womanId}`).catch(() => ({ items: [] })),
      api<ReleaseDay>('GET', `/women/${womanId}/release-day`).catch(() => null),
      // Keywork is not shown to every role (a CRS provider gets a 403): the section is left out then.
      api<KeyworkView>('GET', `/women/${womanId}/keywork`).catch(() => null),
    ]);
    setDetail(woman);
    setAlerts(open);
    setReferrals(refs.items);
    setReleaseDay(plan);
    setKeywork(kw);
  }, [womanId]);

  const { message, setMessage, run: act } = useAction(load);
  useEffect(() => {
    void load().catch((caught: unknown) => setMessage(apiErrorText(caught)));
  }, [load, refreshKey, setMessage]);

  // Keyboard users land on her name when the panel opens, not back at the top of the page.
  const loadedId = detail?.id;
  useEffect(() => {
    if (loadedId) heading.current?.focus();
  }, [loadedId]);

  const user = session.user;
  if (!detail) {
    return (
      <aside className="panel" aria-busy="true">
        {message ?? t('common.loading')}
      </aside>
    );
  }
  return (
    <aside
      className="panel"
      aria-labelledby="panel-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="panel-head">
        <h2 id="panel-title" ref={heading} tabIndex={-1}>
          {detail.firstName} {detail.lastName}
        </h2>
        <button className="button-secondary" onClick={onClose}>
          {t('panel.close')}
          <span className="visually-hidden"> {t('workList.herDetails')}</span>
        </button>
      </div>
      <p className="secondary">
        {detail.prisonNumber} · {detail.prisonCode} · {releaseDayText(detail)}
      </p>
      {detail.releaseDateReason && <p className="secondary release-date-reason">{releaseDateReasonText(detail)}</p>}
      {detail.transferredToHospitalOn && (
        <p className="notice">
          {t('panel.inHospital', {
            date: formatDate(detail.transferredToHospitalOn),
            prison: detail.transferredToHospitalFromPrisonCode ?? t('panel.prison'),
          })}
        </p>
      )}
      {detail.releaseDayRequestReason && (
        <p className="secondary">{t('panel.comAskedEarlierDay', { reason: detail.releaseDayRequestReason })}</p>
      )}
      {detail.releaseDayActions?.includes(ReleaseDayRequestAction.REQUEST) && (
        <ReleaseDayRequestForm
          save={(reason) =>
            act(
              t('panel.oneMoreDay'),
              () => api('POST', `/women/${detail.id}/release-day-request`, { reason }),
              t('panel.oneMoreDayAsked'),
            )
          }
        />
      )}
      {detail.releaseDayActions?.includes(ReleaseDayRequestAction.WITHDRAW) && (
        <button
          className="button-secondary"
          onClick={() =>
            void act(
              t('panel.oneMoreDay'),
              () => api('DELETE', `/women/${detail.id}/release-day-request`),
              t('panel.oneMoreDayWithdrawn'),
            )
          }
        >
          {t('panel.withdrawEarlierDay')}
        </button>
      )}
      {detail.handover?.comAllocatedDate && (
        <p className="secondary" data-testid="handover-dates">
          {detail.comId ? t('panel.comAllocated') : t('panel.noComAllocated')} ·{' '}
          {t('panel.comDueBy', { date: formatDate(detail.handover.comAllocatedDate) })} ·{' '}
          {t('panel.comResponsibleFrom', { date: formatDate(detail.handover.comResponsibleDate) })}
        </p>
      )}
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {detail.warnings.map((w) => (
        <p key={w.code} className="warning">
          <span aria-hidden="true">!</span> {warningText(w)}
        </p>
      ))}

      {alerts.length > 0 && (
        <section aria-labelledby="panel-alerts" className="panel-alerts">
          <h3 id="panel-alerts">{t('panel.openAlerts')}</h3>
          <ul className="plain">
            {alertsByTask(alerts).map((group) => (
              <li key={group.task.id} data-task-id={group.task.id}>
                <StatusTag state={alertSchedule(group.top.kind)} text={alertKindText(group.top)} />
                <span className="alert-task">
                  {taskTitle(group.task.title)}{' '}
                  <span className="secondary">{t('panel.since', { when: formatDateTime(group.top.createdAt) })}</span>
                </span>
                <AcknowledgeButton group={group} run={act} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <h3>{t('panel.pathways')}</h3>
      <ul className="plain pathway-list">
        {detail.pathways.map((p) => (
          <li key={p.pathway}>
            <strong>{pathwayLabel(p.pathway)}:</strong> {words(p.status)}
          </li>
        ))}
      </ul>

      <h3>{t('panel.tasks')}</h3>
      {detail.tasks.length === 0 && <p>{t('panel.noTasks')}</p>}
      <ul className="plain task-list">
        {detail.tasks.map((task) => {
          const open = OPEN_STATUSES.includes(task.status);
          const claimable = task.allowedActions.includes('task.claim');
          const workable = task.allowedActions.includes('task.update-status');
          const annotatable = task.allowedActions.includes('task.add-note');
          return (
            <li key={task.id} className="task" data-task-id={task.id}>
              <div className="task-head">
                <span className="task-title">{taskTitle(task.title)}</span>
                {open ? (
                  <StatusTag state={task.scheduleState} />
                ) : (
                  <span className="tag tag-closed">
                    <span aria-hidden="true">{task.status === TaskStatus.DONE ? '✔' : '–'}</span>{' '}
                    {taskStatusLabel(task.status)}
                  </span>
                )}
              </div>
              <div className="secondary">
                {pathwayLabel(task.pathway)} · {roleLabel(task.ownerRole)} ·{' '}
                {t('common.due', { date: formatDate(task.dueDate) })}
                {task.status === TaskStatus.IN_PROGRESS || task.status === TaskStatus.BLOCKED
                  ? ` · ${words(task.status)}`
                  : ''}
                {task.assigneeId
                  ? ` · ${task.assigneeId === user.id ? t('panel.claimedByYou') : t('panel.claimed')}`
                  : ''}
              </div>
              {(claimable || workable) && (
                <div className="task-actions">
                  {claimable && (
                    <button
                      className="button-small"
                      onClick={() =>
                        void act(
                          t('panel.quoted', { text: taskTitle(task.title) }),
                          () => api('POST', `/tasks/${task.id}/claim`),
                          t('action.itIsYours'),
                        )
                      }
                    >
                      {t('task.claim')}
                      <span className="visually-hidden"> {taskTitle(task.title)}</span>
                    </button>
                  )}
                  {workable && (
                    <label className="inline-label">
                      {t('panel.status')}{' '}
                      <select
                        aria-label={t('panel.changeStatusOf', { task: taskTitle(task.title) })}
                        value={task.status}
                        onChange={(e) =>
                          void act(t('panel.quoted', { text: taskTitle(task.title) }), () =>
                            api('PATCH', `/tasks/${task.id}/status`, {
                              status: e.target.value,
                              version: task.version,
                              reason: e.target.value === 'BLOCKED' ? t('panel.blockedReason') : undefined,
                            }),
                          )
                        }
                      >
                        {NEXT_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {taskStatusLabel(s)}
                          </option>
                        ))}
                      </select>
                    </label>
                  )}
                </div>
              )}
              {task.notes && task.notes.length > 0 && (
                <ul className="plain notes" aria-label={t('panel.notesOn', { task: taskTitle(task.title) })}>
                  {task.notes.map((note) => (
                    <li key={note.id}>
                      <span className="secondary">
                        {t('panel.noteBy', {
                          author: note.authorName ?? t('panel.someone'),
                          when: formatDateTime(note.createdAt),
                        })}
                      </span>{' '}
                      {note.body}
                    </li>
                  ))}
                </ul>
              )}
              {annotatable && (
                <NoteForm
                  task={task}
                  save={(body) =>
                    act(
                      t('panel.noteOn', { task: taskTitle(task.title) }),
                      () => api('POST', `/tasks/${task.id}/notes`, { body }),
                      t('action.saved'),
                    )
                  }
                />
              )}
            </li>
          );
        })}
      </ul>

      {keywork && (
        <KeyworkSection
          key={`${keywork.frequencyWeeks}-${keywork.sessions.length}`}
          keywork={keywork}
          actions={{
            record: (body) =>
              act(
                t('keywork.sessionLabel'),
                () => api('POST', `/women/${detail.id}/keywork/sessions`, body),
                t('action.recorded'),
              ),
            setTarget: (frequencyWeeks) =>
              act(
                t('keywork.targetLabel'),
                () => api('PUT', `/women/${detail.id}/keywork/target`, { frequencyWeeks }),
                t('action.set'),
              ),
          }}
        />
      )}

      <h3>{t('panel.referrals')}</h3>
      {referrals.length === 0 ? (
        <p>{t('panel.none')}</p>
      ) : (
        <ul className="plain referral-list">
          {referrals.map((r) => (
            <li key={r.id} data-referral-id={r.id}>
              <strong>{r.reference}</strong>: {words(r.status)} ({pathwayList(r.pathways)})
              {r.stageDueAt && ` · ${t('referral.nextStepDue', { date: formatDate(r.stageDueAt) })}`}{' '}
              {r.allowedActions.map((action) => {
                const step = REFERRAL_STEPS[action];
                return (
                  step && (
                    <button
                      key={action}
                      className="button-small"
                      onClick={() =>
                        void act(r.reference, () =>
                          api('POST', `/referrals/${r.id}/${step.path}`, { version: r.version }),
                        )
                      }
                    >
                      {t(step.label)}
                      <span className="visually-hidden"> {r.reference}</span>
                    </button>
                  )
                );
              })}
              <ReferralDetails referral={r} act={act} />
              {SESSION_STATUSES.includes(r.status) && (
                <DeliverySessions referralId={r.id} reference={r.reference} refreshKey={refreshKey} onChanged={load} />
              )}
            </li>
          ))}
        </ul>
      )}

      <h3>{t('panel.releaseDay')}</h3>
      {releaseDay ? (
        <>
          {releaseDay.appointments.length === 0 && <p>{t('panel.noAppointments')}</p>}
          <ul className="plain">
            {releaseDay.appointments.map((a) => (
              <li key={a.id}>
                {t('panel.appointment', {
                  time: formatTime(a.startsAt),
                  kind: labelOf('appointmentKind', a.kind, words(a.kind)),
                  place: a.place,
                  town: a.town,
                })}
              </li>
            ))}
          </ul>
          {releaseDay.detailWithheld && <p className="secondary">{t('panel.healthWithheld')}</p>}
          {releaseDay.warnings.map((w, i) => (
            <p key={i} className="warning">
              <span aria-hidden="true">!</span> {warningText(w)}
            </p>
          ))}
        </>
      ) : (
        <p>{t('panel.notAvailable')}</p>
      )}
      {releaseDay && <ReleasePlanForm womanId={detail.id} actions={releaseDay.allowedActions} onPrinted={load} />}

      <h3>{t('panel.auditTrail')}</h3>
      <ol className="plain audit">
        {detail.auditTrail.slice(-20).map((e) => (
          <li key={e.id}>
            <span className="secondary">{formatInstant(e.at)}:</span>{' '}
            {labelOf('entity', e.entityType, e.entityType.toLowerCase())}{' '}
            {labelOf('auditAction', e.action, words(e.action))}
            {e.actorRole ? ` ${t('panel.byRole', { role: roleLabel(e.actorRole) })}` : ''}
          </li>
        ))}
      </ol>
    </aside>
  );
}
