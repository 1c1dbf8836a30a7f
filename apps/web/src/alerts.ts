/**
 * Alerts as people read them: one line per task, not per threshold. A task that went at risk, overdue and then
 * up the escalation ladder has several open alerts; the line shows the latest (the most serious of those raised
 * together), and acknowledging it acknowledges them all: it is one "I have seen this".
 */
import { AlertKind, AlertView } from '@app/contracts';
import { api } from './api';

export type { AlertView } from '@app/contracts';

export interface TaskAlerts {
  task: AlertView['task'];
  woman: AlertView['woman'];
  /** The latest; of alerts raised together, the most serious. */
  top: AlertView;
  alerts: AlertView[];
}

function severity(alert: AlertView): number {
  if (alert.kind === AlertKind.ESCALATED) return 10 + alert.level;
  return alert.kind === AlertKind.OVERDUE ? 5 : 1;
}

/** Newest first, as the API lists them. */
export function alertsByTask(alerts: AlertView[]): TaskAlerts[] {
  const groups = new Map<string, TaskAlerts>();
  for (const alert of alerts) {
    const group = groups.get(alert.taskId);
    if (!group) {
      groups.set(alert.taskId, { task: alert.task, woman: alert.woman, top: alert, alerts: [alert] });
      continue;
    }
    group.alerts.push(alert);
    // A deadline moved since an old escalation: the newer alert says where the task stands now.
    const newer = Date.parse(alert.createdAt) - Date.parse(group.top.createdAt);
    if (newer > 0 || (newer === 0 && severity(alert) > severity(group.top))) group.top = alert;
  }
  return [...groups.values()];
}

function acknowledgeable(alert: AlertView): boolean {
  return alert.allowedActions.includes('alert.acknowledge');
}

/** Whether the server lets this reader acknowledge the line (any of its alerts). */
export function mayAcknowledge(group: TaskAlerts): boolean {
  return group.alerts.some(acknowledgeable);
}

export async function acknowledgeAll(group: TaskAlerts): Promise<void> {
  await Promise.all(
    group.alerts.filter(acknowledgeable).map((alert) => api('POST', `/alerts/${alert.id}/acknowledge`)),
  );
}
