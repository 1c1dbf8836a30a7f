/**
 * The socket.io contract between the gateway and its clients (the web app, the tests) and between gateways:
 * event names and what each carries, as the typed maps socket.io takes
 * (`Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>`).
 */
import { BoardEvent } from './board-events';

/** Server-to-client messages. */
export const CLIENT_EVENTS = {
  boardEvent: 'board.event',
  /**
   * Several events at once, in sequence order: what one relay batch held for this socket (the 17:00 burst sends a
   * board its thousands of alerts in a few messages, not thousands). Each is handled as a `board.event`.
   */
  boardEvents: 'board.events',
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

/** Client-to-server requests, each answered through the acknowledgement callback. */
export const SERVER_EVENTS = {
  /** Join rooms; with `since`, also replay every missed event of the socket's rooms. */
  subscribe: 'board.subscribe',
  unsubscribe: 'board.unsubscribe',
  /** A fresh token for this socket (POST /auth/refresh), so it outlives the first one. */
  renew: 'session.renew',
} as const;

/** Client-to-server: a fresh token for this socket (POST /auth/refresh), so it outlives the first one. */
export const SESSION_RENEW = SERVER_EVENTS.renew;

/** Gateway-to-gateway message: re-check the rooms of this user's sockets. */
export const ACCESS_CHANGED = 'access.changed';

/**
 * The relay's batch, to every gateway in one message: each event with the rooms it is addressed to. Each gateway
 * hands each of its sockets the events of its rooms (board.event for one, board.events for several), once each.
 */
export const BOARD_BATCH = 'board.batch';

/** One event of a relay batch: the event as a socket receives it, and the rooms it is addressed to. */
export interface RelayedBoardEvent {
  rooms: string[];
  event: BoardEvent;
}

/** A gateway's canary, published through Redis on the adapter's request channel and expected back by its sender. */
export const GATEWAY_CANARY = 'gateway.canary';

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
  /** `signed-out`: she signed out of her organisation's sign-in (in this tab or another), which ends every socket. */
  reason: 'expired' | 'withdrawn' | 'signed-out';
  message: string;
}

/** `board.replay`: the missed events after `since`, in order. */
export interface BoardReplay {
  since: number;
  events: BoardEvent[];
}

/** `board.reload`: too much was missed to replay; fetch the board again and count from `latestSeq`. */
export interface BoardReload {
  reason: string;
  latestSeq: number;
}

/** `board.removed`: the server took the socket out of a room (her access to it, or to the woman, ended). */
export interface BoardRemoved {
  room: string;
  reason: string;
}

/** `board.subscribe` and `board.unsubscribe`. Untrusted input: the gateway checks every field. */
export interface SubscribeRequest {
  rooms?: unknown;
  since?: unknown;
}

export interface SubscribeReply {
  joined: string[];
  refused: { room: string; reason: string }[];
}

export interface UnsubscribeReply {
  left: string[];
}

export interface RenewRequest {
  token?: unknown;
}

export type RenewReply = { expiresAt: number } | { error: string };

export interface ServerToClientEvents {
  [CLIENT_EVENTS.boardEvent]: (event: BoardEvent) => void;
  [CLIENT_EVENTS.boardEvents]: (events: BoardEvent[]) => void;
  [CLIENT_EVENTS.replay]: (replay: BoardReplay) => void;
  [CLIENT_EVENTS.reload]: (reload: BoardReload) => void;
  [CLIENT_EVENTS.removed]: (removed: BoardRemoved) => void;
  [CLIENT_EVENTS.heartbeat]: (heartbeat: BoardHeartbeat) => void;
  [CLIENT_EVENTS.sessionEnded]: (ended: SessionEnded) => void;
}

export interface ClientToServerEvents {
  [SERVER_EVENTS.subscribe]: (request: SubscribeRequest, ack: (reply: SubscribeReply) => void) => void;
  [SERVER_EVENTS.unsubscribe]: (request: SubscribeRequest, ack: (reply: UnsubscribeReply) => void) => void;
  [SERVER_EVENTS.renew]: (request: RenewRequest, ack: (reply: RenewReply) => void) => void;
}

/** Between gateways, through the Redis adapter (the relay's emitter sends ACCESS_CHANGED too). */
export interface InterServerEvents {
  [ACCESS_CHANGED]: (userId: string) => void;
  /**
   * The relay's batch as text: a header of sequence numbers, lengths and rooms, then the events' JSON texts
   * (libs/events/src/relay-batch.ts), which no gateway parses. Older relays sent the JSON text of a
   * RelayedBoardEvent[], or the array itself; gateways still take both.
   */
  [BOARD_BATCH]: (batch: string | RelayedBoardEvent[]) => void;
  /** The gateway's name and a nonce, echoed back to prove the Redis subscription. */
  [GATEWAY_CANARY]: (name: string, nonce: string) => void;
}

/** What the gateway keeps on each socket: who she is (the gateway's user type), until when her token holds. */
export interface SocketData<User = unknown> {
  user?: User;
  /** Epoch milliseconds at which the socket's token expires (the token's `exp`). */
  expiresAt?: number;
  /** For an issuer's token: the sign-in it stands for, which her sign-out (or the issuer's refusal) ends. */
  issuerSignIn?: IssuerSignIn;
}

/** An issuer's token, as the sign-in it belongs to: whose (issuer and subject) and when issued (`iat`, seconds). */
export interface IssuerSignIn {
  issuer: string;
  subject: string;
  issuedAt: number;
}
