/**
 * Who may see and work which tasks. Scope (which women) is decided by AccessScope; this decides, within
 * that, which tasks and pathways a role sees and which tasks it may claim or update.
 */
import { isOversightRole, Role } from './roles';

export interface TaskWorker {
  id: string;
  role: Role;
  providerId: string | null;
}

export interface TaskHolding {
  ownerRole: Role;
  assigneeId: string | null;
  claimedByProviderId: string | null;
}

/** Why this user may not claim the task, or null when she may. */
export function claimRefusal(user: TaskWorker, task: TaskHolding): string | null {
  if (isOversightRole(user.role) || user.role === Role.ADMIN) return `The ${user.role} role does not claim casework`;
  if (task.ownerRole !== user.role) return `This task belongs to the ${task.ownerRole} role`;
  return null;
}

/** Why this user may not change the task's status or add a note, or null when she may. */
export function workRefusal(user: TaskWorker, task: TaskHolding): string | null {
  if (isOversightRole(user.role)) return 'Governors and regional managers oversee tasks but do not change them';
  if (user.role === Role.ADMIN) return null;
  if (user.role === Role.CRS_CASEWORKER) {
    return task.claimedByProviderId !== null && task.claimedByProviderId === user.providerId
      ? null
      : 'Claim the task for your provider before working it';
  }
  if (task.assigneeId === user.id || task.ownerRole === user.role) return null;
  return `This task belongs to the ${task.ownerRole} role`;
}
