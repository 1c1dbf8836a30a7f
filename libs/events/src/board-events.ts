/**
 * The typed events the live board receives. Payloads carry what a board needs to redraw a card and
 * nothing more: never special category data (sensitive flags), never free-text notes.
 */
import { AlertKind, DataKind, Pathway, Role, ScheduleState, TaskStatus } from '@app/domain';

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

export type BoardEventType =
  | 'woman.created'
  | 'woman.updated'
  | 'woman.transferred'
  | 'pathway.status_changed'
  | 'assessment.recorded'
  | 'task.created'
  | 'task.claimed'
  | 'task.claim_released'
  | 'task.status_changed'
  | 'task.note_added'
  | 'task.deadline_moved'
  | 'alert.raised'
  | 'alert.acknowledged'
  | 'woman.recalled'
  | 'woman.released'
  | 'referral.changed'
  | 'bank_account.changed'
  | 'id_document.changed'
  | 'release_day.changed'
  | 'accommodation_outcome.changed';

/**
 * What each kind of event reveals about the woman it names, in the visibility policy's data kinds (its pathway,
 * task owner and referral are read from the event itself). Routing and replay both judge rooms by this: a new
 * event type must say what it reveals before it compiles. No event carries flags, note text or risk text.
 */
export const EVENT_REVEALS: Readonly<Record<BoardEventType, readonly DataKind[]>> = {
  'woman.created': [DataKind.WOMAN_RECORD],
  'woman.updated': [DataKind.WOMAN_RECORD],
  'woman.transferred': [DataKind.WOMAN_RECORD, DataKind.MOVEMENTS],
  'woman.recalled': [DataKind.WOMAN_RECORD, DataKind.MOVEMENTS],
  'woman.released': [DataKind.WOMAN_RECORD, DataKind.MOVEMENTS],
  'pathway.status_changed': [DataKind.WOMAN_RECORD],
  // Its outcomes name pathways, some special category.
  'assessment.recorded': [DataKind.WOMAN_RECORD, DataKind.ASSESSMENTS],
  'task.created': [DataKind.WOMAN_RECORD],
  'task.claimed': [DataKind.WOMAN_RECORD],
  'task.claim_released': [DataKind.WOMAN_RECORD],
  'task.status_changed': [DataKind.WOMAN_RECORD],
  // Not the note's text (never sent), but that someone wrote about her: for those who may read the note.
  'task.note_added': [DataKind.WOMAN_RECORD, DataKind.TASK_NOTES],
  'task.deadline_moved': [DataKind.WOMAN_RECORD],
  'alert.raised': [DataKind.WOMAN_RECORD],
  'alert.acknowledged': [DataKind.WOMAN_RECORD],
  'referral.changed': [DataKind.WOMAN_RECORD],
  'bank_account.changed': [DataKind.WOMAN_RECORD, DataKind.FINANCE_AND_ID],
  'id_document.changed': [DataKind.WOMAN_RECORD, DataKind.FINANCE_AND_ID],
  // Only its status travels, but the plan is where health appointments and refuge addresses live.
  'release_day.changed': [DataKind.WOMAN_RECORD, DataKind.RELEASE_DAY_DETAIL],
  'accommodation_outcome.changed': [DataKind.WOMAN_RECORD],
};

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

/** What the outbox stores (the sequence number is its row id, added when sent). */
export interface BoardEventPayload {
  type: BoardEventType;
  at: string;
  womanId: string | null;
  prisonCode: string | null;
  previousPrisonCode?: string | null;
  woman?: WomanSummary;
  /** On alerts: whom the task is about, so the notice can name her rather than a task id. */
  womanLabel?: WomanLabel;
  task?: TaskSummary;
  pathway?: { pathway: Pathway; status: string };
  alert?: AlertSummary;
  referral?: ReferralSummary;
  record?: RecordSummary;
}

/** What a socket receives as `board.event`. */
export interface BoardEvent extends BoardEventPayload {
  seq: number;
}

/** Server-to-client messages. */
export const CLIENT_EVENTS = {
  boardEvent: 'board.event',
  /** The replay after a reconnect: the missed events, in order. */
  replay: 'board.replay',
  /** The gap is too old to replay: reload the board from the API. */
  reload: 'board.reload',
  /** A room the server removed the socket from (access withdrawn). */
  removed: 'board.removed',
  /** Every few seconds: the newest published sequence among the socket's rooms (see BoardHeartbeat). */
  heartbeat: 'board.heartbeat',
  /** Sent just before the server closes the socket: its token expired or the account was withdrawn. */
  sessionEnded: 'session.ended',
} as const;

/**
 * `board.heartbeat`. Sent by the gateway straight to each socket (not through Redis, so a gateway whose Redis
 * subscription has gone deaf still sends it). `latestSeq` is the newest sequence addressed to any of the socket's
 * rooms that the relay published at least one heartbeat ago: a client whose last seen sequence is below it has
 * missed an event and catches up (board.subscribe with `since`).
 */
export interface BoardHeartbeat {
  latestSeq: number;
  /**
   * Set while this gateway is, or has just been, deaf to Redis: events after this sequence may have been
   * published while it could not hear them, even where later ones did arrive (a gap in the middle, which
   * `latestSeq` alone cannot show). A client that has seen beyond it replays from it once, dropping what it has.
   */
  resyncFrom?: number;
}

/** Why a socket's session ended: `expired` (get a fresh token and reconnect) or `withdrawn` (the account). */
export interface SessionEnded {
  reason: 'expired' | 'withdrawn';
  message: string;
}

/** Client-to-server: a fresh token for this socket (POST /auth/refresh), so it outlives the first one. */
export const SESSION_RENEW = 'session.renew';

/** Gateway-to-gateway message: re-check the rooms of this user's sockets. */
export const ACCESS_CHANGED = 'access.changed';

/** A gateway's canary, published through Redis on the adapter's request channel and expected back by its sender. */
export const GATEWAY_CANARY = 'gateway.canary';
