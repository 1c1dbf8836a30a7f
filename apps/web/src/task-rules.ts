/**
 * Which task actions to offer a user: the API's own rules (libs/domain task-permissions.ts), restated so the
 * page never offers a button the API would refuse. The API still decides; a refusal is shown in its words.
 */
import type { Session } from './api';

export interface TaskHolding {
  ownerRole: string;
  assigneeId: string | null;
  claimedByProviderId: string | null;
}

type User = Session['user'];

/** Roles that oversee casework without doing it (a regional manager, where the API has one, like a governor). */
const OVERSIGHT_ROLES = ['GOVERNOR', 'REGIONAL_MANAGER'];

export function mayClaim(user: User, task: TaskHolding): boolean {
  if (OVERSIGHT_ROLES.includes(user.role) || user.role === 'ADMIN') return false;
  return task.ownerRole === user.role && !task.assigneeId;
}

/** Changing a task's status and adding a note. */
export function mayWork(user: User, task: TaskHolding): boolean {
  if (OVERSIGHT_ROLES.includes(user.role)) return false;
  if (user.role === 'ADMIN') return true;
  if (user.role === 'CRS_CASEWORKER')
    return task.claimedByProviderId !== null && task.claimedByProviderId === user.providerId;
  return task.assigneeId === user.id || task.ownerRole === user.role;
}
