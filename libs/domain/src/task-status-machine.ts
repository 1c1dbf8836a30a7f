/** Which task status changes are allowed, and the sentence a worker sees when one is not. */
import { TaskStatus } from './tasks';

/** Done and not-needed tasks can be reopened, but only to where the work would pick up again. */
const ALLOWED_CHANGES: Readonly<Record<TaskStatus, readonly TaskStatus[]>> = {
  [TaskStatus.TODO]: [TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, TaskStatus.DONE, TaskStatus.NOT_NEEDED],
  [TaskStatus.IN_PROGRESS]: [TaskStatus.TODO, TaskStatus.BLOCKED, TaskStatus.DONE, TaskStatus.NOT_NEEDED],
  [TaskStatus.BLOCKED]: [TaskStatus.TODO, TaskStatus.IN_PROGRESS, TaskStatus.DONE, TaskStatus.NOT_NEEDED],
  [TaskStatus.DONE]: [TaskStatus.IN_PROGRESS],
  [TaskStatus.NOT_NEEDED]: [TaskStatus.TODO],
};

const STATUS_LABELS: Readonly<Record<TaskStatus, string>> = {
  [TaskStatus.TODO]: 'To do',
  [TaskStatus.IN_PROGRESS]: 'In progress',
  [TaskStatus.BLOCKED]: 'Blocked',
  [TaskStatus.DONE]: 'Done',
  [TaskStatus.NOT_NEEDED]: 'Not needed',
};

export function canChangeTaskStatus(from: TaskStatus, to: TaskStatus): boolean {
  return ALLOWED_CHANGES[from].includes(to);
}

/** A blocked task must say why, or nobody else on the board knows how to unblock it. */
export function taskStatusChangeProblem(
  from: TaskStatus,
  to: TaskStatus,
  blockedReason?: string | null,
): string | null {
  if (from === to) {
    return `The task is already in "${STATUS_LABELS[to]}".`;
  }
  if (!canChangeTaskStatus(from, to)) {
    const allowed = ALLOWED_CHANGES[from].map((status) => `"${STATUS_LABELS[status]}"`).join(' or ');
    return `A task in "${STATUS_LABELS[from]}" cannot move to "${STATUS_LABELS[to]}"; from there it can only move to ${allowed}.`;
  }
  if (to === TaskStatus.BLOCKED && !blockedReason?.trim()) {
    return 'Say why the task is blocked.';
  }
  return null;
}
