/** The REST API as the pages use it: the session's token on every call, and one error shape. */
import type { CurrentUserView, LoginResponse } from '@app/contracts';

export interface Session {
  token: string;
  user: CurrentUserView;
}

const SESSION_KEY = 'resettle.session';

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(SESSION_KEY);
  return raw ? (JSON.parse(raw) as Session) : null;
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(SESSION_KEY);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }

  /** The API's stable error code (libs/contracts api-errors.ts), for words in the reader's language. */
  get code(): string | undefined {
    return typeof this.body.code === 'string' ? this.body.code : undefined;
  }
}

/** Called when the API says the token is no good: the app goes back to sign-in. */
let onUnauthorised: () => void = () => undefined;
export function whenUnauthorised(handler: () => void): void {
  onUnauthorised = handler;
}

export async function api<T>(method: string, path: string, body?: unknown, token = loadSession()?.token): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (response.status === 401 && token) onUnauthorised();
  if (!response.ok) {
    const raw = parsed.message;
    const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : response.statusText;
    throw new ApiError(response.status, message, parsed);
  }
  return parsed as T;
}

export async function signIn(username: string, password: string): Promise<Session> {
  const { accessToken } = await api<LoginResponse>('POST', '/auth/login', { username, password }, undefined);
  const user = await api<Session['user']>('GET', '/auth/me', undefined, accessToken);
  return { token: accessToken, user };
}
