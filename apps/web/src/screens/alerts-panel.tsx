/** Open alerts until someone acknowledges them; a new one is also announced. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';

interface Alert {
  id: string;
  taskId: string;
  kind: string;
  level: number;
  createdAt: string;
}

const KIND_LABELS: Record<string, string> = { AT_RISK: 'At risk', OVERDUE: 'Overdue', ESCALATED: 'Escalated' };

export function AlertsPanel({ refreshKey }: { refreshKey: number }) {
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const load = useCallback(async () => setAlerts(await api<Alert[]>('GET', '/alerts?open=true')), []);
  useEffect(() => {
    void load().catch(() => undefined);
  }, [load, refreshKey]);

  return (
    <section className="alerts" aria-labelledby="alerts-title">
      <h2 id="alerts-title">Alerts ({alerts.length})</h2>
      {alerts.length === 0 && <p>No open alerts.</p>}
      <ul className="plain">
        {alerts.slice(0, 50).map((alert) => (
          <li key={alert.id} data-alert-id={alert.id}>
            <span className={`tag tag-${alert.kind === 'AT_RISK' ? 'at_risk' : 'overdue'}`}>
              <span aria-hidden="true">{alert.kind === 'AT_RISK' ? '▲' : '✖'}</span>{' '}
              {KIND_LABELS[alert.kind] ?? alert.kind}
              {alert.level > 0 ? ` (level ${alert.level})` : ''}
            </span>{' '}
            task {alert.taskId.slice(0, 8)} · {new Date(alert.createdAt).toLocaleString('en-GB')}{' '}
            <button onClick={() => void api('POST', `/alerts/${alert.id}/acknowledge`).then(load)}>Acknowledge</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
