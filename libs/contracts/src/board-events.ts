/**
 * The board events: what the outbox stores and a socket receives as `board.event`, one member per event type
 * with exactly its fields, keyed by `type`. Payloads carry what a board needs to redraw a card and nothing
 * more: never special category data (sensitive flags), never free-text notes.
 */
import { AlertKind } from './alerts';
import type { DeliverySessionSummary } from './delivery-sessions';
import { Pathway } from './pathways';
import { Role } from './roles';
import { ScheduleState, TaskStatus } from './tasks';

export interface WomanSummary {
  id: string;
  prisonNumber: string;
  firstName: string;
  lastName: string;
  prisonCode: string;
  /** The day she walks out (every task counts from it). */
  releaseDate: string | null;
  /** The date her sentence gives, before the day-of-release rules moved it, and the rule that did. */
  scheduledReleaseDate: string | null;
  releaseDayRule: string | null;
  custodyStatus: string;
  /** Warning codes for the card (see the domain's womanWarnings). */
  warnings: string[];
}

/** Whom a task or an alert is about, in the words a notice needs: her name and prison number, nothing more. */
export type WomanLabel = Pick<WomanSummary, 'id' | 'prisonNumber' | 'firstName' | 'lastName'>;

export interface TaskSummary {
  id: string;
  womanId: string;
  pathway: Pathway;
  title: string;
  ownerRole: Role;
  status: TaskStatus;
  assigneeId: string | null;
  claimedByProviderId: string | null;
  dueAt: string | null;
  atRiskAt: string | null;
  scheduleState: ScheduleState;
  releaseCritical: boolean;
  version: number;
}

export interface AlertSummary {
  id: string;
  taskId: string;
  kind: AlertKind;
  level: number;
  thresholdAt: string;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedById: string | null;
}

export interface ReferralSummary {
  id: string;
  reference: string;
  womanId: string;
  providerId: string;
  status: string;
  pathways: Pathway[];
  caseworkerId: string | null;
  /** Whether it has ever been sent: before that it is a draft, the referrer's own business. */
  sent: boolean;
  version: number;
}

/** A finance, ID or release-day record changed: enough for a card to know to refetch. */
export interface RecordSummary {
  id: string;
  kind: string;
  status: string | null;
}

/** A pathway's new status. */
export interface PathwayStatusSummary {
  pathway: Pathway;
  status: string;
}

/** Every board event type, grouped by the shape of its payload. A new type joins one group (or a new one). */
export const BOARD_EVENT_GROUPS = {
  woman: ['woman.created', 'woman.updated', 'woman.transferred', 'woman.recalled', 'woman.released'],
  pathway: ['pathway.status_changed'],
  assessment: ['assessment.recorded'],
  task: [
    'task.created',
    'task.claimed',
    'task.claim_released',
    'task.status_changed',
    'task.note_added',
    'task.deadline_moved',
  ],
  alert: ['alert.raised', 'alert.acknowledged'],
  referral: ['referral.changed'],
  session: ['session.changed'],
  concern: ['session.concern_raised'],
  record: [
    'bank_account.changed',
    'id_document.changed',
    'release_day.changed',
    'accommodation_outcome.changed',
    'keywork.changed',
  ],
} as const;

type Group = typeof BOARD_EVENT_GROUPS;
export type WomanEventType = Group['woman'][number];
export type TaskEventType = Group['task'][number];
export type AlertEventType = Group['alert'][number];
export type RecordEventType = Group['record'][number];

/** What every event says: when, and about whom (her id and current prison). */
interface BoardEventBase<T extends string> {
  type: T;
  at: string;
  womanId: string | null;
  prisonCode: string | null;
}

export interface WomanEventPayload extends BoardEventBase<WomanEventType> {
  /** Where she was before a transfer: that board drops her. */
  previousPrisonCode: string | null;
  woman: WomanSummary;
}

export interface PathwayEventPayload extends BoardEventBase<Group['pathway'][number]> {
  pathway: PathwayStatusSummary;
}

/** Outcomes name pathways (some special category): the event says only that one was recorded. */
export type AssessmentEventPayload = BoardEventBase<Group['assessment'][number]>;

export interface TaskEventPayload extends BoardEventBase<TaskEventType> {
  task: TaskSummary;
}

export interface AlertEventPayload extends BoardEventBase<AlertEventType> {
  /** Whom the task is about, so the notice can name her rather than a task id. */
  womanLabel: WomanLabel;
  task: TaskSummary;
  alert: AlertSummary;
}

export interface ReferralEventPayload extends BoardEventBase<Group['referral'][number]> {
  referral: ReferralSummary;
}

/** A delivery session was booked, moved or had its attendance recorded: the referral's rooms redraw it. */
export interface SessionEventPayload extends BoardEventBase<Group['session'][number]> {
  referral: ReferralSummary;
  session: DeliverySessionSummary;
}

/**
 * A session's feedback raised a concern: sent to her COM's user room (the seam a messaging service sends from).
 * It names the COM to tell and carries no words of the concern.
 */
export interface SessionConcernEventPayload extends BoardEventBase<Group['concern'][number]> {
  comId: string | null;
  referral: ReferralSummary;
  session: DeliverySessionSummary;
}

export interface RecordEventPayload extends BoardEventBase<RecordEventType> {
  record: RecordSummary;
}

/** What the outbox stores (the sequence number is its row id, added when sent). */
export type BoardEventPayload =
  | WomanEventPayload
  | PathwayEventPayload
  | AssessmentEventPayload
  | TaskEventPayload
  | AlertEventPayload
  | ReferralEventPayload
  | SessionEventPayload
  | SessionConcernEventPayload
  | RecordEventPayload;

export type BoardEventType = BoardEventPayload['type'];

/** Every board event type, in one list (the groups above, flattened). */
export const BOARD_EVENT_TYPES: readonly BoardEventType[] = Object.values(BOARD_EVENT_GROUPS).flat();

/** A payload before the outbox stamps its time: `Omit` taken member by member, so the union survives. */
export type BoardEventDraft = BoardEventPayload extends infer E ? (E extends unknown ? Omit<E, 'at'> : never) : never;

/** What a socket receives as `board.event`: the payload and its sequence number. */
export type BoardEvent = BoardEventPayload & { seq: number };

/** The event of the given type (e.g. `BoardEventOf<'alert.raised'>` has its alert, task and womanLabel). */
export type BoardEventOf<T extends BoardEventType> = Extract<BoardEvent, { type: T }>;

/** Narrows an event to those of one group: `isEventOf(event, 'task')` gives it its task. */
export function isEventOf<K extends keyof Group>(
  event: BoardEvent,
  group: K,
): event is Extract<BoardEvent, { type: Group[K][number] }> {
  return (BOARD_EVENT_GROUPS[group] as readonly string[]).includes(event.type);
}

/**
 * Whether a stored outbox payload is a board event (the outbox also carries gateway-to-gateway messages, which
 * are never a client's business). Read back from JSON, so it is checked rather than cast.
 */
export function isBoardEventPayload(payload: unknown): payload is BoardEventPayload {
  if (typeof payload !== 'object' || payload === null) return false;
  const type = (payload as { type?: unknown }).type;
  return typeof type === 'string' && (BOARD_EVENT_TYPES as readonly string[]).includes(type);
}
