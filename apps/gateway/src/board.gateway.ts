/**
 * The live board's socket.io endpoint. The handshake is authenticated with the API's token (Nest guards do
 * not run on connect, so it is done in socket.io middleware); every room join is authorised with the API's
 * scope rules; a reconnecting client names the last sequence it saw and gets what it missed, in order.
 */
import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { AuthenticatedUser, TokenService } from '@app/auth';
import { OutboxRepository, WomenRepository } from '@app/database';
import {
  ACCESS_CHANGED,
  BOARD_BATCH,
  BoardEvent,
  CLIENT_EVENTS,
  RelayedEventText,
  SERVER_EVENTS,
  SubscribeReply,
  SubscribeRequest,
  UnsubscribeReply,
  automaticRooms,
  isBoardEventPayload,
  roomAccess,
  roomCarries,
  rooms,
} from '@app/events';
import { batchRecipients } from './live-path/batch-recipients';
import { MAX_REPLAY, reloadReason, replayScanEnd } from './replay-window';
import { relayedBatch } from './live-path/relayed-batch';
import { emitPreEncoded } from './live-path/pre-encoded-json';
import { ACCOUNT_WITHDRAWN, GatewayServer, GatewaySocket, SIGNED_OUT, endSession } from './socket-session';

/** A socket on this gateway, as the server's own or as fetchSockets returns it. */
type AnySocket = GatewaySocket | Awaited<ReturnType<GatewayServer['fetchSockets']>>[number];

export type { SubscribeReply, SubscribeRequest } from '@app/events';

@WebSocketGateway()
export class BoardGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(BoardGateway.name);

  @WebSocketServer()
  private server!: GatewayServer;

  constructor(
    private readonly tokens: TokenService,
    private readonly women: WomenRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  afterInit(server: GatewayServer): void {
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      if (typeof token !== 'string' || token.length === 0) {
        next(new Error('unauthorised: send auth.token'));
        return;
      }
      this.tokens
        .session(token)
        .then(({ user, expiresAt, issuerSignIn }) => {
          socket.data.user = user;
          socket.data.expiresAt = expiresAt;
          socket.data.issuerSignIn = issuerSignIn;
          next();
        })
        .catch(() => next(new Error('unauthorised: the token is invalid or has expired')));
    });
    // Another process changed someone's access: re-check the rooms of her sockets on this gateway.
    server.on(ACCESS_CHANGED, (userId) => {
      if (typeof userId === 'string') void this.recheck(userId);
    });
    // The relay's batch of board events: hand each socket here the events of its rooms.
    server.on(BOARD_BATCH, (batch) => {
      const events = relayedBatch(batch);
      if (events) this.deliver(events);
      else this.logger.warn('a relay batch that is not a list of events: not delivered');
    });
  }

  /**
   * One event goes to its rooms as socket.io broadcasts (encoded once for every socket); several go as one
   * `board.events` per group of sockets that get the same ones (batch-recipients.ts), so a burst of thousands of
   * alerts costs a board a few messages. Each event's text goes out as the relay sent it (pre-encoded-json.ts).
   */
  private deliver(batch: RelayedEventText[]): void {
    const local = this.server.local;
    if (batch.length === 1) {
      emitPreEncoded(local.to(batch[0].rooms), CLIENT_EVENTS.boardEvent, batch[0].json);
      return;
    }
    const rooms = this.server.of('/').adapter.rooms;
    for (const { socketIds, events } of batchRecipients(batch, (room) => rooms.get(room))) {
      if (events.length === 1) emitPreEncoded(local.to(socketIds), CLIENT_EVENTS.boardEvent, events[0].json);
      else emitPreEncoded(local.to(socketIds), CLIENT_EVENTS.boardEvents, `[${events.map((e) => e.json).join(',')}]`);
    }
  }

  async handleConnection(socket: GatewaySocket): Promise<void> {
    const user = socket.data.user;
    if (!user) {
      socket.disconnect(true);
      return;
    }
    await socket.join(automaticRooms(user));
  }

  /** Join board rooms; with `since`, also receive every missed event of all the socket's rooms, in order. */
  @SubscribeMessage(SERVER_EVENTS.subscribe)
  async subscribe(
    @ConnectedSocket() socket: GatewaySocket,
    @MessageBody() body: SubscribeRequest,
  ): Promise<SubscribeReply> {
    const user = socket.data.user as AuthenticatedUser;
    const requested = Array.isArray(body?.rooms)
      ? body.rooms.filter((r): r is string => typeof r === 'string').slice(0, 50)
      : [];
    const reply: SubscribeReply = { joined: [], refused: [] };
    for (const room of requested) {
      const verdict = await roomAccess(user, room, (womanId) => this.womanInScope(user, womanId));
      if (verdict.allowed) reply.joined.push(room);
      else reply.refused.push({ room, reason: verdict.reason });
    }
    await socket.join(reply.joined);
    const since =
      typeof body?.since === 'number' && Number.isInteger(body.since) && body.since >= 0 ? body.since : null;
    if (since !== null) await this.replay(socket, since);
    return reply;
  }

  @SubscribeMessage(SERVER_EVENTS.unsubscribe)
  async unsubscribe(
    @ConnectedSocket() socket: GatewaySocket,
    @MessageBody() body: SubscribeRequest,
  ): Promise<UnsubscribeReply> {
    const user = socket.data.user as AuthenticatedUser;
    const keep = new Set(automaticRooms(user));
    const left = (Array.isArray(body?.rooms) ? body.rooms : []).filter(
      (r): r is string => typeof r === 'string' && !keep.has(r),
    );
    for (const room of left) await socket.leave(room);
    return { left };
  }

  /**
   * The missed events of the socket's rooms, each re-judged by the visibility policy for the room it was stored
   * under: an event stored before a rule tightened (or addressed to a room she has since been refused) is not
   * replayed to her. A user room is judged for the socket's own user, its only member.
   */
  private async replay(socket: GatewaySocket, since: number): Promise<void> {
    const user = socket.data.user as AuthenticatedUser;
    const joined = [...socket.rooms].filter((room) => room !== socket.id);
    const [oldest, latest, missed] = await Promise.all([
      this.outbox.oldestId(),
      this.outbox.latestId(),
      this.outbox.listForRoomsAfter(joined, String(since), String(replayScanEnd(since)), MAX_REPLAY + 1),
    ]);
    const reason = reloadReason({ since, oldest: Number(oldest), latest: Number(latest) }, missed.length);
    if (reason) {
      socket.emit(CLIENT_EVENTS.reload, { reason, latestSeq: Number(latest) });
      return;
    }
    const mine = new Set(joined);
    const events: BoardEvent[] = missed
      .flatMap((e) => (isBoardEventPayload(e.payload) ? [{ rooms: e.rooms, event: e.payload, seq: Number(e.id) }] : []))
      .filter(({ rooms, event }) => rooms.some((room) => mine.has(room) && roomCarries(room, event, user.role)))
      .map(({ event, seq }) => ({ ...event, seq }));
    socket.emit(CLIENT_EVENTS.replay, { since, events });
  }

  /** A user's access changed: leave every room she may no longer be in; end the session of a withdrawn account. */
  async recheck(userId: string): Promise<void> {
    const sockets = await this.server.in(rooms.user(userId)).local.fetchSockets();
    if (sockets.length === 0) return;
    const user = await this.tokens.reload(userId);
    for (const socket of sockets) await this.recheckSocket(socket, user);
    this.logger.log(`re-checked ${sockets.length} socket(s) of user ${userId}`);
  }

  /** A woman's prison, COM, POM or release area changed: whoever follows her room may have lost her. */
  async recheckWoman(womanId: string): Promise<void> {
    const sockets = await this.server.in(rooms.woman(womanId)).local.fetchSockets();
    for (const socket of sockets) {
      const userId = socket.data.user?.id;
      await this.recheckSocket(socket, userId ? await this.tokens.reload(userId) : null);
    }
  }

  /**
   * Puts one socket right for the user as she stands now (null: withdrawn); ends it when the issuer's sign-in it
   * was opened with has ended (she signed out, in this tab or another, or the issuer refused her). Resolves
   * whether the socket is still open.
   */
  async recheckSocket(socket: AnySocket, user: AuthenticatedUser | null): Promise<boolean> {
    if (!user) {
      endSession(socket, ACCOUNT_WITHDRAWN);
      return false;
    }
    const signIn = socket.data.issuerSignIn;
    const standing = signIn ? await this.tokens.issuerSignInStanding(signIn) : 'holds';
    if (standing !== 'holds') {
      endSession(socket, standing === 'suspended' ? ACCOUNT_WITHDRAWN : SIGNED_OUT);
      return false;
    }
    socket.data.user = user;
    for (const room of socket.rooms) {
      if (room === socket.id) continue;
      const verdict = await roomAccess(user, room, (womanId) => this.womanInScope(user, womanId));
      if (!verdict.allowed) {
        await socket.leave(room);
        socket.emit(CLIENT_EVENTS.removed, { room, reason: verdict.reason });
      }
    }
    await socket.join(automaticRooms(user));
    return true;
  }

  private async womanInScope(user: AuthenticatedUser, womanId: string): Promise<boolean> {
    if (!/^[0-9a-f-]{36}$/i.test(womanId)) return false;
    return (await this.women.findOneInScope(user.scope, womanId)) !== null;
  }
}
