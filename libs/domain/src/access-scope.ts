/**
 * Need-to-know access: which women a user may see. Derived from the user's role and postings;
 * every read and write is filtered through it on the server.
 */
import { PRISON_ROLES, Role } from './roles';

export type AccessScope =
  | { kind: 'ESTATE' }
  | { kind: 'PRISONS'; prisonCodes: readonly string[] }
  | { kind: 'PROVIDER'; providerId: string }
  | { kind: 'COM_CASELOAD'; comUserId: string };

export interface ScopedUser {
  id: string;
  role: Role;
  prisonCodes: readonly string[];
  providerId: string | null;
}

export function accessScopeFor(user: ScopedUser): AccessScope {
  if (user.role === Role.ADMIN) return { kind: 'ESTATE' };
  if (PRISON_ROLES.includes(user.role)) return { kind: 'PRISONS', prisonCodes: user.prisonCodes };
  if (user.role === Role.CRS_CASEWORKER) {
    // A caseworker with no provider sees nobody rather than everybody.
    return { kind: 'PROVIDER', providerId: user.providerId ?? '00000000-0000-0000-0000-000000000000' };
  }
  return { kind: 'COM_CASELOAD', comUserId: user.id };
}
