/** Open alerts, one line per task naming the task and the woman, until someone acknowledges them. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { AcknowledgeButton } from '../acknowledge-button';
import { alertsByTask, AlertView } from '../alerts';
import { alertKindText, alertSchedule, formatDateTime, personLabel } from '../format';
import { StatusTag } from '../status-tag';
import { t } from '../i18n';
import { useAction } from '../use-action';
import { taskTitle } from '../task-title';

/** Enough to act on at a glance; the rest wait their turn (the count says how many). */
const SHOWN = 30;

export function AlertsPanel({ refreshKey, onOpen }: { refreshKey: number; onOpen: (womanId: string) => void }) {
  const [alerts, setAlerts] = useState<AlertView[]>([]);
  const load = useCallback(async () => setAlerts(await api<AlertView[]>('GET', '/alerts?open=true')), []);
  const { message, run } = useAction(load);
  useEffect(() => {
    void load().catch(() => undefined);
  }, [load, refreshKey]);

  const groups = alertsByTask(alerts);
  return (
    <section className="alerts" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('alerts.title', { count: groups.length })}</h2>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {groups.length === 0 && <p>{t('alerts.none')}</p>}
      <ul className="plain alert-list">
        {groups.slice(0, SHOWN).map((group) => (
          <li key={group.task.id} data-task-id={group.task.id}>
            <StatusTag state={alertSchedule(group.top.kind)} text={alertKindText(group.top)} />{' '}
            <span className="secondary">{formatDateTime(group.top.createdAt)}</span>
            <span className="alert-task">{taskTitle(group.task.title)}</span>
            <button className="link-button" onClick={() => onOpen(group.woman.id)}>
              {personLabel(group.woman)}
            </button>
            <AcknowledgeButton group={group} run={run} />
          </li>
        ))}
      </ul>
      {groups.length > SHOWN && <p className="secondary">{t('alerts.more', { count: groups.length - SHOWN })}</p>}
    </section>
  );
}
