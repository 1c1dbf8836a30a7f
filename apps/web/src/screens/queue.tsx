/** A CRS caseworker's queue: her provider's referrals and claimable tasks, most urgent first, and her own work. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { useAction } from '../use-action';
import { formatDate, PATHWAY_LABELS, Schedule } from '../format';
import { StatusTag } from '../status-tag';

interface Referral {
  id: string;
  reference: string;
  womanName: string;
  status: string;
  pathways: { pathway: string }[];
  stageDueAt: string | null;
  caseworkerId: string | null;
}

interface Task {
  id: string;
  title: string;
  womanName?: string;
  assigneeId: string | null;
  dueDate: string | null;
  scheduleState: Schedule;
}

export function Queue({ userId, refreshKey }: { userId: string; refreshKey: number }) {
  const [referrals, setReferrals] = useState<Referral[]>([]);
  const [tasks, setTasks] = useState<Task[]>([]);
  const load = useCallback(async () => {
    const [refs, open] = await Promise.all([
      api<{ items: Referral[] }>('GET', '/referrals?limit=200'),
      api<{ items: Task[] }>('GET', '/tasks?status=TODO&limit=200'),
    ]);
    setReferrals(refs.items);
    setTasks(open.items);
  }, []);
  const { message, setMessage, run } = useAction(load);
  useEffect(() => {
    void load().catch((caught: unknown) => setMessage(String(caught)));
  }, [load, refreshKey, setMessage]);

  const claim = (path: string, label: string) => run(label, () => api('POST', path, {}), 'it is yours.');

  const mine = referrals.filter((r) => r.caseworkerId === userId);
  return (
    <main>
      <h1>Caseworker queue</h1>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <h2>Referrals waiting to be taken</h2>
      <ul className="plain">
        {referrals
          .filter((r) => r.status === 'SENT')
          .map((r) => (
            <li key={r.id}>
              {r.reference} · {r.womanName} · {r.pathways.map((p) => PATHWAY_LABELS[p.pathway] ?? p.pathway).join(', ')}{' '}
              · first contact due {formatDate(r.stageDueAt)}{' '}
              <button onClick={() => void claim(`/referrals/${r.id}/claim`, r.reference)}>Take referral</button>
            </li>
          ))}
      </ul>
      <h2>Tasks to claim</h2>
      <ul className="plain">
        {tasks
          .filter((t) => !t.assigneeId)
          .map((t) => (
            <li key={t.id} data-task-id={t.id}>
              <StatusTag state={t.scheduleState} /> {t.title} · {t.womanName} · due {formatDate(t.dueDate)}{' '}
              <button onClick={() => void claim(`/tasks/${t.id}/claim`, t.title)}>Claim</button>
            </li>
          ))}
      </ul>
      <h2>My work</h2>
      <ul className="plain">
        {mine.map((r) => (
          <li key={r.id}>
            {r.reference} · {r.womanName} · {r.status.replaceAll('_', ' ').toLowerCase()} · next step due{' '}
            {formatDate(r.stageDueAt)}
          </li>
        ))}
        {tasks
          .filter((t) => t.assigneeId === userId)
          .map((t) => (
            <li key={t.id}>
              <StatusTag state={t.scheduleState} /> {t.title} · {t.womanName} · due {formatDate(t.dueDate)}
            </li>
          ))}
      </ul>
    </main>
  );
}
