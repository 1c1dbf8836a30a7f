/**
 * The live board's socket.io endpoint. For now it authenticates the handshake with the API's token and
 * puts each connection in its user's room; board rooms and event fan-out come with the deadline engine.
 */
import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { Server, Socket } from 'socket.io';
import { AuthenticatedUser, TokenService } from '@app/auth';
import { rooms } from '@app/events';

interface SocketData {
  user?: AuthenticatedUser;
}

@WebSocketGateway()
export class BoardGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(BoardGateway.name);

  constructor(private readonly tokens: TokenService) {}

  /** Nest guards do not run on connect, so the handshake is checked in socket.io middleware. */
  afterInit(server: Server): void {
    server.use((socket: Socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      if (typeof token !== 'string' || token.length === 0) {
        next(new Error('unauthorised: send auth.token'));
        return;
      }
      this.tokens
        .authenticate(token)
        .then((user) => {
          (socket.data as SocketData).user = user;
          next();
        })
        .catch(() => next(new Error('unauthorised: the token is invalid or has expired')));
    });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const user = (socket.data as SocketData).user;
    if (!user) {
      socket.disconnect(true);
      return;
    }
    await socket.join(rooms.user(user.id));
    this.logger.debug(`connected ${user.username}`);
  }
}
