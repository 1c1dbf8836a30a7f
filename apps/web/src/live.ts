/**
 * The live board connection: one socket to the gateway with the session's token, the rooms of the page, and
 * catching up after a lost connection or a missed event (see board-follower.ts).
 */
import { io, Socket } from 'socket.io-client';
import {
  BoardEvent,
  BoardRemoved,
  CLIENT_EVENTS,
  ClientToServerEvents,
  SERVER_EVENTS,
  ServerToClientEvents,
} from '@app/contracts';
import { CatchUp, followBoard } from './board-follower';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting';

/** The gateway's socket, typed by the contract's event maps. */
export type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface LiveHandlers {
  onEvent(event: BoardEvent): void;
  /** The gap was too long to replay: fetch everything again. */
  onReload(): void;
  /** Joined to the page's rooms (each connection): fetch what is on screen, so nothing before the join is lost. */
  onSubscribed(): void;
  onState(state: ConnectionState): void;
  /** Events that never arrived live were caught up (the heartbeat showed them). */
  onCaughtUp(catchUp: CatchUp): void;
  /** The gateway took the socket out of a room: her access to that board or that woman ended. */
  onRemoved(removed: BoardRemoved): void;
  /** The gateway closed the socket: the token expired (`expired`) or the account was withdrawn. */
  onSessionEnded(reason: string): void;
}

export interface LiveConnection {
  close(): void;
  /** A fresh token: handed to the open socket, or used to reconnect one the gateway closed (and catch up). */
  renew(token: string): void;
}

async function gatewayUrl(): Promise<string> {
  const response = await fetch('/client-config');
  const { gatewayUrl: configured } = (await response.json()) as { gatewayUrl: string | null };
  return configured ?? `${location.protocol}//${location.hostname}:3001`;
}

/** `token` is read at every (re)connection, so a reconnect always carries the newest one. */
export async function connectLive(
  token: () => string,
  rooms: string[],
  handlers: LiveHandlers,
): Promise<LiveConnection> {
  let socket: BoardSocket | null = io(await gatewayUrl(), {
    auth: (send) => send({ token: token() }),
    transports: ['websocket'],
  });
  handlers.onState('connecting');
  socket.on('connect', () => handlers.onState('live'));
  socket.on('disconnect', () => handlers.onState('reconnecting'));
  socket.on('connect_error', () => handlers.onState('reconnecting'));
  socket.on(CLIENT_EVENTS.sessionEnded, (ended) => handlers.onSessionEnded(ended.reason));
  socket.on(CLIENT_EVENTS.removed, (removed) => handlers.onRemoved(removed));
  followBoard<BoardEvent>(socket, rooms, handlers);
  return {
    close: () => {
      socket?.close();
      socket = null;
    },
    renew: (fresh) => {
      if (socket?.connected) socket.emit(SERVER_EVENTS.renew, { token: fresh }, () => undefined);
      // Closed by the gateway, so not reconnecting by itself: the auth callback sends the fresh token.
      else if (socket && !socket.active) socket.connect();
    },
  };
}
