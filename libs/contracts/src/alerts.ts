/** Alerts: their kinds, and what the API says about one (the alert, the task's title and whom it is about). */
import { AlertSummary, WomanLabel } from './board-events';
import { Pathway } from './pathways';
import type { AlertAction } from './capabilities';
import { Role } from './roles';

export enum AlertKind {
  AT_RISK = 'AT_RISK',
  OVERDUE = 'OVERDUE',
  ESCALATED = 'ESCALATED',
}

export interface AlertView extends AlertSummary {
  task: { id: string; title: string; pathway: Pathway; ownerRole: Role };
  woman: WomanLabel & { prisonCode: string };
  /** The capability table's answer for the reader. */
  allowedActions: AlertAction[];
}
