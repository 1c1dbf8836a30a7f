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
import { ReferralStatus } from './referrals';
import { AppointmentKind, ChecklistItem, CHECKLIST_ITEMS } from './release-day';
import { Role, ROLES } from './roles';

/** Pathways whose very status reveals special category data (abuse, sex work, health). */
export const SENSITIVE_PATHWAYS: readonly Pathway[] = [Pathway.DOMESTIC_ABUSE, Pathway.SEX_WORK, Pathway.HEALTH];

export enum DataKind {
  /** Name, prison number, dates of birth and release, prison, release area, POM and COM, and warnings. */
  WOMAN_RECORD = 'WOMAN_RECORD',
  /** The status of her resettlement pathways other than the special category ones. */
  PATHWAYS = 'PATHWAYS',
  /** Domestic abuse, sex work, mental health and the other flags on her record. */
  SENSITIVE_FLAGS = 'SENSITIVE_FLAGS',
  /** The domestic abuse, sex work and health pathways: statuses, tasks, alerts, referrals for them. */
  SENSITIVE_PATHWAYS = 'SENSITIVE_PATHWAYS',
  /** Tasks owned by the reader's own role (title, status, deadlines, who holds them) and their alerts. */
  TASKS = 'TASKS',
  /** Tasks owned by another role than the reader's. */
  OTHER_ROLES_TASKS = 'OTHER_ROLES_TASKS',
  /** What was written in a task note (often what she said). */
  TASK_NOTES = 'TASK_NOTES',
  /** Needs assessments, their outcomes and the notes written with them. */
  ASSESSMENTS = 'ASSESSMENTS',
  /** A sent referral: reference, provider, status, pathways, stage dates, reasons for a return or withdrawal. */
  REFERRALS = 'REFERRALS',
  /** A referral before it is sent: the referrer's own business. */
  REFERRAL_DRAFTS = 'REFERRAL_DRAFTS',
  /** A referral's risk of serious harm level, risk summary, additional information, action plan and end-of-service summary. */
  RISK_INFORMATION = 'RISK_INFORMATION',
  /** Her release-day plan: the practical checklist and her appointments' times and places. */
  RELEASE_DAY_PLAN = 'RELEASE_DAY_PLAN',
  /** The release-day plan's free text, appointment notes, health appointments, medication and safe-space needs. */
  RELEASE_DAY_DETAIL = 'RELEASE_DAY_DETAIL',
  /** Bank account and ID document applications, a recorded barrier to banking, and why a task does not apply. */
  FINANCE_AND_ID = 'FINANCE_AND_ID',
  /** Receptions, transfers, releases and recalls, and where she lived after release. */
  MOVEMENTS = 'MOVEMENTS',
  /** Her keywork sessions (date and keyworker, never what was said) and her keywork target. */
  KEYWORK = 'KEYWORK',
}

export const DATA_KINDS: readonly DataKind[] = Object.values(DataKind);

const { PRE_RELEASE_TEAM, POM, COM, CRS_CASEWORKER, GOVERNOR, REGIONAL_MANAGER, ADMIN } = Role;
const CASE_HOLDERS: readonly Role[] = [PRE_RELEASE_TEAM, POM, COM, ADMIN];

/**
 * Who sees what, within her scope of women. A CRS caseworker's scope is her provider's release areas and her
 * provider's referrals; governors and regional managers oversee and never see special category data.
 */
export const VISIBILITY: Readonly<Record<DataKind, readonly Role[]>> = {
  [DataKind.WOMAN_RECORD]: ROLES,
  [DataKind.PATHWAYS]: ROLES,
  [DataKind.SENSITIVE_FLAGS]: CASE_HOLDERS,
  [DataKind.SENSITIVE_PATHWAYS]: CASE_HOLDERS,
  [DataKind.TASKS]: ROLES,
  [DataKind.OTHER_ROLES_TASKS]: [PRE_RELEASE_TEAM, POM, COM, GOVERNOR, REGIONAL_MANAGER, ADMIN],
  [DataKind.TASK_NOTES]: [...CASE_HOLDERS, CRS_CASEWORKER],
  [DataKind.ASSESSMENTS]: CASE_HOLDERS,
  [DataKind.REFERRALS]: ROLES,
  [DataKind.REFERRAL_DRAFTS]: CASE_HOLDERS,
  [DataKind.RISK_INFORMATION]: [...CASE_HOLDERS, CRS_CASEWORKER],
  [DataKind.RELEASE_DAY_PLAN]: ROLES,
  [DataKind.RELEASE_DAY_DETAIL]: CASE_HOLDERS,
  [DataKind.FINANCE_AND_ID]: CASE_HOLDERS,
  [DataKind.MOVEMENTS]: ROLES,
  // Dates and a keyworker's name, no content: the prison and probation staff who hold her case and those who
  // oversee the prison's keywork (recommendation 7); a CRS provider has no need of it.
  [DataKind.KEYWORK]: [PRE_RELEASE_TEAM, POM, COM, GOVERNOR, REGIONAL_MANAGER, ADMIN],
};

/** What the table means for a CRS caseworker, in words for the README (she sees nothing else of a case). */
export const CRS_CASEWORKER_LIMITS: Readonly<Partial<Record<DataKind, string>>> = {
  [DataKind.TASK_NOTES]: 'on her provider’s tasks only',
  [DataKind.RISK_INFORMATION]: 'on referrals sent to her provider only',
  [DataKind.SENSITIVE_PATHWAYS]: 'only as the pathways of a referral sent to her provider',
  [DataKind.REFERRALS]: 'those sent to her provider only',
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

/** A task's notes: to roles that read notes, on tasks they may see (a caseworker sees only her provider's tasks). */
export function canSeeTaskNotes(role: Role, task: { pathway: Pathway; ownerRole: Role }): boolean {
  return mayView(role, DataKind.TASK_NOTES) && canSeeTask(role, task);
}

/**
 * Why a task does not apply to her is worked out from her flags and any banking barrier (whose words it quotes),
 * so the reasons go only to roles that may see both.
 */
export function canSeeEligibilityReasons(role: Role): boolean {
  return mayView(role, DataKind.SENSITIVE_FLAGS) && mayView(role, DataKind.FINANCE_AND_ID);
}

/** Fields of her record (and of its audit snapshots) that belong to a narrower kind than WOMAN_RECORD. */
export const WOMAN_FIELD_KINDS: Readonly<Record<string, DataKind>> = {
  sensitiveFlags: DataKind.SENSITIVE_FLAGS,
  bankingBarrier: DataKind.FINANCE_AND_ID,
  // A transfer to a secure hospital is made under the Mental Health Act: health data, so special category.
  transferredToHospitalOn: DataKind.SENSITIVE_FLAGS,
  transferredToHospitalFromPrisonCode: DataKind.SENSITIVE_FLAGS,
  // Why her COM asks for an earlier release day often says what her resettlement turns on (a refuge, treatment).
  releaseDayRequestReason: DataKind.RELEASE_DAY_DETAIL,
};

/** Her record's fields this role may not read. */
export function hiddenWomanFields(role: Role): string[] {
  return Object.entries(WOMAN_FIELD_KINDS)
    .filter(([, kind]) => !mayView(role, kind))
    .map(([field]) => field);
}

/** Who reads a referral: her role and, for a provider's caseworker, her provider. */
export interface ReferralReader {
  role: Role;
  providerId: string | null;
}

export interface ReferralVisibility {
  visible: boolean;
  /** Pathways left out of the referral's pathways, outcomes and snapshots. */
  hiddenPathways: readonly Pathway[];
  /** Risk information, additional information, the action plan and the end-of-service summary. */
  riskInformation: boolean;
}

/**
 * What a reader may see of one referral. A provider's caseworker sees a referral only once it is sent to her
 * provider, and then whole (its special category pathways and risk information are why it was sent to her);
 * others see drafts and risk information as the table says, and never a referral whose every pathway is hidden.
 */
export function referralVisibility(
  reader: ReferralReader,
  referral: { providerId: string; status: ReferralStatus | string; pathways: readonly Pathway[] },
): ReferralVisibility {
  const draft = referral.status === (ReferralStatus.DRAFT as string);
  const providerLimited = reader.role === Role.CRS_CASEWORKER;
  const sentToHerProvider = providerLimited && !draft && reader.providerId === referral.providerId;
  const hiddenPathways =
    mayView(reader.role, DataKind.SENSITIVE_PATHWAYS) || sentToHerProvider ? [] : SENSITIVE_PATHWAYS;
  const visible =
    mayView(reader.role, DataKind.REFERRALS) &&
    (!draft || mayView(reader.role, DataKind.REFERRAL_DRAFTS)) &&
    (!providerLimited || sentToHerProvider) &&
    referral.pathways.some((p) => !hiddenPathways.includes(p));
  return {
    visible,
    hiddenPathways,
    riskInformation:
      visible && mayView(reader.role, DataKind.RISK_INFORMATION) && (!providerLimited || sentToHerProvider),
  };
}

/** The same rules as SQL can apply them to a list: drafts in or out, and the pathways that hide a referral. */
export function referralListFilterFor(reader: ReferralReader): {
  includeDrafts: boolean;
  hiddenPathways: readonly Pathway[];
} {
  return {
    includeDrafts: mayView(reader.role, DataKind.REFERRAL_DRAFTS),
    hiddenPathways:
      mayView(reader.role, DataKind.SENSITIVE_PATHWAYS) || reader.role === Role.CRS_CASEWORKER
        ? []
        : SENSITIVE_PATHWAYS,
  };
}

/** Appointments that reveal her health (a GP or pharmacy, a drug and alcohol service). */
export const HEALTH_APPOINTMENT_KINDS: readonly AppointmentKind[] = [
  AppointmentKind.GP_OR_PHARMACY,
  AppointmentKind.DRUG_AND_ALCOHOL_SERVICE,
];

/** Checklist items that reveal her health or her safety (her medication, a safe space after the gate). */
export const RELEASE_DAY_DETAIL_ITEMS: readonly ChecklistItem[] = ['medicationSupply', 'safeSpace'];

export interface ReleaseDayVisibility {
  /** The plan's free text and each appointment's notes. */
  notes: boolean;
  appointmentKinds: (kind: AppointmentKind | string) => boolean;
  checklistItems: readonly ChecklistItem[];
}

/** What of her release-day plan this role reads: the rest of the plan without its detail, or all of it. */
export function releaseDayVisibilityFor(role: Role): ReleaseDayVisibility {
  const detail = mayView(role, DataKind.RELEASE_DAY_DETAIL);
  return {
    notes: detail,
    appointmentKinds: (kind) => detail || !HEALTH_APPOINTMENT_KINDS.includes(kind as AppointmentKind),
    checklistItems: detail ? CHECKLIST_ITEMS : CHECKLIST_ITEMS.filter((i) => !RELEASE_DAY_DETAIL_ITEMS.includes(i)),
  };
}

/** The entity types the change recorder writes to a woman's audit trail, and the kind of record each is. */
export const AUDIT_ENTITY_KINDS: Readonly<Record<string, DataKind>> = {
  WOMAN: DataKind.WOMAN_RECORD,
  PATHWAY: DataKind.PATHWAYS,
  ASSESSMENT: DataKind.ASSESSMENTS,
  TASK: DataKind.TASKS,
  REFERRAL: DataKind.REFERRALS,
  BANK_ACCOUNT: DataKind.FINANCE_AND_ID,
  ID_DOCUMENT: DataKind.FINANCE_AND_ID,
  RELEASE_DAY_PLAN: DataKind.RELEASE_DAY_PLAN,
  ACCOMMODATION_OUTCOME: DataKind.MOVEMENTS,
  KEYWORK: DataKind.KEYWORK,
  // Who printed her plan and what they ticked in (special category details, staff names): the case holders' business.
  RELEASE_PLAN: DataKind.RELEASE_DAY_DETAIL,
};

export type AuditSnapshot = Record<string, unknown> | null;

export interface AuditEntryFacts {
  entityType: string;
  entityId: string;
  action: string;
  before: AuditSnapshot;
  after: AuditSnapshot;
}

/** What the reader may see of the records the entries describe, looked up by the caller (tasks and referrals). */
export interface AuditReading {
  role: Role;
  providerId: string | null;
  /** The task as the reader's own task list has it, or null when she may not see it. */
  task(id: string): { pathway: Pathway; ownerRole: Role } | null;
  /** The referral as it stands, or null when it is outside her scope. */
  referral(id: string): { providerId: string; status: string; pathways: readonly Pathway[] } | null;
}

function without(snapshot: AuditSnapshot, fields: readonly string[]): AuditSnapshot {
  if (!snapshot) return snapshot;
  return Object.fromEntries(Object.entries(snapshot).filter(([key]) => !fields.includes(key)));
}

function pathwayOfEntity(entityId: string): string {
  // Pathway entries are keyed `<womanId>:<PATHWAY>` (older entries: the bare pathway).
  return entityId.slice(entityId.lastIndexOf(':') + 1);
}

function withoutHiddenPathways(snapshot: AuditSnapshot, hidden: readonly Pathway[]): AuditSnapshot {
  if (!snapshot || hidden.length === 0) return snapshot;
  const keep = (items: unknown): unknown =>
    Array.isArray(items)
      ? items.filter((item) => !hidden.includes((item as { pathway?: Pathway } | null)?.pathway as Pathway))
      : items;
  const report = snapshot.endOfServiceReport as { outcomes?: unknown } | null | undefined;
  return {
    ...snapshot,
    ...('pathways' in snapshot ? { pathways: keep(snapshot.pathways) } : {}),
    ...('outcomes' in snapshot ? { outcomes: keep(snapshot.outcomes) } : {}),
    ...(report && typeof report === 'object'
      ? { endOfServiceReport: { ...report, outcomes: keep(report.outcomes) } }
      : {}),
  };
}

// A session's feedback (why she missed it, what was said, a concern) is read like the action plan it follows.
const REFERRAL_RISK_FIELDS = [
  'riskInformation',
  'additionalInformation',
  'actionPlan',
  'endOfServiceReport',
  'needsAndRequirements',
  'feedback',
];

/**
 * Her record's changes whose very name is health data: a transfer to a secure hospital and the return from it are
 * made under the Mental Health Act 1983 (ss.47-50), so the entry is special category whatever fields it holds
 * (UK GDPR art. 9). Left out whole for readers who may not see special category data.
 */
const HEALTH_WOMAN_ACTIONS: readonly string[] = ['TRANSFERRED_TO_HOSPITAL', 'RETURNED_FROM_HOSPITAL'];

/** A snapshot pair that described something and has nothing left once redacted says nothing: leave it out. */
function emptied(original: AuditEntryFacts, before: AuditSnapshot, after: AuditSnapshot): boolean {
  const had = Object.keys(original.before ?? {}).length + Object.keys(original.after ?? {}).length;
  const left = Object.keys(before ?? {}).length + Object.keys(after ?? {}).length;
  return had > 0 && left === 0;
}

/**
 * An audit entry as this reader may see it, or null when it is left out. The rule is the same for every type:
 * an entry about a record she may not see is left out whole; an entry about a record she may see has the
 * fields she may not read removed from its before and after (and is left out if nothing is left). Entity types
 * this policy does not know are left out, so a new kind of record is hidden until someone decides.
 */
export function auditEntryFor(
  entry: AuditEntryFacts,
  reading: AuditReading,
): { before: AuditSnapshot; after: AuditSnapshot } | null {
  const { role } = reading;
  const kind = AUDIT_ENTITY_KINDS[entry.entityType];
  if (kind === undefined || !mayView(role, kind)) return null;
  let hiddenFields: string[] = [];
  let hiddenPathways: readonly Pathway[] = mayView(role, DataKind.SENSITIVE_PATHWAYS) ? [] : SENSITIVE_PATHWAYS;
  switch (entry.entityType) {
    case 'WOMAN':
      if (HEALTH_WOMAN_ACTIONS.includes(entry.action) && !mayView(role, DataKind.SENSITIVE_FLAGS)) return null;
      hiddenFields = hiddenWomanFields(role);
      break;
    case 'PATHWAY':
      if (!canSeePathway(role, pathwayOfEntity(entry.entityId) as Pathway)) return null;
      if (!mayView(role, DataKind.ASSESSMENTS)) hiddenFields = ['notes'];
      break;
    case 'ASSESSMENT':
      break;
    case 'TASK': {
      const task = reading.task(entry.entityId);
      if (!task) return null;
      // A note's words are in the after of its NOTE_ADDED entry.
      if (!canSeeTaskNotes(role, task)) hiddenFields = ['body'];
      break;
    }
    case 'REFERRAL': {
      const referral = reading.referral(entry.entityId);
      if (!referral) return null;
      const visibility = referralVisibility(reading, referral);
      if (!visibility.visible) return null;
      const statuses = [entry.before?.status, entry.after?.status].filter((s) => s !== undefined && s !== null);
      const aboutDraft = statuses.length > 0 && statuses.every((s) => s === ReferralStatus.DRAFT);
      if (aboutDraft && !mayView(role, DataKind.REFERRAL_DRAFTS)) return null;
      hiddenPathways = visibility.hiddenPathways;
      if (!visibility.riskInformation) hiddenFields = REFERRAL_RISK_FIELDS;
      break;
    }
    case 'RELEASE_DAY_PLAN': {
      const visibility = releaseDayVisibilityFor(role);
      const appointment = entry.after ?? entry.before;
      if (appointment && 'kind' in appointment && !visibility.appointmentKinds(appointment.kind as string)) return null;
      if (!visibility.notes) hiddenFields = ['notes'];
      const checklistFields = (s: AuditSnapshot): AuditSnapshot =>
        s && s.checklist && typeof s.checklist === 'object'
          ? {
              ...s,
              checklist: Object.fromEntries(
                Object.entries(s.checklist).filter(([item]) =>
                  visibility.checklistItems.includes(item as ChecklistItem),
                ),
              ),
            }
          : s;
      const before = without(checklistFields(entry.before), hiddenFields);
      const after = without(checklistFields(entry.after), hiddenFields);
      return emptied(entry, before, after) ? null : { before, after };
    }
    default:
      break;
  }
  const before = withoutHiddenPathways(without(entry.before, hiddenFields), hiddenPathways);
  const after = withoutHiddenPathways(without(entry.after, hiddenFields), hiddenPathways);
  return emptied(entry, before, after) ? null : { before, after };
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
