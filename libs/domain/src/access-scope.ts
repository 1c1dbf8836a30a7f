/**
 * Need-to-know access: which women a user may see. Derived from the user's role and postings;
 * every read and write is filtered through it on the server.
 */
import { PRISON_ROLES, Role } from './roles';

export type AccessScope =
  | { kind: 'ESTATE' }
  | { kind: 'PRISONS'; prisonCodes: readonly string[] }
  | { kind: 'PROVIDER'; providerId: string }
  | {
      kind: 'COM_CASELOAD';
      comUserId: string;
      /**
       * A COM team manager's release area: she also sees the women of that area who have no COM yet, as the
       * probation delivery unit's manager allocates their COM (com-allocation.ts; OMiC on gov.uk).
       */
      unallocatedInArea?: string;
    };

export interface ScopedUser {
  id: string;
  role: Role;
  prisonCodes: readonly string[];
  providerId: string | null;
  /** A COM's team is her release area (the probation delivery unit); with isManager, she allocates COMs there. */
  teamKey?: string | null;
  isManager?: boolean;
}

export function accessScopeFor(user: ScopedUser): AccessScope {
  if (user.role === Role.ADMIN) return { kind: 'ESTATE' };
  if (PRISON_ROLES.includes(user.role)) return { kind: 'PRISONS', prisonCodes: user.prisonCodes };
  if (user.role === Role.CRS_CASEWORKER) {
    // A caseworker with no provider sees nobody rather than everybody.
    return { kind: 'PROVIDER', providerId: user.providerId ?? '00000000-0000-0000-0000-000000000000' };
  }
  if (user.role === Role.COM && user.isManager && user.teamKey) {
    return { kind: 'COM_CASELOAD', comUserId: user.id, unallocatedInArea: user.teamKey };
  }
  return { kind: 'COM_CASELOAD', comUserId: user.id };
}

/** Whether a woman lies in a COM's caseload: her own women, and a manager's area's women awaiting a COM. */
export function inComCaseload(
  scope: { comUserId: string; unallocatedInArea?: string },
  woman: { comId: string | null; releaseAreaCode: string },
): boolean {
  if (woman.comId === scope.comUserId) return true;
  return (
    scope.unallocatedInArea !== undefined && woman.comId === null && woman.releaseAreaCode === scope.unallocatedInArea
  );
}
