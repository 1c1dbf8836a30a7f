/**
 * The actions the audit trail records, listed under the entity type each is recorded against. Writers are typed
 * with these names, so a misspelt action fails the typecheck instead of landing in the trail under a name no
 * reader, report or visibility rule knows. The audit trail view exposes `action`, so this file imports nothing:
 * it can move to libs/contracts as it is.
 */
export const AUDIT_ACTIONS = {
  WOMAN: [
    'CREATED',
    'UPDATED',
    'TRANSFERRED',
    'RECALLED',
    'RELEASED',
    'TRANSFERRED_TO_HOSPITAL',
    'RETURNED_FROM_HOSPITAL',
  ],
  PATHWAY: ['STATUS_CHANGED'],
  // RECORDED through the API; CREATED by the demo seed, which writes the assessments it generates.
  ASSESSMENT: ['RECORDED', 'CREATED'],
  TASK: [
    'CREATED',
    'CLAIMED',
    'CLAIM_RELEASED',
    'STATUS_CHANGED',
    'NOTE_ADDED',
    'DEADLINE_MOVED',
    'ALERT_AT_RISK',
    'ALERT_OVERDUE',
    'ALERT_ESCALATED',
    'ALERT_ACKNOWLEDGED',
  ],
  // Created, edited, kept open across a recall, followed her on a transfer, and each of the domain's ReferralAction
  // values as it is applied.
  REFERRAL: [
    'CREATED',
    'UPDATED',
    'KEPT_OPEN_ON_RECALL',
    'TRANSFERRED',
    'SEND',
    'ASSIGN',
    'BOOK_ASSESSMENT',
    'SUBMIT_ACTION_PLAN',
    'APPROVE_ACTION_PLAN',
    'START_DELIVERY',
    'END',
    'WITHDRAW',
    'RETURN',
    // Its CRS delivery sessions (delivery-sessions.ts), audited on the referral they belong to.
    'SESSION_BOOKED',
    'SESSION_RESCHEDULED',
    'SESSION_ATTENDANCE_RECORDED',
  ],
  BANK_ACCOUNT: ['APPLIED', 'STATUS_CHANGED'],
  // An ID document application's outcome is audited under the outcome's own name.
  ID_DOCUMENT: ['APPLIED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN'],
  RELEASE_DAY_PLAN: ['CREATED', 'UPDATED', 'APPOINTMENT_ADDED', 'APPOINTMENT_REMOVED'],
  ACCOMMODATION_OUTCOME: ['RECORDED', 'CORRECTED'],
  KEYWORK: ['SESSION_RECORDED', 'TARGET_SET'],
  // Her printed release plan: each print, with its language and what the team ticked in.
  RELEASE_PLAN: ['PRINTED'],
  RECALL: ['REFUSED'],
  USER: ['CREATED', 'ACCESS_CHANGED', 'SETTINGS_CHANGED'],
  LOGIN: ['FAILED', 'LOCKED_OUT'],
  PROVIDER: ['CREATED', 'UPDATED'],
  RELEASE_AREA: ['PROVIDER_ASSIGNED'],
  REPORT: ['VIEWED', 'EXPORTED'],
  CATALOGUE: ['UPDATED'],
  DATASET: ['GENERATED'],
} as const;

/** The entity types audit entries are recorded against. */
export type AuditEntityType = keyof typeof AUDIT_ACTIONS;

/** The actions recorded against one entity type, e.g. `AuditActionOf<'REFERRAL'>`. */
export type AuditActionOf<E extends AuditEntityType> = (typeof AUDIT_ACTIONS)[E][number];

/** Every action name the audit trail holds. */
export type AuditAction = AuditActionOf<AuditEntityType>;
