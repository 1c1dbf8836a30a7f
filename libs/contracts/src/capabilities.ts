/**
 * The action vocabulary: every write operation of the API is one of these actions, and every view carries the
 * `allowedActions` (a list of them) the server computed for the reader. Who may take each action lives in one
 * table in the domain (libs/domain/src/capabilities.ts); this file only names the actions, so the web, the
 * tests and the API share the words.
 */

/** The actions about a task, as its view's allowedActions lists them. */
export const TASK_ACTIONS = ['task.claim', 'task.release', 'task.update-status', 'task.add-note'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** The actions about a referral once it exists, in the order of its stages. */
export const REFERRAL_ACTIONS = [
  'referral.edit',
  'referral.send',
  'referral.assign',
  'referral.book-assessment',
  'referral.submit-action-plan',
  'referral.approve-action-plan',
  'referral.start-delivery',
  'referral.end',
  'referral.withdraw',
  'referral.return',
] as const;
export type ReferralActionName = (typeof REFERRAL_ACTIONS)[number];

export const ALERT_ACTIONS = ['alert.acknowledge'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

/**
 * The actions about a referral's CRS delivery sessions: booking one is asked of the referral's sessions list, the
 * others of one session.
 */
export const SESSION_ACTIONS = ['session.book', 'session.reschedule', 'session.record-attendance'] as const;
export type SessionActionName = (typeof SESSION_ACTIONS)[number];

/** The actions about her release-day plan: change it, and print her own plain-language copy of her release plan. */
export const PLAN_ACTIONS = ['release-day.plan', 'release-plan.print'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** The actions about her keywork: record a session (date and keyworker), set how often she should have one. */
export const KEYWORK_ACTIONS = ['keywork.record', 'keywork.set-target'] as const;
export type KeyworkAction = (typeof KEYWORK_ACTIONS)[number];

export const ACTIONS = [
  // A task on the board (POST /tasks/:id/claim, /release, PATCH /status, POST /notes).
  ...TASK_ACTIONS,
  // A CRS referral (POST /women/:id/referrals, then PATCH /referrals/:id and one action per stage).
  'referral.create',
  ...REFERRAL_ACTIONS,
  // Its delivery sessions (POST /referrals/:id/sessions, PATCH /sessions/:id, POST /sessions/:id/attendance).
  ...SESSION_ACTIONS,
  // Her case record.
  'woman.create',
  'woman.update',
  'assessment.record',
  'pathway.set-status',
  ...PLAN_ACTIONS,
  'release-day.request',
  'finance.record',
  'movement.record',
  'accommodation.record',
  ...KEYWORK_ACTIONS,
  // An alert on a task.
  ...ALERT_ACTIONS,
  // Administration: the reference data, the catalogue, the travel times and the users.
  'provider.manage',
  'catalogue.edit',
  'travel-times.replace',
  'user.manage',
] as const;

/** One action a user may (or may not) take. */
export type Action = (typeof ACTIONS)[number];

export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}
