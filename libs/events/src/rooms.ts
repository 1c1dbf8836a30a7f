/**
 * Socket.io room names, and which rooms each kind of change goes to. One naming scheme for every emitter and
 * every join. Which rooms may carry an event is not decided here: each candidate room is put to the visibility
 * policy (@app/domain roomMayCarry), which answers from the room's audience and what the event reveals. The
 * gateway's replay asks the same question of events already stored, so live and replayed delivery agree.
 */
import { DataKind, EventContent, Pathway, Role, RoomKind, RoomRef, roomMayCarry, ROLES } from '@app/domain';
import { rooms, ReferralSummary, TaskSummary } from '@app/contracts';
import { BoardEventType, EVENT_REVEALS, PathwayStatusSummary } from './board-events';

export { rooms } from '@app/contracts';

/** What names each kind of room: the oracle test generates every room a client can ask for from this. */
export type RoomKey = 'PRISON_CODE' | 'PROVIDER_ID' | 'USER_ID' | 'WOMAN_ID' | 'TEAM_KEY';

export const ROOM_NAMING: Readonly<
  Record<RoomKind, { key: RoomKey; byRole: boolean; name: (key: string, role: Role | null) => string }>
> = {
  [RoomKind.PRISON]: { key: 'PRISON_CODE', byRole: false, name: (key) => rooms.prison(key) },
  [RoomKind.PRISON_OVERSIGHT]: { key: 'PRISON_CODE', byRole: false, name: (key) => rooms.prisonOversight(key) },
  [RoomKind.PROVIDER]: { key: 'PROVIDER_ID', byRole: false, name: (key) => rooms.provider(key) },
  [RoomKind.USER]: { key: 'USER_ID', byRole: false, name: (key) => rooms.user(key) },
  [RoomKind.WOMAN]: { key: 'WOMAN_ID', byRole: false, name: (key) => rooms.woman(key) },
  [RoomKind.TEAM]: { key: 'TEAM_KEY', byRole: true, name: (key, role) => rooms.team(role as Role, key) },
  [RoomKind.MANAGERS]: { key: 'TEAM_KEY', byRole: true, name: (key, role) => rooms.managers(role as Role, key) },
};

/** A room name read back into its kind and key; null for a name no room has. */
export function parseRoom(room: string): RoomRef | null {
  const parts = room.split(':');
  const [kind, a, b] = parts;
  const key = (k: string | undefined) => (k && k.length > 0 ? k : null);
  if (kind === 'prison' && parts.length === 2 && key(a)) return { kind: RoomKind.PRISON, key: a, teamRole: null };
  if (kind === 'prison' && parts.length === 3 && key(a) && b === 'oversight')
    return { kind: RoomKind.PRISON_OVERSIGHT, key: a, teamRole: null };
  if (kind === 'provider' && parts.length === 2 && key(a)) return { kind: RoomKind.PROVIDER, key: a, teamRole: null };
  if (kind === 'user' && parts.length === 2 && key(a)) return { kind: RoomKind.USER, key: a, teamRole: null };
  if (kind === 'woman' && parts.length === 2 && key(a)) return { kind: RoomKind.WOMAN, key: a, teamRole: null };
  if ((kind === 'team' || kind === 'managers') && parts.length === 3 && ROLES.includes(a as Role) && key(b)) {
    return { kind: kind === 'team' ? RoomKind.TEAM : RoomKind.MANAGERS, key: b, teamRole: a as Role };
  }
  return null;
}

/**
 * What a routing or replay decision needs to know of an event: its type, and the task, pathway or referral (every
 * board event is one).
 */
export interface EventFacts {
  type: BoardEventType;
  task?: Pick<TaskSummary, 'pathway' | 'ownerRole'>;
  pathway?: PathwayStatusSummary;
  referral?: Pick<ReferralSummary, 'pathways' | 'providerId' | 'sent' | 'caseworkerId'>;
}

/** The event's content for the policy, as received in a given room (a referral reads differently at its provider). */
export function eventContent(event: EventFacts, room: RoomRef): EventContent {
  const referral = event.referral;
  const sent = referral?.sent === true;
  const pathways = [
    ...(event.task ? [event.task.pathway] : []),
    ...(event.pathway ? [event.pathway.pathway] : []),
    ...(referral?.pathways ?? []),
  ];
  const recipientOfReferral =
    sent &&
    referral !== undefined &&
    ((room.kind === RoomKind.PROVIDER && room.key === referral.providerId) ||
      (room.kind === RoomKind.USER && room.key === referral.caseworkerId));
  return {
    kinds: [...EVENT_REVEALS[event.type], ...(referral && !sent ? [DataKind.REFERRAL_DRAFTS] : [])],
    pathways,
    taskOwnerRole: event.task?.ownerRole ?? null,
    referralSentToRecipient: recipientOfReferral,
  };
}

/**
 * May this room carry this event? A user room's audience is its one user, whose role the caller knows (the
 * woman's POM, her COM, a task's assignee, the referral's caseworker, or the socket's own user on replay).
 */
export function roomCarries(room: string, event: EventFacts, userRole: Role | null = null): boolean {
  const ref = parseRoom(room);
  // Not a board event (a gateway-to-gateway message stored in the outbox): never a client's business.
  if (!ref || typeof event.type !== 'string' || !Object.hasOwn(EVENT_REVEALS, event.type)) return false;
  const teamRole = ref.kind === RoomKind.USER ? userRole : ref.teamRole;
  return roomMayCarry({ kind: ref.kind, teamRole }, eventContent(event, ref));
}

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

/** A room that might hear of a change, with the role of its one user when it is a user room. */
interface Candidate {
  room: string;
  userRole?: Role;
}

/** Every room that could hear of a change to this woman; the policy then keeps those that may. */
function womanCandidates(woman: WomanRoomContext): Candidate[] {
  const codes = [woman.prisonCode, woman.previousPrisonCode].filter((c): c is string => !!c);
  return [
    ...codes.flatMap((code) => [{ room: rooms.prison(code) }, { room: rooms.prisonOversight(code) }]),
    ...(woman.providerId ? [{ room: rooms.provider(woman.providerId) }] : []),
    { room: rooms.woman(woman.id) },
    ...(woman.pomId ? [{ room: rooms.user(woman.pomId), userRole: Role.POM }] : []),
    ...(woman.comId ? [{ room: rooms.user(woman.comId), userRole: Role.COM }] : []),
  ];
}

function carried(candidates: Candidate[], event: EventFacts): string[] {
  return [...new Set(candidates.filter((c) => roomCarries(c.room, event, c.userRole ?? null)).map((c) => c.room))];
}

export function roomsForWomanEvent(woman: WomanRoomContext, type: BoardEventType): string[] {
  return carried(womanCandidates(woman), { type });
}

export function roomsForPathwayEvent(woman: WomanRoomContext, pathway: Pathway, status: string): string[] {
  return carried(womanCandidates(woman), { type: 'pathway.status_changed', pathway: { pathway, status } });
}

function taskCandidates(woman: WomanRoomContext, task: TaskRoomContext, escalation: boolean): Candidate[] {
  const teamKey = owningTeamKey(task.ownerRole, woman);
  return [
    ...womanCandidates(woman),
    // Only a task's owner role may claim it (see task-permissions.ts), so its assignee holds that role.
    ...(task.assigneeId ? [{ room: rooms.user(task.assigneeId), userRole: task.ownerRole }] : []),
    ...(teamKey ? [{ room: rooms.team(task.ownerRole, teamKey) }] : []),
    ...(teamKey && escalation ? [{ room: rooms.managers(task.ownerRole, teamKey) }] : []),
  ];
}

/** The task as a routing decision sees it (the summary's fields that matter to the policy). */
function taskFacts(task: TaskRoomContext): NonNullable<EventFacts['task']> {
  return { pathway: task.pathway, ownerRole: task.ownerRole };
}

export function roomsForTaskEvent(
  woman: WomanRoomContext,
  task: TaskRoomContext,
  type: BoardEventType = 'task.status_changed',
): string[] {
  return carried(taskCandidates(woman, task, false), { type, task: taskFacts(task) });
}

/** An escalation also reaches the owning team's managers. */
export function roomsForEscalation(
  woman: WomanRoomContext,
  task: TaskRoomContext,
  type: BoardEventType = 'alert.raised',
): string[] {
  return carried(taskCandidates(woman, task, true), { type, task: taskFacts(task) });
}

export interface ReferralRoomContext {
  pathways: readonly Pathway[];
  providerId: string;
  /** A draft is the referrer's own business until it is sent. */
  sent: boolean;
  caseworkerId: string | null;
}

/**
 * A referral reaches its provider once sent, whatever its pathways: the provider was referred for them. The
 * policy keeps drafts and special category pathways out of the oversight room.
 */
export function roomsForReferralEvent(
  woman: WomanRoomContext,
  referral: ReferralRoomContext,
  type: 'referral.changed' | 'session.changed' = 'referral.changed',
): string[] {
  // The provider of her area hears of a referral only when it is the one referred to (below).
  const candidates: Candidate[] = [
    ...womanCandidates(woman).filter((c) => parseRoom(c.room)?.kind !== RoomKind.PROVIDER),
    { room: rooms.provider(referral.providerId) },
    ...(referral.caseworkerId ? [{ room: rooms.user(referral.caseworkerId), userRole: Role.CRS_CASEWORKER }] : []),
  ];
  const facts: EventFacts = {
    type,
    referral: {
      pathways: [...referral.pathways],
      providerId: referral.providerId,
      sent: referral.sent,
      caseworkerId: referral.caseworkerId,
    },
  };
  return carried(candidates, facts);
}

/**
 * A concern raised in a session's feedback goes to her COM, who holds her supervision (hmpps-interventions-service:
 * "notify probation practitioner"). Without a COM yet, the pre-release team's board of her prison hears of it.
 */
export function roomsForSessionConcern(woman: WomanRoomContext, referral: ReferralRoomContext): string[] {
  const candidates: Candidate[] = woman.comId
    ? [{ room: rooms.user(woman.comId), userRole: Role.COM }]
    : [{ room: rooms.prison(woman.prisonCode) }];
  return carried(candidates, {
    type: 'session.concern_raised',
    referral: {
      pathways: [...referral.pathways],
      providerId: referral.providerId,
      sent: referral.sent,
      caseworkerId: referral.caseworkerId,
    },
  });
}
