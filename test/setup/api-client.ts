/**
 * A small HTTP client for the suites: real requests over the socket, JSON in and out, status kept; every answer
 * is checked against the API's document (response-contract.ts).
 */
import { expectDocumentedAnswer } from './response-contract';

export interface FieldErrorBody {
  field: string;
  messages: string[];
}

/** The API's error shape (validation errors name their fields; claim conflicts name the holder). */
export interface ErrorBody {
  statusCode: number;
  message: string | string[];
  error?: string;
  fields?: FieldErrorBody[];
  heldBy?: { id: string; displayName: string | null; providerId: string | null };
  claimedAt?: string | null;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
}

export interface RawRequest {
  /** Sent as is (for malformed or oversized bodies). */
  rawBody: string;
  contentType?: string;
}

/** Status of a request the API never answered: a hung server fails its test with a reason, not a Jest timeout. */
export const NO_ANSWER = 0;

/**
 * Below Jest's 120 s test timeout, so the test itself can report which requests went unanswered; generous, as a
 * loaded machine answers slowly but does answer.
 */
const DEFAULT_TIMEOUT_MS = 60_000;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token: string | null = null,
    readonly timeoutMs: number = DEFAULT_TIMEOUT_MS,
  ) {}

  as(token: string | null): ApiClient {
    return new ApiClient(this.baseUrl, token, this.timeoutMs);
  }

  withTimeout(timeoutMs: number): ApiClient {
    return new ApiClient(this.baseUrl, this.token, timeoutMs);
  }

  get<T = ErrorBody>(path: string): Promise<ApiResponse<T>> {
    return this.send<T>('GET', path);
  }

  post<T = ErrorBody>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.send<T>('POST', path, body);
  }

  delete<T = ErrorBody>(path: string): Promise<ApiResponse<T>> {
    return this.send<T>('DELETE', path);
  }

  patch<T = ErrorBody>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.send<T>('PATCH', path, body);
  }

  put<T = ErrorBody>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.send<T>('PUT', path, body);
  }

  async send<T>(method: Method, path: string, body?: unknown, raw?: RawRequest): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let payload: string | undefined;
    if (raw) {
      payload = raw.rawBody;
      headers['content-type'] = raw.contentType ?? 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: payload,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      if ((error as Error).name !== 'TimeoutError') throw error;
      const message = `${method} ${path} had no answer within ${this.timeoutMs} ms`;
      return { status: NO_ANSWER, body: { statusCode: NO_ANSWER, message } as T };
    }
    const contentType = response.headers.get('content-type') ?? '';
    const answer: unknown = contentType.includes('application/json') && text ? JSON.parse(text) : text;
    await expectDocumentedAnswer(this.baseUrl, { method, path, status: response.status, contentType, body: answer });
    return { status: response.status, body: answer as T };
  }
}

/** The response's message as one string, whether the API sent a string or a list. */
export function messageOf(body: ErrorBody): string {
  return Array.isArray(body.message) ? body.message.join('; ') : String(body.message);
}
