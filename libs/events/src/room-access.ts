/**
 * Who may join which socket.io room: the same need-to-know rules as the API, applied on the server to
 * every join. Woman rooms need a database look-up (is she in the user's scope?), passed in as a callback.
 */
import { isOversightRole, Role } from '@app/domain';

export interface RoomMember {
  id: string;
  role: Role;
  prisonCodes: readonly string[];
  providerId: string | null;
  teamKey: string | null;
  isManager: boolean;
}

export type RoomVerdict = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: RoomVerdict = { allowed: true };
const refuse = (reason: string): RoomVerdict => ({ allowed: false, reason });

export async function roomAccess(
  user: RoomMember,
  room: string,
  womanInScope: (womanId: string) => Promise<boolean>,
): Promise<RoomVerdict> {
  const parts = room.split(':');
  const [kind] = parts;
  if (kind === 'woman' && parts.length === 2) {
    return (await womanInScope(parts[1])) ? ALLOWED : refuse('she is not in your caseload');
  }
  if (kind === 'user' && parts.length === 2) return parts[1] === user.id ? ALLOWED : refuse('only your own user room');
  if (user.role === Role.ADMIN && ['prison', 'provider', 'team', 'managers'].includes(kind)) return ALLOWED;
  if (kind === 'prison' && parts.length === 2) {
    if (isOversightRole(user.role))
      return refuse(`governors and regional managers follow the oversight board: prison:${parts[1]}:oversight`);
    const prisonStaff = user.role === Role.PRE_RELEASE_TEAM || user.role === Role.POM;
    return prisonStaff && user.prisonCodes.includes(parts[1]) ? ALLOWED : refuse('not one of your prisons');
  }
  if (kind === 'prison' && parts.length === 3 && parts[2] === 'oversight') {
    return isOversightRole(user.role) && user.prisonCodes.includes(parts[1])
      ? ALLOWED
      : refuse('not one of your prisons');
  }
  if (kind === 'provider' && parts.length === 2) {
    return user.role === Role.CRS_CASEWORKER && user.providerId === parts[1] ? ALLOWED : refuse('not your provider');
  }
  if ((kind === 'team' || kind === 'managers') && parts.length === 3) {
    const ownTeam = user.role === (parts[1] as Role) && user.teamKey === parts[2];
    if (!ownTeam) return refuse('not your team');
    return kind === 'managers' && !user.isManager ? refuse('only the team’s managers') : ALLOWED;
  }
  return refuse('unknown room');
}

/** The rooms a user is put in on connect, without asking: her own, and her team's. */
export function automaticRooms(user: RoomMember): string[] {
  const list = [`user:${user.id}`];
  if (user.teamKey) list.push(`team:${user.role}:${user.teamKey}`);
  if (user.teamKey && user.isManager) list.push(`managers:${user.role}:${user.teamKey}`);
  return list;
}
