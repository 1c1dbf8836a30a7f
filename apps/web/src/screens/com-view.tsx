/** A COM's view: referrals to send or fix, action plans awaiting her approval, and her women's overdue tasks. */
import { useCallback, useEffect, useState } from 'react';
import { Page, ReferralStatus, ReferralView, ScheduleState, TaskView } from '@app/contracts';
import { api } from '../api';
import { useAction } from '../use-action';
import { formatDate, pathwayList, roleLabel } from '../format';
import { apiErrorText } from '../api-error-text';
import { t } from '../i18n';
import { StatusTag } from '../status-tag';
import { WomanLink, WorkItem, WorkList } from '../work-list';
import { taskTitle } from '../task-title';

type Referral = ReferralView;
type Task = TaskView;

export function ComView({ refreshKey, onOpen }: { refreshKey: number; onOpen: (womanId: string) => void }) {
  const [referrals, setReferrals] = useState<Referral[]>([]);
  const [overdue, setOverdue] = useState<Task[]>([]);
  const load = useCallback(async () => {
    const [refs, tasks] = await Promise.all([
      api<Page<Referral>>('GET', '/referrals?limit=200'),
      api<Page<Task>>('GET', '/tasks?scheduleState=OVERDUE&limit=200'),
    ]);
    setReferrals(refs.items);
    setOverdue(tasks.items);
  }, []);
  const { message, setMessage, run } = useAction(load);
  useEffect(() => {
    void load().catch((caught: unknown) => setMessage(apiErrorText(caught)));
  }, [load, refreshKey, setMessage]);

  const act = (r: Referral, path: string) =>
    run(r.reference, () => api('POST', `/referrals/${r.id}/${path}`, { version: r.version }));
  const heading = (r: Referral) => (
    <>
      {r.reference} · {pathwayList(r.pathways)}
    </>
  );

  const toSend = referrals.filter((r) => r.status === ReferralStatus.DRAFT || r.status === ReferralStatus.RETURNED);
  const toApprove = referrals.filter((r) => r.status === ReferralStatus.ACTION_PLAN_SUBMITTED);
  return (
    <main>
      <h1>{t('caseload.title')}</h1>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <section aria-labelledby="referrals-to-send">
        <h2 id="referrals-to-send">{t('caseload.referralsToSend', { count: toSend.length })}</h2>
        <WorkList empty={t('caseload.noReferralToSend')}>
          {toSend.map((r) => (
            <WorkItem
              key={r.id}
              data-referral-id={r.id}
              heading={heading(r)}
              details={
                <>
                  <WomanLink id={r.womanId} name={r.womanName} onOpen={onOpen} /> ·{' '}
                  {r.status === ReferralStatus.RETURNED
                    ? t('caseload.returned', { reason: r.returnedReason ?? t('caseload.noReasonGiven') })
                    : t('caseload.draft')}
                  {r.stageDueAt && ` · ${t('caseload.sendBy', { date: formatDate(r.stageDueAt) })}`}
                </>
              }
              actions={
                <button onClick={() => void act(r, 'send')}>
                  {t('caseload.send')}
                  <span className="visually-hidden"> {r.reference}</span>
                </button>
              }
            />
          ))}
        </WorkList>
      </section>
      <section aria-labelledby="action-plans-awaiting-approval">
        <h2 id="action-plans-awaiting-approval">{t('caseload.plansAwaiting', { count: toApprove.length })}</h2>
        <WorkList empty={t('caseload.noPlanAwaiting')}>
          {toApprove.map((r) => (
            <WorkItem
              key={r.id}
              data-referral-id={r.id}
              heading={heading(r)}
              details={
                <>
                  <WomanLink id={r.womanId} name={r.womanName} onOpen={onOpen} /> ·{' '}
                  {t('caseload.approveBy', { date: formatDate(r.stageDueAt) })}
                </>
              }
              actions={
                <button onClick={() => void act(r, 'approve-action-plan')}>
                  {t('caseload.approve')}
                  <span className="visually-hidden"> {t('caseload.approveHidden', { reference: r.reference })}</span>
                </button>
              }
            />
          ))}
        </WorkList>
      </section>
      <section aria-labelledby="overdue-tasks-of-my-women">
        <h2 id="overdue-tasks-of-my-women">{t('caseload.overdueTasks', { count: overdue.length })}</h2>
        <WorkList empty={t('caseload.noOverdue')}>
          {overdue.map((task) => (
            <WorkItem
              key={task.id}
              data-task-id={task.id}
              heading={
                <>
                  <StatusTag state={ScheduleState.OVERDUE} /> {taskTitle(task.title)}
                </>
              }
              details={
                <>
                  <WomanLink id={task.womanId} name={task.womanName} onOpen={onOpen} /> · {roleLabel(task.ownerRole)} ·{' '}
                  {t('caseload.wasDue', { date: formatDate(task.dueDate) })}
                </>
              }
            />
          ))}
        </WorkList>
      </section>
    </main>
  );
}
