/**
 * The `code` of every error body (libs/contracts api-errors.ts), derived in one place from the status and the
 * fields the refusal already carries, so no thrown exception can go out without one. An exception may name its
 * own code (a `code` in its body); that one is kept.
 */
import { ApiErrorCode } from '@app/contracts';

const BY_STATUS: Record<number, ApiErrorCode> = {
  400: ApiErrorCode.BAD_REQUEST,
  401: ApiErrorCode.NOT_SIGNED_IN,
  403: ApiErrorCode.FORBIDDEN,
  404: ApiErrorCode.NOT_FOUND,
  409: ApiErrorCode.CONFLICT,
  413: ApiErrorCode.BODY_TOO_LARGE,
  422: ApiErrorCode.NOT_ELIGIBLE,
  429: ApiErrorCode.TOO_MANY_SIGN_IN_ATTEMPTS,
  503: ApiErrorCode.SERVICE_UNAVAILABLE,
};

const SIGN_IN_PATH = '/auth/login';

function isKnownCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (Object.values(ApiErrorCode) as string[]).includes(value);
}

export function errorCodeFor(status: number, body: Record<string, unknown>, path: string): ApiErrorCode {
  if (isKnownCode(body.code)) return body.code;
  if (status === 400 && Array.isArray(body.fields)) return ApiErrorCode.VALIDATION_FAILED;
  if (status === 401 && path === SIGN_IN_PATH) return ApiErrorCode.SIGN_IN_FAILED;
  if (status === 409 && body.heldBy !== undefined) return ApiErrorCode.ALREADY_CLAIMED;
  if (status === 409 && 'status' in body) return ApiErrorCode.REFERRAL_MOVED_ON;
  return BY_STATUS[status] ?? ApiErrorCode.UNEXPECTED;
}
