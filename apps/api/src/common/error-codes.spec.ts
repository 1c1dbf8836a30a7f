import { ApiErrorCode } from '@app/contracts';
import { errorCodeFor } from './error-codes';

describe('errorCodeFor', () => {
  it('keys a 400 that names fields as a validation failure, and one without as a bad request', () => {
    expect(errorCodeFor(400, { fields: [{ field: 'email', messages: ['x'] }] }, '/users/me/settings')).toBe(
      ApiErrorCode.VALIDATION_FAILED,
    );
    expect(errorCodeFor(400, { message: 'x' }, '/tasks')).toBe(ApiErrorCode.BAD_REQUEST);
  });

  it('tells a wrong password at sign-in from an expired token elsewhere', () => {
    expect(errorCodeFor(401, {}, '/auth/login')).toBe(ApiErrorCode.SIGN_IN_FAILED);
    expect(errorCodeFor(401, {}, '/women')).toBe(ApiErrorCode.NOT_SIGNED_IN);
  });

  it('tells a claim race and a referral that moved on from a stale version', () => {
    expect(errorCodeFor(409, { heldBy: { id: 'u', displayName: 'Ann' } }, '/tasks/1/claim')).toBe(
      ApiErrorCode.ALREADY_CLAIMED,
    );
    expect(errorCodeFor(409, { status: 'WITHDRAWN' }, '/referrals/1/send')).toBe(ApiErrorCode.REFERRAL_MOVED_ON);
    expect(errorCodeFor(409, { message: 'stale' }, '/tasks/1/status')).toBe(ApiErrorCode.CONFLICT);
  });

  it('keeps a code the exception named, and has one for every status', () => {
    expect(errorCodeFor(429, { code: ApiErrorCode.TOO_MANY_SIGN_IN_ATTEMPTS }, '/auth/login')).toBe(
      ApiErrorCode.TOO_MANY_SIGN_IN_ATTEMPTS,
    );
    expect(errorCodeFor(418, { code: 'MADE_UP' }, '/')).toBe(ApiErrorCode.UNEXPECTED);
    for (const status of [403, 404, 413, 422, 503])
      expect(errorCodeFor(status, {}, '/')).not.toBe(ApiErrorCode.UNEXPECTED);
  });
});
