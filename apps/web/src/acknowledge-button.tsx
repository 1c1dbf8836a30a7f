/**
 * "Acknowledge" for one task's open alerts, where the reader may (the alerts panel and her panel both offer it):
 * acknowledges each of them through the caller's action runner, which says what happened and reloads.
 */
import { acknowledgeAll, mayAcknowledge, TaskAlerts } from './alerts';
import { t } from './i18n';
import { taskTitle } from './task-title';

type RunAction = (label: string, call: () => Promise<unknown>, success?: string) => Promise<boolean>;

export function AcknowledgeButton({ group, run }: { group: TaskAlerts; run: RunAction }) {
  if (!mayAcknowledge(group)) return null;
  const task = taskTitle(group.task.title);
  return (
    <button
      className="button-secondary button-small"
      onClick={() => void run(t('alerts.alertOn', { task }), () => acknowledgeAll(group), t('alerts.acknowledged'))}
    >
      {t('alerts.acknowledge')}
      <span className="visually-hidden"> {t('alerts.acknowledgeHidden', { task })}</span>
    </button>
  );
}
