/**
 * The live board connection: one socket to the gateway with the session's token, the rooms of the page, and
 * catching up after a lost connection or a missed event (see board-follower.ts).
 */
import { io, Socket } from 'socket.io-client';
import { CatchUp, followBoard } from './board-follower';

export interface BoardEvent {
  seq: number;
  type: string;
  womanId: string | null;
  prisonCode: string | null;
  task?: { id: string; title: string; womanId: string };
  alert?: { id: string; taskId: string; kind: string; level: number; createdAt: string };
  woman?: { firstName: string; lastName: string };
  /** On alerts: whom the task is about. */
  womanLabel?: { id: string; prisonNumber: string; firstName: string; lastName: string };
}

export type ConnectionState = 'connecting' | 'live' | 'reconnecting';

export interface LiveHandlers {
  onEvent(event: BoardEvent): void;
  /** The gap was too long to replay: fetch everything again. */
  onReload(): void;
  onState(state: ConnectionState): void;
  /** Events that never arrived live were caught up (the heartbeat showed them). */
  onCaughtUp(catchUp: CatchUp): void;
}

async function gatewayUrl(): Promise<string> {
  const response = await fetch('/client-config');
  const { gatewayUrl: configured } = (await response.json()) as { gatewayUrl: string | null };
  return configured ?? `${location.protocol}//${location.hostname}:3001`;
}

export async function connectLive(token: string, rooms: string[], handlers: LiveHandlers): Promise<() => void> {
  let socket: Socket | null = io(await gatewayUrl(), { auth: { token }, transports: ['websocket'] });
  handlers.onState('connecting');
  socket.on('connect', () => handlers.onState('live'));
  socket.on('disconnect', () => handlers.onState('reconnecting'));
  socket.on('connect_error', () => handlers.onState('reconnecting'));
  followBoard<BoardEvent>(socket, rooms, handlers);
  return () => {
    socket?.close();
    socket = null;
  };
}
