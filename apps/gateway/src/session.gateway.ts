/**
 * A socket's session follows its token and its account, not just the handshake: the socket is closed when
 * the token expires (a timer from its `exp`, renewed by `session.renew` with a fresh token), and every
 * request it makes (a room join, a replay) is served only while the token holds and the account is active,
 * with her access as it stands at that moment, so nothing a lost ACCESS_CHANGED left stale can widen it.
 */
import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { TokenService } from '@app/auth';
import { RenewReply, RenewRequest, SESSION_RENEW } from '@app/events';
import { BoardGateway } from './board.gateway';
import { GatewaySocket, SESSION_EXPIRED, endSession } from './socket-session';

export type { RenewReply } from '@app/events';

@WebSocketGateway()
export class SessionGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(SessionGateway.name);
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly tokens: TokenService,
    private readonly board: BoardGateway,
  ) {}

  handleConnection(socket: GatewaySocket): void {
    if (!socket.data.user) return; // the board gateway closes it
    this.arm(socket);
    socket.on('error', (error: Error) => this.logger.debug(`socket ${socket.id}: ${error.message}`));
    // One at a time, so requests keep their order although each waits for the database.
    let queue: Promise<void> = Promise.resolve();
    socket.use((_packet, next) => {
      queue = queue.then(async () => {
        const admitted = await this.admit(socket).catch(() => false);
        next(admitted ? undefined : new Error('session ended'));
      });
    });
  }

  handleDisconnect(socket: GatewaySocket): void {
    clearTimeout(this.timers.get(socket.id));
    this.timers.delete(socket.id);
  }

  /** A fresh token for the same user (from POST /auth/refresh): the socket now lasts as long as it does. */
  @SubscribeMessage(SESSION_RENEW)
  async renew(@ConnectedSocket() socket: GatewaySocket, @MessageBody() body: RenewRequest): Promise<RenewReply> {
    const data = socket.data;
    if (typeof body?.token !== 'string') return { error: 'send { token }' };
    const session = await this.tokens.session(body.token).catch(() => null);
    if (!session) return { error: 'the token is invalid or has expired' };
    if (session.user.id !== data.user?.id) return { error: 'the token is for another user' };
    data.user = session.user;
    data.expiresAt = session.expiresAt;
    data.issuerSignIn = session.issuerSignIn;
    this.arm(socket);
    return { expiresAt: session.expiresAt };
  }

  private arm(socket: GatewaySocket): void {
    clearTimeout(this.timers.get(socket.id));
    const expiresAt = socket.data.expiresAt ?? 0;
    this.timers.set(
      socket.id,
      setTimeout(() => endSession(socket, SESSION_EXPIRED), Math.max(0, expiresAt - Date.now())),
    );
  }

  /**
   * Ends the session (and refuses the request) when the token has expired or the account is withdrawn;
   * otherwise first takes the socket out of any room she has lost, so a replay never covers one.
   */
  private async admit(socket: GatewaySocket): Promise<boolean> {
    const data = socket.data;
    if (!data.user || Date.now() >= (data.expiresAt ?? 0)) {
      endSession(socket, SESSION_EXPIRED);
      return false;
    }
    return this.board.recheckSocket(socket, await this.tokens.reload(data.user.id));
  }
}
