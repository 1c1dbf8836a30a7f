/**
 * The board events as the server routes them. Their shapes, names and the socket.io maps are the contract
 * (@app/contracts, re-exported here so the server's imports stay one); what each event reveals, which routing
 * and replay judge rooms by, is policy and stays on the server.
 */
import { BoardEventType } from '@app/contracts';
import { DataKind } from '@app/domain';

export {
  ACCESS_CHANGED,
  BOARD_BATCH,
  BOARD_EVENT_GROUPS,
  BOARD_EVENT_TYPES,
  CLIENT_EVENTS,
  GATEWAY_CANARY,
  SERVER_EVENTS,
  SESSION_RENEW,
  isBoardEventPayload,
  isEventOf,
} from '@app/contracts';
export type {
  AlertEventPayload,
  AlertEventType,
  AlertSummary,
  AssessmentEventPayload,
  BoardEvent,
  BoardEventDraft,
  BoardEventOf,
  BoardEventPayload,
  BoardEventType,
  BoardHeartbeat,
  BoardReload,
  BoardRemoved,
  BoardReplay,
  ClientToServerEvents,
  InterServerEvents,
  PathwayEventPayload,
  PathwayStatusSummary,
  RecordEventPayload,
  RelayedBoardEvent,
  RecordEventType,
  RecordSummary,
  ReferralEventPayload,
  ReferralSummary,
  SessionConcernEventPayload,
  SessionEventPayload,
  RenewReply,
  RenewRequest,
  ServerToClientEvents,
  SessionEnded,
  SocketData,
  SubscribeReply,
  SubscribeRequest,
  TaskEventPayload,
  TaskEventType,
  TaskSummary,
  UnsubscribeReply,
  WomanEventPayload,
  WomanEventType,
  WomanLabel,
  WomanSummary,
} from '@app/contracts';

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
  // When and how a session is and whether she came; the feedback's words never travel.
  'session.changed': [DataKind.WOMAN_RECORD, DataKind.REFERRALS],
  'session.concern_raised': [DataKind.WOMAN_RECORD, DataKind.REFERRALS],
  'bank_account.changed': [DataKind.WOMAN_RECORD, DataKind.FINANCE_AND_ID],
  'id_document.changed': [DataKind.WOMAN_RECORD, DataKind.FINANCE_AND_ID],
  // Only its status travels, but the plan is where health appointments and refuge addresses live.
  'release_day.changed': [DataKind.WOMAN_RECORD, DataKind.RELEASE_DAY_DETAIL],
  'accommodation_outcome.changed': [DataKind.WOMAN_RECORD],
  'keywork.changed': [DataKind.WOMAN_RECORD, DataKind.KEYWORK],
};
