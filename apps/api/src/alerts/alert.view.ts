/**
 * What the API says about an alert: the alert itself, the task's title and whom it is about, never a bare id, and
 * what the reader may do with it.
 */
import type { AlertView } from '@app/contracts';
import { AlertRow } from '@app/database';
import { allowedActions, CapabilityUser } from '@app/domain';
import { alertSummary } from '@app/resettlement';

export type { AlertView } from '@app/contracts';

export function toAlertView(row: AlertRow, reader: CapabilityUser): AlertView {
  return {
    ...alertSummary(row.alert),
    task: { id: row.alert.taskId, ...row.task },
    woman: row.woman,
    allowedActions: allowedActions(reader, { kind: 'alert', acknowledged: row.alert.acknowledgedAt !== null }),
  };
}
