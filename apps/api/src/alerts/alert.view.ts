/** What the API says about an alert: the alert itself, the task's title and whom it is about, never a bare id. */
import { AlertRow } from '@app/database';
import { alertSummary } from '@app/resettlement';
import type { AlertView } from '@app/contracts';
export type { AlertView } from '@app/contracts';

export function toAlertView(row: AlertRow): AlertView {
  return {
    ...alertSummary(row.alert),
    task: { id: row.alert.taskId, ...row.task },
    woman: row.woman,
  };
}
