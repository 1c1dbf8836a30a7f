/**
 * What the gateway keeps on each socket (who she is, until when her token holds) and the one way a session
 * ends: the client is told why, then the socket is closed, so the page knows to get a fresh token or to stop.
 */
import { AuthenticatedUser } from '@app/auth';
import { CLIENT_EVENTS, SessionEnded } from '@app/events';

export interface SocketData {
  user?: AuthenticatedUser;
  /** Epoch milliseconds at which the socket's token expires (the token's `exp`). */
  expiresAt?: number;
}

/** The part of a socket (local, or as fetchSockets returns it) that ending a session needs. */
interface ClosableSocket {
  emit(event: string, payload: SessionEnded): unknown;
  disconnect(close?: boolean): unknown;
}

export const SESSION_EXPIRED: SessionEnded = {
  reason: 'expired',
  message: 'your sign-in has expired: get a fresh token and reconnect',
};

export const ACCOUNT_WITHDRAWN: SessionEnded = { reason: 'withdrawn', message: 'your account is no longer active' };

export function endSession(socket: ClosableSocket, ended: SessionEnded): void {
  socket.emit(CLIENT_EVENTS.sessionEnded, ended);
  socket.disconnect(true);
}
