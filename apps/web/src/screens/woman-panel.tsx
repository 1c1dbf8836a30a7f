/** One woman in full: pathways, tasks (with the actions the user's role allows), referrals, release day, audit trail. */
import { useCallback, useEffect, useState } from 'react';
import { api, Session } from '../api';
import { useAction } from '../use-action';
import { formatDate, PATHWAY_LABELS, ROLE_LABELS, Schedule } from '../format';
import { StatusTag } from '../status-tag';

interface Task {
  id: string;
  pathway: string;
  title: string;
  ownerRole: string;
  status: string;
  assigneeId: string | null;
  dueDate: string | null;
  scheduleState: Schedule;
  version: number;
}

interface Detail {
  id: string;
  firstName: string;
  lastName: string;
  prisonNumber: string;
  prisonCode: string;
  releaseDate: string | null;
  warnings: { code: string; message: string }[];
  pathways: { pathway: string; status: string }[];
  tasks: Task[];
  auditTrail: { id: string; entityType: string; action: string; actorRole: string | null; at: string }[];
}

interface Referral {
  id: string;
  reference: string;
  status: string;
  pathways: { pathway: string }[];
  stageDueAt: string | null;
}

interface ReleaseDay {
  warnings: { code: string; message: string }[];
  appointments: { id: string; kind: string; startsAt: string; place: string; town: string }[];
}

const NEXT_STATUSES = ['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'NOT_NEEDED'];

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
  const [referrals, setReferrals] = useState<Referral[]>([]);
  const [releaseDay, setReleaseDay] = useState<ReleaseDay | null>(null);
  const load = useCallback(async () => {
    const [woman, refs, plan] = await Promise.all([
      api<Detail>('GET', `/women/${womanId}`),
      api<{ items: Referral[] }>('GET', `/referrals?womanId=${womanId}`).catch(() => ({ items: [] })),
      api<ReleaseDay>('GET', `/women/${womanId}/release-day`).catch(() => null),
    ]);
    setDetail(woman);
    setReferrals(refs.items);
    setReleaseDay(plan);
  }, [womanId]);

  const { message, setMessage, run: act } = useAction(load);
  useEffect(() => {
    void load().catch((caught: unknown) => setMessage(String(caught)));
  }, [load, refreshKey, setMessage]);

  if (!detail) return <aside className="panel">Loading…</aside>;
  return (
    <aside className="panel" aria-labelledby="panel-title">
      <button className="close" onClick={onClose}>
        Close
      </button>
      <h2 id="panel-title">
        {detail.firstName} {detail.lastName}
      </h2>
      <p>
        {detail.prisonNumber} · {detail.prisonCode} · releases {formatDate(detail.releaseDate)}
      </p>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {detail.warnings.map((w) => (
        <p key={w.code} className="warning">
          <span aria-hidden="true">!</span> {w.message}
        </p>
      ))}
      <h3>Pathways</h3>
      <ul className="plain">
        {detail.pathways.map((p) => (
          <li key={p.pathway}>
            {PATHWAY_LABELS[p.pathway] ?? p.pathway}: {p.status.replaceAll('_', ' ').toLowerCase()}
          </li>
        ))}
      </ul>
      <h3>Tasks</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">State</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {detail.tasks.map((task) => (
            <tr key={task.id} data-task-id={task.id}>
              <td>{task.title}</td>
              <td>{ROLE_LABELS[task.ownerRole] ?? task.ownerRole}</td>
              <td>{formatDate(task.dueDate)}</td>
              <td>
                {task.status === 'TODO' || task.status === 'IN_PROGRESS' || task.status === 'BLOCKED' ? (
                  <StatusTag state={task.scheduleState} />
                ) : (
                  task.status.replace('_', ' ').toLowerCase()
                )}
              </td>
              <td>
                {task.ownerRole === session.user.role && !task.assigneeId && (
                  <button onClick={() => void act('Claim', () => api('POST', `/tasks/${task.id}/claim`))}>Claim</button>
                )}
                {task.ownerRole === session.user.role && (
                  <select
                    aria-label={`Change status of ${task.title}`}
                    value={task.status}
                    onChange={(e) =>
                      void act('Status', () =>
                        api('PATCH', `/tasks/${task.id}/status`, {
                          status: e.target.value,
                          version: task.version,
                          reason: e.target.value === 'BLOCKED' ? 'Blocked (see notes)' : undefined,
                        }),
                      )
                    }
                  >
                    {NEXT_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {s.replace('_', ' ').toLowerCase()}
                      </option>
                    ))}
                  </select>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>CRS referrals</h3>
      {referrals.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="plain">
          {referrals.map((r) => (
            <li key={r.id}>
              {r.reference}: {r.status.replaceAll('_', ' ').toLowerCase()} (
              {r.pathways.map((p) => PATHWAY_LABELS[p.pathway] ?? p.pathway).join(', ')})
              {r.stageDueAt && ` · next step due ${formatDate(r.stageDueAt)}`}
            </li>
          ))}
        </ul>
      )}
      <h3>Release day</h3>
      {releaseDay ? (
        <>
          <ul className="plain">
            {releaseDay.appointments.map((a) => (
              <li key={a.id}>
                {new Date(a.startsAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}{' '}
                {a.kind.replaceAll('_', ' ').toLowerCase()} at {a.place}, {a.town}
              </li>
            ))}
          </ul>
          {releaseDay.warnings.map((w, i) => (
            <p key={i} className="warning">
              <span aria-hidden="true">!</span> {w.message}
            </p>
          ))}
        </>
      ) : (
        <p>Not available.</p>
      )}
      <h3>Audit trail</h3>
      <ol className="plain audit">
        {detail.auditTrail.slice(-20).map((e) => (
          <li key={e.id}>
            {new Date(e.at).toLocaleString('en-GB')}: {e.entityType.toLowerCase()} {e.action.toLowerCase()}
            {e.actorRole ? ` by ${ROLE_LABELS[e.actorRole] ?? e.actorRole}` : ''}
          </li>
        ))}
      </ol>
    </aside>
  );
}
