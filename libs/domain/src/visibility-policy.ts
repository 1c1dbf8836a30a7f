/**
 * Need-to-know, in one place: for each kind of data Resettle holds about a woman, which roles may see it
 * (always within their scope of women, see access-scope.ts). Every exit (REST views and their audit trails,
 * reports and CSV, socket rooms, published events and replays) asks this module; no exit keeps a role list of
 * its own. The README's visibility table is this table, and a unit test holds the two together.
 *
 * Sources: UK GDPR art. 9 and Data Protection Act 2018 s.10 and Sch. 1 (special category data: health, sex
 * life, and data revealing them) and the data minimisation principle (UK GDPR art. 5(1)(c)); the HMPPS
 * "Refer and monitor an intervention" service shows providers the referral and its risk information, never
 * the rest of the case (ministryofjustice/hmpps-interventions-service).
 */
import { accessScopeFor } from './access-scope';
import { Pathway } from './pathways';
import { Role, ROLES } from './roles';

/** Pathways whose very status reveals special category data (abuse, sex work, health). */
export const SENSITIVE_PATHWAYS: readonly Pathway[] = [Pathway.DOMESTIC_ABUSE, Pathway.SEX_WORK, Pathway.HEALTH];

export enum DataKind {
  /** Name, prison number, dates of birth and release, prison, release area, POM and COM. */
  WOMAN_RECORD = 'WOMAN_RECORD',
  /** Domestic abuse, sex work, mental health and the other flags on her record. */
  SENSITIVE_FLAGS = 'SENSITIVE_FLAGS',
  /** The domestic abuse, sex work and health pathways: statuses, tasks, alerts, referrals for them. */
  SENSITIVE_PATHWAYS = 'SENSITIVE_PATHWAYS',
  /** Tasks owned by another role than the reader's. */
  OTHER_ROLES_TASKS = 'OTHER_ROLES_TASKS',
  /** What was written in a task note (often what she said). */
  TASK_NOTES = 'TASK_NOTES',
  /** Needs assessments and their outcomes. */
  ASSESSMENTS = 'ASSESSMENTS',
  /** A referral before it is sent: the referrer's own business. */
  REFERRAL_DRAFTS = 'REFERRAL_DRAFTS',
  /** A referral's risk of serious harm level, risk summary, additional information and action plan. */
  RISK_INFORMATION = 'RISK_INFORMATION',
  /** The release-day plan's free text and her health appointments. */
  RELEASE_DAY_DETAIL = 'RELEASE_DAY_DETAIL',
  /** Bank account and ID document applications. */
  FINANCE_AND_ID = 'FINANCE_AND_ID',
  /** Receptions, transfers, releases and recalls. */
  MOVEMENTS = 'MOVEMENTS',
}

const { PRE_RELEASE_TEAM, POM, COM, CRS_CASEWORKER, GOVERNOR, REGIONAL_MANAGER, ADMIN } = Role;
const CASE_HOLDERS: readonly Role[] = [PRE_RELEASE_TEAM, POM, COM, ADMIN];

/**
 * Who sees what, within her scope of women. A CRS caseworker's scope is her provider's release areas and her
 * provider's referrals; governors and regional managers oversee and never see special category data.
 */
export const VISIBILITY: Readonly<Record<DataKind, readonly Role[]>> = {
  [DataKind.WOMAN_RECORD]: ROLES,
  [DataKind.SENSITIVE_FLAGS]: CASE_HOLDERS,
  [DataKind.SENSITIVE_PATHWAYS]: CASE_HOLDERS,
  [DataKind.OTHER_ROLES_TASKS]: [PRE_RELEASE_TEAM, POM, COM, GOVERNOR, REGIONAL_MANAGER, ADMIN],
  [DataKind.TASK_NOTES]: [...CASE_HOLDERS, CRS_CASEWORKER],
  [DataKind.ASSESSMENTS]: CASE_HOLDERS,
  [DataKind.REFERRAL_DRAFTS]: CASE_HOLDERS,
  [DataKind.RISK_INFORMATION]: [...CASE_HOLDERS, CRS_CASEWORKER],
  [DataKind.RELEASE_DAY_DETAIL]: CASE_HOLDERS,
  [DataKind.FINANCE_AND_ID]: CASE_HOLDERS,
  [DataKind.MOVEMENTS]: ROLES,
};

/** What the table means for a CRS caseworker, in words for the README (she sees nothing else of a case). */
export const CRS_CASEWORKER_LIMITS: Readonly<Partial<Record<DataKind, string>>> = {
  [DataKind.TASK_NOTES]: 'on her provider’s tasks only',
  [DataKind.RISK_INFORMATION]: 'on referrals sent to her provider only',
  [DataKind.SENSITIVE_PATHWAYS]: 'only as the pathways of a referral sent to her provider',
};

export function mayView(role: Role, kind: DataKind): boolean {
  return VISIBILITY[kind].includes(role);
}

export function canSeeSensitiveFlags(role: Role): boolean {
  return mayView(role, DataKind.SENSITIVE_FLAGS);
}

export function canSeePathway(role: Role, pathway: Pathway): boolean {
  return !SENSITIVE_PATHWAYS.includes(pathway) || mayView(role, DataKind.SENSITIVE_PATHWAYS);
}

export interface TaskVisibility {
  hiddenPathways: readonly Pathway[];
  /** When set, only tasks owned by this role are visible (a CRS caseworker sees her provider's queue). */
  ownerRoleOnly: Role | null;
}

export function taskVisibilityFor(role: Role): TaskVisibility {
  return {
    hiddenPathways: mayView(role, DataKind.SENSITIVE_PATHWAYS) ? [] : SENSITIVE_PATHWAYS,
    ownerRoleOnly: mayView(role, DataKind.OTHER_ROLES_TASKS) ? null : role,
  };
}

export function canSeeTask(role: Role, task: { pathway: Pathway; ownerRole: Role }): boolean {
  const visibility = taskVisibilityFor(role);
  if (visibility.hiddenPathways.includes(task.pathway)) return false;
  return visibility.ownerRoleOnly === null || visibility.ownerRoleOnly === task.ownerRole;
}

/*
 * Rooms and events. A socket.io room is a broadcast: everyone in it receives every event addressed to it, live
 * and on replay. So a room may carry an event only when every role that may join the room may see all of the
 * event; the audience of each kind of room is decided here, and what a room carries follows from the table
 * above. We split rooms by sensitivity rather than filter per socket: the outbox stores each event with its
 * rooms and the relay publishes it once through Redis to every gateway, so a per-socket filter would have to
 * re-judge every event on every gateway for every socket, and a replay and a live delivery could then differ.
 */

/** The kinds of room; their names are libs/events' business (see rooms.ts). */
export enum RoomKind {
  /** A prison's live board, for the staff who work it. */
  PRISON = 'PRISON',
  /** The same board for those who oversee the prison. */
  PRISON_OVERSIGHT = 'PRISON_OVERSIGHT',
  /** A CRS provider's queue. */
  PROVIDER = 'PROVIDER',
  /** One user's own room: her alerts and her assignments. */
  USER = 'USER',
  /** One woman's case, for those who hold all of it. */
  WOMAN = 'WOMAN',
  /** A role's team (prison code, release area or provider id), where alerts on the team's tasks go. */
  TEAM = 'TEAM',
  /** The managers of a team: the escalation ladder's first rung. */
  MANAGERS = 'MANAGERS',
}

export interface RoomRef {
  kind: RoomKind;
  /** The prison code, provider id, user id, woman id or team key the room is named by. */
  key: string;
  /** TEAM and MANAGERS rooms: whose team. */
  teamRole: Role | null;
}

/** Roles who may see every kind of data about a woman in their scope: the holders of her case. */
export const WHOLE_CASE_ROLES: readonly Role[] = ROLES.filter((role) =>
  Object.values(DataKind).every((kind) => mayView(role, kind)),
);

/**
 * Who may join each kind of room (with a key of her own: her prison, her provider, her team, herself). The woman
 * room is only for those who see her whole case: a governor or a caseworker sees part of it, and follows the
 * prison's oversight board or her provider's room instead, which carry that part.
 */
export function roomAudience(kind: RoomKind, teamRole: Role | null): readonly Role[] {
  switch (kind) {
    case RoomKind.PRISON:
      return [PRE_RELEASE_TEAM, POM, ADMIN];
    case RoomKind.PRISON_OVERSIGHT:
      return [GOVERNOR, REGIONAL_MANAGER, ADMIN];
    case RoomKind.PROVIDER:
      return [CRS_CASEWORKER, ADMIN];
    case RoomKind.WOMAN:
      return WHOLE_CASE_ROLES;
    case RoomKind.USER:
      // A user room holds one user: the caller names her role.
      return teamRole ? [teamRole] : [];
    case RoomKind.TEAM:
    case RoomKind.MANAGERS:
      return teamRole ? [teamRole, ADMIN] : [ADMIN];
  }
}

/**
 * A team room may name a woman only when every member has her in scope. Prison staff (scope: their prisons) and
 * caseworkers (scope: their provider) share their team's scope; a COM's scope is her own caseload, which her
 * colleagues do not share, so a COM team or managers room names no woman. A COM hears of her own women's tasks
 * and alerts in her user room; a COM manager hears of escalations on the women she holds herself.
 */
export function teamSharesScope(role: Role): boolean {
  const probe = { id: 'probe', role, prisonCodes: ['probe'], providerId: 'probe' };
  return accessScopeFor(probe).kind !== 'COM_CASELOAD';
}

export interface RoomMember {
  id: string;
  role: Role;
  prisonCodes: readonly string[];
  providerId: string | null;
  teamKey: string | null;
  isManager: boolean;
}

export type RoomVerdict = { allowed: true } | { allowed: false; reason: string };

const ADMITTED: RoomVerdict = { allowed: true };
const refused = (reason: string): RoomVerdict => ({ allowed: false, reason });

/** Whether a team key lies inside the member's scope (her prison, her provider); a caseload has no key. */
function teamKeyInScope(member: RoomMember, key: string): boolean {
  const scope = accessScopeFor(member);
  switch (scope.kind) {
    case 'ESTATE':
    case 'COM_CASELOAD':
      return true;
    case 'PRISONS':
      return scope.prisonCodes.includes(key);
    case 'PROVIDER':
      return scope.providerId === key;
  }
}

/**
 * May this member join this room? `womanInScope` answers for WOMAN rooms (a database look-up the caller does);
 * it is ignored for the others.
 */
export function roomAdmission(member: RoomMember, room: RoomRef, womanInScope: boolean): RoomVerdict {
  if (room.kind === RoomKind.USER) return room.key === member.id ? ADMITTED : refused('only your own user room');
  if (!roomAudience(room.kind, room.teamRole).includes(member.role)) {
    switch (room.kind) {
      case RoomKind.PRISON:
        return refused(
          member.role === GOVERNOR || member.role === REGIONAL_MANAGER
            ? 'governors and regional managers follow the prison’s oversight board'
            : 'prison boards are for the staff of the prison',
        );
      case RoomKind.WOMAN:
        return refused('a woman’s room is for those who hold her whole case: follow your board or provider room');
      case RoomKind.TEAM:
      case RoomKind.MANAGERS:
        return refused('not your team');
      default:
        return refused('this board is not for your role');
    }
  }
  const admin = member.role === ADMIN;
  switch (room.kind) {
    case RoomKind.PRISON:
    case RoomKind.PRISON_OVERSIGHT:
      return admin || member.prisonCodes.includes(room.key) ? ADMITTED : refused('not one of your prisons');
    case RoomKind.PROVIDER:
      return admin || member.providerId === room.key ? ADMITTED : refused('not your provider');
    case RoomKind.WOMAN:
      return womanInScope ? ADMITTED : refused('she is not in your caseload');
    case RoomKind.TEAM:
    case RoomKind.MANAGERS: {
      if (admin) return ADMITTED;
      if (member.teamKey !== room.key || !teamKeyInScope(member, room.key)) return refused('not your team');
      return room.kind === RoomKind.MANAGERS && !member.isManager ? refused('only the team’s managers') : ADMITTED;
    }
  }
}

/** What an event tells about a woman beyond her record, judged against the table above. */
export interface EventContent {
  /** The kinds of data the event reveals (WOMAN_RECORD for her name and prison number, and so on). */
  kinds: readonly DataKind[];
  /** The pathways it names. */
  pathways: readonly Pathway[];
  /** The owner role of the task it is about, if any. */
  taskOwnerRole: Role | null;
  /**
   * The pathways are those of a referral sent to this very recipient (her provider's room, or the caseworker the
   * provider gave it to): the provider was referred for them, and sees them (see CRS_CASEWORKER_LIMITS).
   */
  referralSentToRecipient: boolean;
}

export function mayReceive(role: Role, content: EventContent): boolean {
  if (!content.kinds.every((kind) => mayView(role, kind))) return false;
  if (!content.referralSentToRecipient && !content.pathways.every((p) => canSeePathway(role, p))) return false;
  if (content.taskOwnerRole === null) return true;
  const { ownerRoleOnly } = taskVisibilityFor(role);
  return ownerRoleOnly === null || ownerRoleOnly === content.taskOwnerRole;
}

/** Whether a room may carry an event about a woman: every role that may be in it may see all of the event. */
export function roomMayCarry(room: Pick<RoomRef, 'kind' | 'teamRole'>, content: EventContent): boolean {
  const teamRoom = room.kind === RoomKind.TEAM || room.kind === RoomKind.MANAGERS;
  if (teamRoom && (room.teamRole === null || !teamSharesScope(room.teamRole))) return false;
  const audience = roomAudience(room.kind, room.teamRole);
  return audience.length > 0 && audience.every((role) => mayReceive(role, content));
}
