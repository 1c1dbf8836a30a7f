/**
 * Who may do what, in one table: for every action of the vocabulary (libs/contracts/src/capabilities.ts), the
 * roles that may ever take it and, where the rule depends on the object, the condition on it (the task's owner
 * role and holder, the referral's provider and caseworker, her COM). Beside the visibility policy, which says
 * what a user may see: scope (which women) is AccessScope's, and this table decides what she may do within it.
 *
 * The route guard asks `roleRefusal` (may this role ever take the action?), services ask `refusal` on the object
 * they loaded, and every view carries `allowedActions` from the same rules, so the web never decides.
 *
 * Sources, beside the rules: the inspection's recommendations 5 and 6 on CRS referrals (see referrals.ts); the
 * HMPPS "Refer and monitor an intervention" service for the provider's steps (ministryofjustice/hmpps-
 * interventions-service); the HMPPS policy framework on the Offenders (Day of Release from Detention) Act 2023
 * for the release-day request (see release-day-request.ts).
 */
import {
  ALERT_ACTIONS,
  KEYWORK_ACTIONS,
  PLAN_ACTIONS,
  REFERRAL_ACTIONS,
  SESSION_ACTIONS,
  TASK_ACTIONS,
  type Action,
  type AlertAction,
  type KeyworkAction,
  type PlanAction,
  type ReferralActionName,
  type SessionActionName,
  type TaskAction,
} from '@app/contracts';
import { ReferralAction, REFERRAL_TRANSITIONS, ReferralStatus } from './referrals';
import { sessionsBookable } from './delivery-sessions';
import { Role } from './roles';
import { isOpenTaskStatus, TaskStatus } from './tasks';

export interface CapabilityUser {
  id: string;
  role: Role;
  /** A CRS caseworker's provider; absent or null for everyone else. */
  providerId?: string | null;
}

/** A task as the rules need it. */
export interface TaskSubject {
  kind: 'task';
  ownerRole: Role;
  assigneeId: string | null;
  claimedByProviderId: string | null;
  status: TaskStatus;
}

/** A referral as the rules need it, with its provider's rule on direct referrals. */
export interface ReferralSubject {
  kind: 'referral';
  status: ReferralStatus;
  providerId: string;
  providerAllowsDirectReferral: boolean;
  assignedCaseworkerId: string | null;
}

/**
 * A referral's delivery sessions as the rules need them: the referral, and the one session asked about (null when
 * the question is about the list, i.e. booking another).
 */
export interface SessionSubject {
  kind: 'session';
  referralStatus: ReferralStatus;
  providerId: string;
  session: null | {
    attendanceRecorded: boolean;
    /** Whether its start time has passed: attendance is recorded only after. */
    started: boolean;
  };
}

export interface AlertSubject {
  kind: 'alert';
  acknowledged: boolean;
}

/** Her record, for the rules that depend on who her COM is. */
export interface WomanSubject {
  kind: 'woman';
  comId: string | null;
}

/** Her keywork, for the rules that depend on whether she is still in custody (sessions happen in prison). */
export interface KeyworkSubject {
  kind: 'keywork';
  inCustody: boolean;
}

export type CapabilitySubject =
  TaskSubject | ReferralSubject | SessionSubject | AlertSubject | WomanSubject | KeyworkSubject;

const { PRE_RELEASE_TEAM, POM, COM, CRS_CASEWORKER, GOVERNOR, REGIONAL_MANAGER, ADMIN } = Role;

/** The prison and probation staff who hold a woman's case, and an administrator who may stand in for them. */
const CASE_HOLDERS: readonly Role[] = [PRE_RELEASE_TEAM, POM, COM, ADMIN];
/** Everyone who works tasks: governors and regional managers oversee them and change nothing. */
const TASK_WORKERS: readonly Role[] = [PRE_RELEASE_TEAM, POM, COM, CRS_CASEWORKER, ADMIN];

interface CapabilityRule {
  /** The roles that may ever take the action; any other role is refused before her object is looked at. */
  roles: readonly Role[];
  /** The 403 a role outside `roles` gets. */
  roleRefused?: (role: Role) => string;
  /** Why this user may not take it on this object, or null; asked only of the roles above. */
  condition?: (user: CapabilityUser, subject: CapabilitySubject) => string | null;
}

const notOpenTo = (role: Role): string => `This action is not open to the ${role} role`;

function taskOf(subject: CapabilitySubject): TaskSubject {
  if (subject.kind !== 'task') throw new TypeError(`A task action was asked of a ${subject.kind}`);
  return subject;
}

function referralOf(subject: CapabilitySubject): ReferralSubject {
  if (subject.kind !== 'referral') throw new TypeError(`A referral action was asked of a ${subject.kind}`);
  return subject;
}

function womanOf(subject: CapabilitySubject): WomanSubject {
  if (subject.kind !== 'woman') throw new TypeError(`A woman action was asked of a ${subject.kind}`);
  return subject;
}

function sessionOf(subject: CapabilitySubject): SessionSubject {
  if (subject.kind !== 'session') throw new TypeError(`A session action was asked of a ${subject.kind}`);
  return subject;
}

const belongsTo = (task: TaskSubject): string => `This task belongs to the ${task.ownerRole} role`;

/** A task is worked by its owner role or its holder; a provider's task by the provider that claimed it. */
function mayWorkTask(user: CapabilityUser, subject: CapabilitySubject): string | null {
  const task = taskOf(subject);
  if (user.role === ADMIN) return null;
  if (user.role === CRS_CASEWORKER) {
    return task.claimedByProviderId !== null && task.claimedByProviderId === user.providerId
      ? null
      : 'Claim the task for your provider before working it';
  }
  return task.assigneeId === user.id || task.ownerRole === user.role ? null : belongsTo(task);
}

const SENDS_MESSAGE =
  'Only the community offender manager (or the pre-release team, where the provider allows it) sends or withdraws a referral';

/** The COM refers; the pre-release team only where the provider takes direct referrals (CRS women's services). */
function maySendReferral(user: CapabilityUser, subject: CapabilitySubject): string | null {
  const referral = referralOf(subject);
  if (user.role === PRE_RELEASE_TEAM && !referral.providerAllowsDirectReferral) {
    return 'This provider takes referrals only from the community offender manager';
  }
  return null;
}

function isProviderCaseworker(user: CapabilityUser, referral: ReferralSubject): boolean {
  return user.role === CRS_CASEWORKER && user.providerId === referral.providerId;
}

/** The provider's steps after taking a referral are the assigned caseworker's (Refer and monitor an intervention). */
function isAssignedCaseworker(user: CapabilityUser, subject: CapabilitySubject): string | null {
  const referral = referralOf(subject);
  if (user.role === ADMIN) return null;
  return isProviderCaseworker(user, referral) && referral.assignedCaseworkerId === user.id
    ? null
    : 'Only the caseworker the referral is assigned to can do this';
}

const DELIVERS_SESSIONS = 'Only a caseworker of the provider delivering the referral books and records its sessions';

/**
 * The referral's provider delivers its sessions: any of its caseworkers may book or record one, since a colleague
 * often covers a session (Refer and monitor an intervention lets the provider's users record session feedback).
 * Her COM and the prison see the sessions and change nothing.
 */
const PROVIDER_SESSION_STEP: CapabilityRule = {
  roles: [CRS_CASEWORKER, ADMIN],
  roleRefused: () => DELIVERS_SESSIONS,
  condition: (user, subject) =>
    user.role === ADMIN || (user.role === CRS_CASEWORKER && user.providerId === sessionOf(subject).providerId)
      ? null
      : DELIVERS_SESSIONS,
};

const ASSIGNED_CASEWORKER_STEP: CapabilityRule = {
  roles: [CRS_CASEWORKER, ADMIN],
  roleRefused: () => 'Only the caseworker the referral is assigned to can do this',
  condition: isAssignedCaseworker,
};

const SENDER_STEP: CapabilityRule = {
  roles: [COM, PRE_RELEASE_TEAM, ADMIN],
  roleRefused: () => SENDS_MESSAGE,
  condition: maySendReferral,
};

const ADMIN_ONLY: CapabilityRule = { roles: [ADMIN] };

/** The table. Every action of the vocabulary has a row (the type says so). */
export const CAPABILITIES: Readonly<Record<Action, CapabilityRule>> = {
  'task.claim': {
    // Casework is claimed by the role that owns it; overseers and administrators do not take casework.
    roles: [PRE_RELEASE_TEAM, POM, COM, CRS_CASEWORKER],
    roleRefused: (role) => `The ${role} role does not claim casework`,
    condition: (user, subject) => {
      const task = taskOf(subject);
      return task.ownerRole === user.role ? null : belongsTo(task);
    },
  },
  'task.release': {
    roles: TASK_WORKERS,
    roleRefused: () => 'Only the person holding a task (or an admin) can release it',
    condition: (user, subject) =>
      user.role === ADMIN || taskOf(subject).assigneeId === user.id
        ? null
        : 'Only the person holding a task (or an admin) can release it',
  },
  'task.update-status': {
    roles: TASK_WORKERS,
    roleRefused: () => 'Governors and regional managers oversee tasks but do not change them',
    condition: mayWorkTask,
  },
  'task.add-note': {
    roles: TASK_WORKERS,
    roleRefused: () => 'Governors and regional managers oversee tasks but do not change them',
    condition: mayWorkTask,
  },
  'referral.create': {
    roles: [COM, PRE_RELEASE_TEAM, ADMIN],
    roleRefused: () => 'Referrals are made by the community offender manager or the pre-release team',
  },
  // A draft, or a referral returned to be fixed, is edited by those who may send it.
  'referral.edit': SENDER_STEP,
  'referral.send': SENDER_STEP,
  'referral.withdraw': SENDER_STEP,
  'referral.assign': {
    roles: [CRS_CASEWORKER],
    roleRefused: () => 'Only a caseworker of the provider the referral was sent to can take it',
    condition: (user, subject) =>
      isProviderCaseworker(user, referralOf(subject))
        ? null
        : 'Only a caseworker of the provider the referral was sent to can take it',
  },
  'referral.return': {
    roles: [CRS_CASEWORKER],
    roleRefused: () => 'Only the provider the referral was sent to can return it',
    condition: (user, subject) =>
      isProviderCaseworker(user, referralOf(subject))
        ? null
        : 'Only the provider the referral was sent to can return it',
  },
  'referral.book-assessment': ASSIGNED_CASEWORKER_STEP,
  'referral.submit-action-plan': ASSIGNED_CASEWORKER_STEP,
  'referral.start-delivery': ASSIGNED_CASEWORKER_STEP,
  'referral.end': ASSIGNED_CASEWORKER_STEP,
  'referral.approve-action-plan': {
    // The COM holds the sentence plan, so she approves the provider's plan against it.
    roles: [COM, ADMIN],
    roleRefused: () => 'Only the community offender manager approves the action plan',
  },
  'session.book': PROVIDER_SESSION_STEP,
  'session.reschedule': PROVIDER_SESSION_STEP,
  'session.record-attendance': PROVIDER_SESSION_STEP,
  // Prison staff receive a woman into custody; her COM may correct what probation holds.
  'woman.create': { roles: [PRE_RELEASE_TEAM, POM, ADMIN] },
  'woman.update': { roles: CASE_HOLDERS },
  'assessment.record': { roles: CASE_HOLDERS },
  'pathway.set-status': { roles: CASE_HOLDERS },
  'release-day.plan': {
    roles: CASE_HOLDERS,
    roleRefused: () => 'Release-day plans are made by the pre-release team, the POM or the COM',
  },
  'release-plan.print': {
    // Her paper copy is made and handed to her in prison (issue 18: "a pre-release team member prints"), by the
    // prison's case holders. The POM too: she holds the case in custody, reads all of it as the pre-release team
    // does, and often runs the last pre-release meeting where the plan is handed over. Not her COM, who is not in
    // the prison to hand it over and reaches her through the prison's copy; not CRS providers, governors or regional
    // managers, who hold only part of her case.
    roles: [PRE_RELEASE_TEAM, POM, ADMIN],
    roleRefused: () => 'Her release plan is printed by the prison: the pre-release team or her POM',
  },
  'release-day.request': {
    // Policy framework on the Offenders (Day of Release from Detention) Act 2023: her own COM applies.
    roles: [COM],
    roleRefused: () => 'Only her community offender manager may ask for an earlier release day',
    condition: (user, subject) =>
      womanOf(subject).comId === user.id
        ? null
        : 'Only her own community offender manager may ask for an earlier release day',
  },
  'finance.record': {
    roles: CASE_HOLDERS,
    roleRefused: () => 'Bank account and ID applications are made by the pre-release team, the POM or the COM',
  },
  'movement.record': {
    // Receptions, transfers and releases are the prison's records (the gate and the OMU).
    roles: [PRE_RELEASE_TEAM, POM, ADMIN],
    roleRefused: () => 'Movements are recorded by prison staff (pre-release team or POM) or an administrator',
  },
  'accommodation.record': {
    // Where she lived after release: her COM supervises her in the community, the pre-release team planned it.
    roles: [COM, PRE_RELEASE_TEAM, ADMIN],
    roleRefused: () => 'Accommodation outcomes are recorded by her COM, the pre-release team or an admin',
  },
  // Keyworkers are prison officers (the inspection's footnote 10): the prison's staff record that a session took
  // place and how often she should have one; probation and CRS providers do not.
  'keywork.record': {
    roles: [PRE_RELEASE_TEAM, POM, ADMIN],
    roleRefused: () => 'Keywork sessions are recorded by prison staff (pre-release team or POM) or an administrator',
  },
  'keywork.set-target': {
    roles: [PRE_RELEASE_TEAM, POM, ADMIN],
    roleRefused: () => 'Her keywork target is set by prison staff (pre-release team or POM) or an administrator',
  },
  // Anyone who sees an alert may say she has seen it: that stops its ladder, it changes no casework.
  'alert.acknowledge': { roles: [PRE_RELEASE_TEAM, POM, COM, CRS_CASEWORKER, GOVERNOR, REGIONAL_MANAGER, ADMIN] },
  'provider.manage': ADMIN_ONLY,
  'catalogue.edit': ADMIN_ONLY,
  'travel-times.replace': {
    roles: [ADMIN],
    roleRefused: () => 'Only an administrator keeps the travel-time table',
  },
  'user.manage': ADMIN_ONLY,
};

/** Whether this role may ever take the action: what a route guard asks before it loads anything. */
export function roleRefusal(role: Role, action: Action): string | null {
  const rule = CAPABILITIES[action];
  if (rule.roles.includes(role)) return null;
  return (rule.roleRefused ?? notOpenTo)(role);
}

/** The roles that may ever take the action. */
export function rolesFor(action: Action): readonly Role[] {
  return CAPABILITIES[action].roles;
}

/** Why this user may not take the action on this object (the text of a 403), or null when she may. */
export function refusal(user: CapabilityUser, action: Action, subject?: CapabilitySubject): string | null {
  const byRole = roleRefusal(user.role, action);
  if (byRole) return byRole;
  const condition = CAPABILITIES[action].condition;
  if (!condition) return null;
  if (!subject) throw new TypeError(`${action} depends on the object it is taken on`);
  return condition(user, subject);
}

export function may(user: CapabilityUser, action: Action, subject?: CapabilitySubject): boolean {
  return refusal(user, action, subject) === null;
}

/** The vocabulary's referral actions, each the step of the referral state machine it takes. */
export const REFERRAL_STEPS: Readonly<Record<Exclude<ReferralActionName, 'referral.edit'>, ReferralAction>> = {
  'referral.send': ReferralAction.SEND,
  'referral.assign': ReferralAction.ASSIGN,
  'referral.book-assessment': ReferralAction.BOOK_ASSESSMENT,
  'referral.submit-action-plan': ReferralAction.SUBMIT_ACTION_PLAN,
  'referral.approve-action-plan': ReferralAction.APPROVE_ACTION_PLAN,
  'referral.start-delivery': ReferralAction.START_DELIVERY,
  'referral.end': ReferralAction.END,
  'referral.withdraw': ReferralAction.WITHDRAW,
  'referral.return': ReferralAction.RETURN,
};

export function capabilityOfReferralStep(step: ReferralAction): ReferralActionName {
  const found = (Object.keys(REFERRAL_STEPS) as (keyof typeof REFERRAL_STEPS)[]).find(
    (name) => REFERRAL_STEPS[name] === step,
  );
  if (!found) throw new RangeError(`No capability for the referral step ${step}`);
  return found;
}

/** Whether the object is in a state where the action can happen at all (otherwise the API answers 409). */
function possibleNow(action: Action, subject: CapabilitySubject): boolean {
  switch (subject.kind) {
    case 'task':
      if (action === 'task.claim') return isOpenTaskStatus(subject.status) && subject.assigneeId === null;
      if (action === 'task.release') return subject.assigneeId !== null;
      return true;
    case 'referral': {
      if (action === 'referral.edit') {
        return subject.status === ReferralStatus.DRAFT || subject.status === ReferralStatus.RETURNED;
      }
      const step = REFERRAL_STEPS[action as keyof typeof REFERRAL_STEPS];
      return step !== undefined && REFERRAL_TRANSITIONS[step].from.includes(subject.status);
    }
    case 'session': {
      const session = subject.session;
      if (action === 'session.book') return session === null && sessionsBookable(subject.referralStatus);
      if (session === null || session.attendanceRecorded) return false;
      if (action === 'session.reschedule') return sessionsBookable(subject.referralStatus);
      return action === 'session.record-attendance' && session.started && sessionsBookable(subject.referralStatus);
    }
    case 'alert':
      return !subject.acknowledged;
    case 'woman':
      return true;
    case 'keywork':
      return subject.inCustody;
  }
}

const SUBJECT_ACTIONS = {
  task: TASK_ACTIONS,
  referral: REFERRAL_ACTIONS,
  session: SESSION_ACTIONS,
  alert: ALERT_ACTIONS,
  woman: PLAN_ACTIONS,
  keywork: KEYWORK_ACTIONS,
} as const satisfies Record<CapabilitySubject['kind'], readonly Action[]>;

/**
 * What this user may do to this object now: the actions the table allows her on it, in a state where they can
 * happen. The views carry it, and the web shows a button for each and for nothing else.
 */
export function allowedActions(user: CapabilityUser, subject: TaskSubject): TaskAction[];
export function allowedActions(user: CapabilityUser, subject: ReferralSubject): ReferralActionName[];
export function allowedActions(user: CapabilityUser, subject: SessionSubject): SessionActionName[];
export function allowedActions(user: CapabilityUser, subject: AlertSubject): AlertAction[];
export function allowedActions(user: CapabilityUser, subject: WomanSubject): PlanAction[];
export function allowedActions(user: CapabilityUser, subject: KeyworkSubject): KeyworkAction[];
export function allowedActions(user: CapabilityUser, subject: CapabilitySubject): Action[] {
  const actions: readonly Action[] = SUBJECT_ACTIONS[subject.kind];
  return actions.filter((action) => possibleNow(action, subject) && may(user, action, subject));
}
