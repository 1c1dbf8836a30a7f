/** A COM's view: referrals to send or fix, action plans awaiting her approval, and her women's overdue tasks. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { useAction } from '../use-action';
import { formatDate, PATHWAY_LABELS } from '../format';
import { StatusTag } from '../status-tag';

interface Referral {
  id: string;
  reference: string;
  womanName: string;
  status: string;
  pathways: { pathway: string }[];
  stageDueAt: string | null;
  returnedReason: string | null;
}

interface Task {
  id: string;
  title: string;
  womanName?: string;
  dueDate: string | null;
}

export function ComView({ refreshKey }: { refreshKey: number }) {
  const [referrals, setReferrals] = useState<Referral[]>([]);
  const [overdue, setOverdue] = useState<Task[]>([]);
  const load = useCallback(async () => {
    const [refs, tasks] = await Promise.all([
      api<{ items: Referral[] }>('GET', '/referrals?limit=200'),
      api<{ items: Task[] }>('GET', '/tasks?scheduleState=OVERDUE&limit=200'),
    ]);
    setReferrals(refs.items);
    setOverdue(tasks.items);
  }, []);
  const { message, setMessage, run } = useAction(load);
  useEffect(() => {
    void load().catch((caught: unknown) => setMessage(String(caught)));
  }, [load, refreshKey, setMessage]);

  const act = (path: string, label: string) => run(label, () => api('POST', path, {}));

  const line = (r: Referral) =>
    `${r.reference} · ${r.womanName} · ${r.pathways.map((p) => PATHWAY_LABELS[p.pathway] ?? p.pathway).join(', ')}`;
  return (
    <main>
      <h1>My caseload</h1>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <h2>Referrals to send</h2>
      <ul className="plain">
        {referrals
          .filter((r) => r.status === 'DRAFT' || r.status === 'RETURNED')
          .map((r) => (
            <li key={r.id}>
              {line(r)} {r.returnedReason && <em>Returned: {r.returnedReason}</em>}{' '}
              <button onClick={() => void act(`/referrals/${r.id}/send`, r.reference)}>Send</button>
            </li>
          ))}
      </ul>
      <h2>Action plans awaiting approval</h2>
      <ul className="plain">
        {referrals
          .filter((r) => r.status === 'ACTION_PLAN_SUBMITTED')
          .map((r) => (
            <li key={r.id}>
              {line(r)} · approve by {formatDate(r.stageDueAt)}{' '}
              <button onClick={() => void act(`/referrals/${r.id}/approve-action-plan`, r.reference)}>Approve</button>
            </li>
          ))}
      </ul>
      <h2>Overdue tasks of my women</h2>
      <ul className="plain">
        {overdue.map((t) => (
          <li key={t.id}>
            <StatusTag state="OVERDUE" /> {t.title} · {t.womanName} · was due {formatDate(t.dueDate)}
          </li>
        ))}
      </ul>
    </main>
  );
}
