/**
 * Which task actions to offer a user: the API's own rules (libs/domain task-permissions.ts), restated so the
 * page never offers a button the API would refuse. The API still decides; a refusal is shown in its words.
 */
import { Role } from '@app/contracts';
import type { Session } from './api';

export interface TaskHolding {
  ownerRole: Role;
  assigneeId: string | null;
  claimedByProviderId: string | null;
}

type User = Session['user'];

/** Roles that oversee casework without doing it (a regional manager, where the API has one, like a governor). */
const OVERSIGHT_ROLES: readonly Role[] = [Role.GOVERNOR, Role.REGIONAL_MANAGER];

export function mayClaim(user: User, task: TaskHolding): boolean {
  if (OVERSIGHT_ROLES.includes(user.role) || user.role === Role.ADMIN) return false;
  return task.ownerRole === user.role && !task.assigneeId;
}

/** Changing a task's status and adding a note. */
export function mayWork(user: User, task: TaskHolding): boolean {
  if (OVERSIGHT_ROLES.includes(user.role)) return false;
  if (user.role === Role.ADMIN) return true;
  if (user.role === Role.CRS_CASEWORKER)
    return task.claimedByProviderId !== null && task.claimedByProviderId === user.providerId;
  return task.assigneeId === user.id || task.ownerRole === user.role;
}
