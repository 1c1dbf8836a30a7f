/** A COM's view: referrals to send or fix, action plans awaiting her approval, and her women's overdue tasks. */
import { useCallback, useEffect, useState } from 'react';
import { Page, ReferralStatus, ReferralView, ScheduleState, TaskView } from '@app/contracts';
import { api } from '../api';
import { useAction } from '../use-action';
import { formatDate, pathwayList, ROLE_LABELS } from '../format';
import { StatusTag } from '../status-tag';
import { WomanLink, WorkItem, WorkList } from '../work-list';

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
    void load().catch((caught: unknown) => setMessage(String(caught)));
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
      <h1>My caseload</h1>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <section aria-labelledby="referrals-to-send">
        <h2 id="referrals-to-send">Referrals to send ({toSend.length})</h2>
        <WorkList empty="No referral is waiting for you to send it.">
          {toSend.map((r) => (
            <WorkItem
              key={r.id}
              data-referral-id={r.id}
              heading={heading(r)}
              details={
                <>
                  <WomanLink id={r.womanId} name={r.womanName} onOpen={onOpen} /> ·{' '}
                  {r.status === ReferralStatus.RETURNED
                    ? `returned: ${r.returnedReason ?? 'no reason given'}`
                    : 'draft'}
                  {r.stageDueAt && ` · send by ${formatDate(r.stageDueAt)}`}
                </>
              }
              actions={
                <button onClick={() => void act(r, 'send')}>
                  Send<span className="visually-hidden"> {r.reference}</span>
                </button>
              }
            />
          ))}
        </WorkList>
      </section>
      <section aria-labelledby="action-plans-awaiting-approval">
        <h2 id="action-plans-awaiting-approval">Action plans awaiting approval ({toApprove.length})</h2>
        <WorkList empty="No action plan is waiting for your approval.">
          {toApprove.map((r) => (
            <WorkItem
              key={r.id}
              data-referral-id={r.id}
              heading={heading(r)}
              details={
                <>
                  <WomanLink id={r.womanId} name={r.womanName} onOpen={onOpen} /> · approve by{' '}
                  {formatDate(r.stageDueAt)}
                </>
              }
              actions={
                <button onClick={() => void act(r, 'approve-action-plan')}>
                  Approve<span className="visually-hidden"> the action plan of {r.reference}</span>
                </button>
              }
            />
          ))}
        </WorkList>
      </section>
      <section aria-labelledby="overdue-tasks-of-my-women">
        <h2 id="overdue-tasks-of-my-women">Overdue tasks of my women ({overdue.length})</h2>
        <WorkList empty="None of your women has an overdue task.">
          {overdue.map((t) => (
            <WorkItem
              key={t.id}
              data-task-id={t.id}
              heading={
                <>
                  <StatusTag state={ScheduleState.OVERDUE} /> {t.title}
                </>
              }
              details={
                <>
                  <WomanLink id={t.womanId} name={t.womanName} onOpen={onOpen} /> ·{' '}
                  {ROLE_LABELS[t.ownerRole] ?? t.ownerRole} · was due {formatDate(t.dueDate)}
                </>
              }
            />
          ))}
        </WorkList>
      </section>
    </main>
  );
}
