/** What the API says about an alert: the alert itself, the task's title and whom it is about, never a bare id. */
import { AlertRow } from '@app/database';
import { Pathway, Role } from '@app/domain';
import { AlertSummary, WomanLabel } from '@app/events';
import { alertSummary } from '@app/resettlement';

export interface AlertView extends AlertSummary {
  task: { id: string; title: string; pathway: Pathway; ownerRole: Role };
  woman: WomanLabel & { prisonCode: string };
}

export function toAlertView(row: AlertRow): AlertView {
  return {
    ...alertSummary(row.alert),
    task: { id: row.alert.taskId, ...row.task },
    woman: row.woman,
  };
}
