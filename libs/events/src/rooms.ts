/**
 * Socket.io room names, and which rooms each kind of change goes to. One naming scheme for every
 * emitter and every join. Rooms come in two kinds: full rooms (pre-release team, POM, COM, admin) and
 * restricted rooms (governors' oversight, CRS providers) that never hear of the sensitive pathways.
 */
import { Pathway, Role, SENSITIVE_PATHWAYS } from '@app/domain';

export const rooms = {
  /** The live board of a prison, for the roles that work it. */
  prison: (code: string): string => `prison:${code}`,
  /** The same board for governors: no special category pathways. */
  prisonOversight: (code: string): string => `prison:${code}:oversight`,
  provider: (id: string): string => `provider:${id}`,
  user: (id: string): string => `user:${id}`,
  woman: (id: string): string => `woman:${id}`,
  team: (role: Role, teamKey: string): string => `team:${role}:${teamKey}`,
  managers: (role: Role, teamKey: string): string => `managers:${role}:${teamKey}`,
};

export interface WomanRoomContext {
  id: string;
  prisonCode: string;
  /** Where she was before a transfer: that board must drop her, live. */
  previousPrisonCode?: string | null;
  releaseAreaCode: string;
  providerId: string | null;
  pomId: string | null;
  comId: string | null;
}

export interface TaskRoomContext {
  pathway: Pathway;
  ownerRole: Role;
  assigneeId: string | null;
  /** A task claimed by a CRS provider: its assignee is a caseworker, in a restricted room. */
  claimedByProviderId: string | null;
}

/** The team that owns a task: prison staff by prison, COMs by release area, caseworkers by provider. */
export function owningTeamKey(
  ownerRole: Role,
  woman: Pick<WomanRoomContext, 'prisonCode' | 'releaseAreaCode' | 'providerId'>,
): string | null {
  switch (ownerRole) {
    case Role.PRE_RELEASE_TEAM:
    case Role.POM:
      return woman.prisonCode;
    case Role.COM:
      return woman.releaseAreaCode;
    case Role.CRS_CASEWORKER:
      return woman.providerId;
    default:
      return null;
  }
}

function prisonRooms(woman: WomanRoomContext, includeRestricted: boolean): string[] {
  const codes = [woman.prisonCode, woman.previousPrisonCode].filter((c): c is string => !!c);
  return codes.flatMap((code) =>
    includeRestricted ? [rooms.prison(code), rooms.prisonOversight(code)] : [rooms.prison(code)],
  );
}

function unique(list: (string | null)[]): string[] {
  return [...new Set(list.filter((r): r is string => r !== null))];
}

export function roomsForWomanEvent(woman: WomanRoomContext): string[] {
  return unique([
    ...prisonRooms(woman, true),
    woman.providerId ? rooms.provider(woman.providerId) : null,
    rooms.woman(woman.id),
    woman.pomId ? rooms.user(woman.pomId) : null,
    woman.comId ? rooms.user(woman.comId) : null,
  ]);
}

/** Changes on a sensitive pathway go only to full rooms. */
export function roomsForPathwayEvent(woman: WomanRoomContext, pathway: Pathway): string[] {
  const restricted = !SENSITIVE_PATHWAYS.includes(pathway);
  return unique([
    ...prisonRooms(woman, restricted),
    rooms.woman(woman.id),
    woman.pomId ? rooms.user(woman.pomId) : null,
    woman.comId ? rooms.user(woman.comId) : null,
  ]);
}

export function roomsForTaskEvent(woman: WomanRoomContext, task: TaskRoomContext): string[] {
  const restricted = !SENSITIVE_PATHWAYS.includes(task.pathway);
  const teamKey = owningTeamKey(task.ownerRole, woman);
  const providerSeesIt = restricted && task.ownerRole === Role.CRS_CASEWORKER && woman.providerId !== null;
  const assigneeSeesIt = task.assigneeId !== null && (task.claimedByProviderId === null || restricted);
  return unique([
    ...prisonRooms(woman, restricted),
    providerSeesIt ? rooms.provider(woman.providerId as string) : null,
    rooms.woman(woman.id),
    woman.pomId ? rooms.user(woman.pomId) : null,
    woman.comId ? rooms.user(woman.comId) : null,
    assigneeSeesIt ? rooms.user(task.assigneeId as string) : null,
    teamKey && (restricted || task.ownerRole !== Role.CRS_CASEWORKER) ? rooms.team(task.ownerRole, teamKey) : null,
  ]);
}

/** An escalation also reaches the owning team's managers. */
export function roomsForEscalation(woman: WomanRoomContext, task: TaskRoomContext): string[] {
  const teamKey = owningTeamKey(task.ownerRole, woman);
  return unique([...roomsForTaskEvent(woman, task), teamKey ? rooms.managers(task.ownerRole, teamKey) : null]);
}

export interface ReferralRoomContext {
  pathways: readonly Pathway[];
  providerId: string;
  /** A draft is the referrer's own business until it is sent. */
  sent: boolean;
  caseworkerId: string | null;
}

/**
 * A referral reaches its provider once sent, whatever its pathways: the provider was referred for them.
 * Governors' oversight rooms hear of it only when no pathway is special category.
 */
export function roomsForReferralEvent(woman: WomanRoomContext, referral: ReferralRoomContext): string[] {
  const restricted = referral.pathways.every((p) => !SENSITIVE_PATHWAYS.includes(p));
  return unique([
    ...prisonRooms(woman, restricted),
    rooms.woman(woman.id),
    woman.pomId ? rooms.user(woman.pomId) : null,
    woman.comId ? rooms.user(woman.comId) : null,
    referral.sent ? rooms.provider(referral.providerId) : null,
    referral.sent && referral.caseworkerId ? rooms.user(referral.caseworkerId) : null,
  ]);
}
