/**
 * Keeps an open page signed in: shortly before its token expires it gets a fresh one from POST /auth/refresh
 * (which the API refuses for a withdrawn account, or once JWT_SESSION_MAX_SECONDS have passed since she gave
 * her password). When it cannot, the app asks her to sign in again over the page, which stays as it was.
 */
import { api, ApiError, loadSession } from './api';

interface Claims {
  exp: number;
  iat: number;
}

function claimsOf(token: string): Claims {
  try {
    const part = token.split('.')[1] ?? '';
    return JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as Claims;
  } catch {
    return { exp: 0, iat: 0 }; // not a token we can read: treat it as expired
  }
}

/** When the token stops being valid (epoch ms). Only for scheduling: the server decides. */
export function tokenExpiry(token: string): number {
  return claimsOf(token).exp * 1000;
}

/** Refresh this long before expiry: five minutes, or a quarter of a short token's life. */
function leadMs(token: string): number {
  const { exp, iat } = claimsOf(token);
  return Math.min(5 * 60_000, ((exp - iat) * 1000) / 4);
}

const RETRY_MS = 5000;

/**
 * Calls `onFresh` with each new token and `onLost` once a token can no longer be had (the caller then asks her
 * to sign in and calls this again). A failed network call is retried while the token still holds.
 */
export function keepSessionFresh(onFresh: (token: string) => void, onLost: () => void): () => void {
  let timer: number | undefined;
  let stopped = false;
  const schedule = (delay: number) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), Math.max(0, delay));
  };
  const run = async () => {
    const token = loadSession()?.token;
    if (!token || stopped) return;
    try {
      const { accessToken } = await api<{ accessToken: string }>('POST', '/auth/refresh', undefined, token);
      if (stopped) return;
      onFresh(accessToken);
      schedule(tokenExpiry(accessToken) - leadMs(accessToken) - Date.now());
    } catch (error) {
      if (stopped) return;
      const refused = error instanceof ApiError && error.status === 401;
      if (refused || Date.now() + RETRY_MS >= tokenExpiry(token)) onLost();
      else schedule(RETRY_MS);
    }
  };
  const token = loadSession()?.token;
  if (token) schedule(tokenExpiry(token) - leadMs(token) - Date.now());
  return () => {
    stopped = true;
    window.clearTimeout(timer);
  };
}
