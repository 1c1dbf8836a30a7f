/**
 * What the API says about an alert: the alert itself, the task's title and whom it is about, never a bare id, and
 * what the reader may do with it.
 */
import type { AlertAction } from '@app/contracts';
import { AlertRow } from '@app/database';
import { allowedActions, CapabilityUser, Pathway, Role } from '@app/domain';
import { AlertSummary, WomanLabel } from '@app/events';
import { alertSummary } from '@app/resettlement';

export interface AlertView extends AlertSummary {
  task: { id: string; title: string; pathway: Pathway; ownerRole: Role };
  woman: WomanLabel & { prisonCode: string };
  /** The capability table's answer for the reader. */
  allowedActions: AlertAction[];
}

export function toAlertView(row: AlertRow, reader: CapabilityUser): AlertView {
  return {
    ...alertSummary(row.alert),
    task: { id: row.alert.taskId, ...row.task },
    woman: row.woman,
    allowedActions: allowedActions(reader, { kind: 'alert', acknowledged: row.alert.acknowledgedAt !== null }),
  };
}
