/** A CRS caseworker's queue: her provider's referrals and claimable tasks, most urgent first, and her own work. */
import { useCallback, useEffect, useState } from 'react';
import { ReferralStatus, ReferralView, TaskStatus, TaskView } from '@app/contracts';
import { api } from '../api';
import { useAction } from '../use-action';
import { formatDate, pathwayList, words } from '../format';
import { StatusTag } from '../status-tag';
import { apiErrorText } from '../api-error-text';
import { t } from '../i18n';
import { WomanLink, WorkItem, WorkList } from '../work-list';
import { DeliverySessions } from './delivery-sessions';
import { taskTitle } from '../task-title';

/** A referral in delivery has sessions to book and record, in the queue itself. */
const DELIVERY_STATUSES: readonly ReferralStatus[] = [ReferralStatus.ACTION_PLAN_APPROVED, ReferralStatus.IN_DELIVERY];

type Referral = ReferralView;
type Task = TaskView;

const OPEN_STATUSES: readonly TaskStatus[] = [TaskStatus.TODO, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED];

/** Template keys of the tasks that follow a referral's stages (REFERRAL_FIRST_CONTACT...). */
const REFERRAL_STAGE_PREFIX = 'REFERRAL_';

export function Queue({
  userId,
  refreshKey,
  onOpen,
}: {
  userId: string;
  refreshKey: number;
  onOpen: (womanId: string) => void;
}) {
  const [referrals, setReferrals] = useState<Referral[]>([]);
  const [claimable, setClaimable] = useState<Task[]>([]);
  const [myTasks, setMyTasks] = useState<Task[]>([]);
  const load = useCallback(async () => {
    const [refs, todo, mine] = await Promise.all([
      api<{ items: Referral[] }>('GET', '/referrals?limit=200'),
      api<{ items: Task[] }>('GET', '/tasks?status=TODO&limit=200'),
      api<{ items: Task[] }>('GET', '/tasks?assignee=me&limit=200'),
    ]);
    setReferrals(refs.items);
    // A referral's stage tasks come with the referral when she takes it: offered once, as the referral.
    setClaimable(
      todo.items.filter(
        (task) => task.allowedActions.includes('task.claim') && !task.templateKey.startsWith(REFERRAL_STAGE_PREFIX),
      ),
    );
    setMyTasks(mine.items.filter((task) => OPEN_STATUSES.includes(task.status)));
  }, []);
  const { message, setMessage, run } = useAction(load);
  useEffect(() => {
    void load().catch((caught: unknown) => setMessage(apiErrorText(caught)));
  }, [load, refreshKey, setMessage]);

  const claim = (path: string, label: string) => run(label, () => api('POST', path, {}), t('action.itIsYours'));

  const waiting = referrals.filter((r) => r.allowedActions.includes('referral.assign'));
  const mine = referrals.filter((r) => r.caseworkerId === userId);
  return (
    <main>
      <h1>{t('queue.title')}</h1>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <section aria-labelledby="referrals-waiting">
        <h2 id="referrals-waiting">{t('queue.referralsWaiting', { count: waiting.length })}</h2>
        <WorkList empty={t('queue.noReferralWaiting')}>
          {waiting.map((r) => (
            <WorkItem
              key={r.id}
              data-referral-id={r.id}
              heading={
                <>
                  {r.reference} · {pathwayList(r.pathways)}
                </>
              }
              details={
                <>
                  <WomanLink id={r.womanId} name={r.womanName} onOpen={onOpen} /> ·{' '}
                  {t('queue.firstContactDue', { date: formatDate(r.stageDueAt) })}
                </>
              }
              actions={
                <button onClick={() => void claim(`/referrals/${r.id}/claim`, r.reference)}>
                  {t('referral.take')}
                  <span className="visually-hidden"> {r.reference}</span>
                </button>
              }
            />
          ))}
        </WorkList>
      </section>
      <section aria-labelledby="tasks-to-claim">
        <h2 id="tasks-to-claim">{t('queue.tasksToClaim', { count: claimable.length })}</h2>
        <WorkList empty={t('queue.noTaskToClaim')}>
          {claimable.map((task) => (
            <WorkItem
              key={task.id}
              data-task-id={task.id}
              heading={
                <>
                  <StatusTag state={task.scheduleState} /> {taskTitle(task.title)}
                </>
              }
              details={
                <>
                  <WomanLink id={task.womanId} name={task.womanName} onOpen={onOpen} /> ·{' '}
                  {t('common.due', { date: formatDate(task.dueDate) })}
                </>
              }
              actions={
                <button onClick={() => void claim(`/tasks/${task.id}/claim`, taskTitle(task.title))}>
                  {t('task.claim')}
                  <span className="visually-hidden"> {taskTitle(task.title)}</span>
                </button>
              }
            />
          ))}
        </WorkList>
      </section>
      <section aria-labelledby="my-work">
        <h2 id="my-work">{t('queue.myWork')}</h2>
        <WorkList empty={t('queue.nothingYours')}>
          {[
            ...mine.map((r) => (
              <WorkItem
                key={r.id}
                data-referral-id={r.id}
                heading={
                  <>
                    {r.reference} · {pathwayList(r.pathways)}
                  </>
                }
                details={
                  <>
                    <WomanLink id={r.womanId} name={r.womanName} onOpen={onOpen} /> · {words(r.status)} ·{' '}
                    {t('referral.nextStepDue', { date: formatDate(r.stageDueAt) })}
                    {DELIVERY_STATUSES.includes(r.status) && (
                      <DeliverySessions
                        referralId={r.id}
                        reference={r.reference}
                        refreshKey={refreshKey}
                        onChanged={load}
                      />
                    )}
                  </>
                }
              />
            )),
            ...myTasks.map((task) => (
              <WorkItem
                key={task.id}
                data-task-id={task.id}
                heading={
                  <>
                    <StatusTag state={task.scheduleState} /> {taskTitle(task.title)}
                  </>
                }
                details={
                  <>
                    <WomanLink id={task.womanId} name={task.womanName} onOpen={onOpen} /> · {words(task.status)} ·{' '}
                    {t('common.due', { date: formatDate(task.dueDate) })}
                  </>
                }
              />
            )),
          ]}
        </WorkList>
      </section>
    </main>
  );
}
