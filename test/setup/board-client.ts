/** A real socket.io client of the live board, recording every event it receives in order. */
import { Socket, io } from 'socket.io-client';
import {
  AlertEventPayload,
  BoardEvent,
  BoardRemoved,
  BoardReplay,
  CLIENT_EVENTS,
  PathwayEventPayload,
  RecordEventPayload,
  ReferralEventPayload,
  SERVER_EVENTS,
  SessionEnded,
  SubscribeReply,
  TaskEventPayload,
  WomanEventPayload,
} from '@app/contracts';

export type { SubscribeReply } from '@app/contracts';

/**
 * A board event as a test receives it off the wire: any member's fields may be read (absent where its type has
 * none), so a check can look for a field that should not be there as well as one that should.
 */
export type ReceivedEvent = BoardEvent &
  Partial<
    Pick<WomanEventPayload, 'woman' | 'previousPrisonCode'> &
      Pick<PathwayEventPayload, 'pathway'> &
      Pick<TaskEventPayload, 'task'> &
      Pick<AlertEventPayload, 'alert' | 'womanLabel'> &
      Pick<ReferralEventPayload, 'referral'> &
      Pick<RecordEventPayload, 'record'>
  >;

export class BoardClient {
  readonly events: ReceivedEvent[] = [];
  readonly replays: { since: number; events: ReceivedEvent[] }[] = [];
  /** `board.reload` notices: too much was missed to replay, so the page must fetch the board again. */
  readonly reloads: { reason: string; latestSeq: number }[] = [];
  readonly removed: BoardRemoved[] = [];
  /** `session.ended` notices (token expired, account withdrawn), each with when it arrived. */
  readonly ended: { reason: string; message: string; at: number }[] = [];
  /** When the connection closed (epoch ms), or null while open. */
  disconnectedAt: number | null = null;
  private readonly socket: Socket;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on(CLIENT_EVENTS.boardEvent, (event: BoardEvent) => this.events.push(event));
    socket.on(CLIENT_EVENTS.boardEvents, (events: BoardEvent[]) => this.events.push(...events));
    socket.on(CLIENT_EVENTS.replay, (replay: BoardReplay) => this.replays.push(replay));
    socket.on(CLIENT_EVENTS.reload, (reload: { reason: string; latestSeq: number }) => this.reloads.push(reload));
    socket.on(CLIENT_EVENTS.removed, (notice: BoardRemoved) => this.removed.push(notice));
    socket.on(CLIENT_EVENTS.sessionEnded, (notice: SessionEnded) => this.ended.push({ ...notice, at: Date.now() }));
    socket.on('disconnect', () => (this.disconnectedAt = Date.now()));
  }

  static connect(gatewayUrl: string, token: string): Promise<BoardClient> {
    const socket = io(gatewayUrl, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket did not connect within 30 s')), 30_000);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(new BoardClient(socket));
      });
      socket.once('connect_error', (error) => {
        clearTimeout(timer);
        socket.close();
        reject(error);
      });
    });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  subscribe(rooms: string[], since?: number): Promise<SubscribeReply> {
    return this.socket
      .timeout(30_000)
      .emitWithAck(
        SERVER_EVENTS.subscribe,
        since === undefined ? { rooms } : { rooms, since },
      ) as Promise<SubscribeReply>;
  }

  /** Any request with an acknowledgement (e.g. `session.renew`); its answer also proves the socket is served. */
  request<T>(event: string, body: unknown): Promise<T> {
    return this.socket.timeout(10_000).emitWithAck(event, body) as Promise<T>;
  }

  /** The last sequence number this client has seen (live or replayed). */
  get lastSeq(): number {
    const all = [...this.events, ...this.replays.flatMap((r) => r.events)];
    return all.reduce((max, e) => Math.max(max, e.seq), 0);
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * Polls until the predicate holds or the time runs out; returns whether it held. For positive waits only: the
 * bound costs time only when the test is failing, so make it generous (a loaded machine is slow, not wrong).
 */
export async function eventually(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs: number,
  stepMs = 50,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return true;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  return predicate();
}

/**
 * The wait before a negative check ("this event never reaches that client"): resolves once the sentinel, an
 * event caused after the one that must not arrive and bound for the same socket, has arrived; throws if it never
 * does. Events reach a socket in sequence order, so once the sentinel is here the unwanted event would have come
 * too, however slow the machine; no fixed sleep that a busy machine could outrun.
 */
export async function waitForSentinel(
  client: BoardClient,
  isSentinel: (event: ReceivedEvent) => boolean,
  timeoutMs = 30_000,
): Promise<ReceivedEvent> {
  const find = () => client.events.find(isSentinel) ?? client.replays.flatMap((r) => r.events).find(isSentinel);
  if (!(await eventually(() => find() !== undefined, timeoutMs))) {
    throw new Error(
      `the sentinel event did not arrive within ${timeoutMs / 1000} s: the negative check cannot be made`,
    );
  }
  return find() as ReceivedEvent;
}
