/**
 * Who may join which socket.io room: the name is read back into its kind and key here, and the visibility
 * policy (@app/domain roomAdmission) decides. Woman rooms need a database look-up (is she in the user's
 * scope?), passed in as a callback and asked only when the policy would admit the role at all.
 */
import { RoomKind, RoomMember, RoomVerdict, roomAdmission, roomAudience } from '@app/domain';
import { parseRoom, rooms } from './rooms';

export type { RoomMember, RoomVerdict } from '@app/domain';

export async function roomAccess(
  user: RoomMember,
  room: string,
  womanInScope: (womanId: string) => Promise<boolean>,
): Promise<RoomVerdict> {
  const ref = parseRoom(room);
  if (!ref) return { allowed: false, reason: 'unknown room' };
  const mayBeInIt = ref.kind === RoomKind.WOMAN && roomAudience(ref.kind, null).includes(user.role);
  return roomAdmission(user, ref, mayBeInIt ? await womanInScope(ref.key) : false);
}

/** The rooms a user is put in on connect, without asking: her own, and her team's (when the policy admits her). */
export function automaticRooms(user: RoomMember): string[] {
  const list = [rooms.user(user.id)];
  if (user.teamKey) {
    const own = [
      rooms.team(user.role, user.teamKey),
      ...(user.isManager ? [rooms.managers(user.role, user.teamKey)] : []),
    ];
    for (const room of own) {
      const ref = parseRoom(room);
      if (ref && roomAdmission(user, ref, false).allowed) list.push(room);
    }
  }
  return list;
}
