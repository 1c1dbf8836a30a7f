/**
 * What the gateway keeps on each socket (who she is, until when her token holds) and the one way a session
 * ends: the client is told why, then the socket is closed, so the page knows to get a fresh token or to stop.
 */
import { Server, Socket } from 'socket.io';
import { AuthenticatedUser } from '@app/auth';
import {
  CLIENT_EVENTS,
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SessionEnded,
  SocketData,
} from '@app/events';

/** What the gateway keeps on each socket: the signed-in user, as the API's token names her. */
export type GatewaySocketData = SocketData<AuthenticatedUser>;

/** The gateway's socket.io server and sockets, typed by the contract's event maps. */
export type GatewayServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, GatewaySocketData>;
export type GatewaySocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, GatewaySocketData>;

/** The part of a socket (local, or as fetchSockets returns it) that ending a session needs. */
interface ClosableSocket {
  emit(event: typeof CLIENT_EVENTS.sessionEnded, payload: SessionEnded): unknown;
  disconnect(close?: boolean): unknown;
}

export const SESSION_EXPIRED: SessionEnded = {
  reason: 'expired',
  message: 'your sign-in has expired: get a fresh token and reconnect',
};

export const ACCOUNT_WITHDRAWN: SessionEnded = { reason: 'withdrawn', message: 'your account is no longer active' };

export const SIGNED_OUT: SessionEnded = {
  reason: 'signed-out',
  message: "you signed out of your organisation's sign-in: sign in again",
};

export function endSession(socket: ClosableSocket, ended: SessionEnded): void {
  socket.emit(CLIENT_EVENTS.sessionEnded, ended);
  socket.disconnect(true);
}
