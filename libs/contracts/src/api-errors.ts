/**
 * The stable codes of the API's error bodies (`code` beside the English `message`): the web shows its own words
 * for each, in English or Welsh (apps/web/src/i18n), and a client can branch on them without parsing English.
 * Every error the API answers with carries one (apps/api/src/common/error-codes.ts derives it); a code is never
 * renamed once published, only added.
 */
export enum ApiErrorCode {
  /** 400 with `fields`: each field that was wrong, and why. */
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  /** 400: the request body is not JSON. */
  INVALID_JSON = 'INVALID_JSON',
  /** 400 without fields. */
  BAD_REQUEST = 'BAD_REQUEST',
  /** 401 from POST /auth/login: the username or password is wrong. */
  SIGN_IN_FAILED = 'SIGN_IN_FAILED',
  /** 401 elsewhere: no token, or one that has expired. */
  NOT_SIGNED_IN = 'NOT_SIGNED_IN',
  /** 403: not hers to see or do (the need-to-know policy). */
  FORBIDDEN = 'FORBIDDEN',
  /** 404. */
  NOT_FOUND = 'NOT_FOUND',
  /** 409 on a claim: someone else holds the task or referral (`heldBy`). */
  ALREADY_CLAIMED = 'ALREADY_CLAIMED',
  /** 409 on a referral: it has moved on since it was read (`status`). */
  REFERRAL_MOVED_ON = 'REFERRAL_MOVED_ON',
  /** 409 otherwise: changed by someone else since it was read (a stale version). */
  CONFLICT = 'CONFLICT',
  /** 413. */
  BODY_TOO_LARGE = 'BODY_TOO_LARGE',
  /** 422: she is not eligible (`reasons`). */
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  /** 429 on sign-in (`retryAfterSeconds`). */
  TOO_MANY_SIGN_IN_ATTEMPTS = 'TOO_MANY_SIGN_IN_ATTEMPTS',
  /** 503: the database cannot be reached; try again (Retry-After). */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** Any other status. */
  UNEXPECTED = 'UNEXPECTED',
}

export const API_ERROR_CODES: readonly ApiErrorCode[] = Object.values(ApiErrorCode);
