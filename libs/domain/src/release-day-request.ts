/**
 * Who may ask that she go one more working day early. The HMPPS policy framework on the Offenders (Day of Release
 * from Detention) Act 2023 (November 2023) gives that application to her community offender manager, who knows
 * what her resettlement needs; nobody else makes it for her.
 */
import { Role } from './roles';

export interface ReleaseDayRequester {
  id: string;
  role: Role;
}

/** Why this user may not make or withdraw the request, or null when she may. */
export function releaseDayRequestRefusal(user: ReleaseDayRequester, woman: { comId: string | null }): string | null {
  if (user.role !== Role.COM) return 'Only her community offender manager may ask for an earlier release day';
  if (woman.comId !== user.id) return 'Only her own community offender manager may ask for an earlier release day';
  return null;
}
