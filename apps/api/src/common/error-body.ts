/**
 * The body of every error the API answers with: Nest's HttpException shape, plus the fields the API's own
 * refusals add. The API document gives it as the schema of every 4xx and 503 response.
 */
import type { ApiErrorCode } from '@app/contracts';
import type { FieldError } from './validation-errors';

export interface ApiErrorBody {
  statusCode: number;
  /** In English, for API clients and logs. */
  message: string;
  /** Stable: what went wrong, for a client to branch on or show in its own words (English or Welsh in the web). */
  code: ApiErrorCode;
  /** The status's reason phrase ('Bad Request'); absent from a few refusals that set only a message. */
  error?: string;
  /** 400: each field that was wrong and what is wrong with it (validation-errors.ts). */
  fields?: FieldError[];
  /** 409 on a claim: who holds the task or referral now. */
  heldBy?: { id: string; displayName: string | null; providerId?: string | null };
  /** 409 on a task claim: when the holder claimed it. */
  claimedAt?: string | null;
  /** 409 on a referral: the status it has now (null: it is gone). */
  status?: string | null;
  /** 422: why she is not eligible. */
  reasons?: string[];
  /** 429: how long to wait before signing in again (also the Retry-After header). */
  retryAfterSeconds?: number;
}
