import { issuedBeforeSignOut } from './external-identities.service';

describe('a token issued before her sign-out', () => {
  const signedOutAt = new Date('2026-11-30T17:00:05.400Z');
  const second = Math.floor(signedOutAt.getTime() / 1000);

  it('is one issued in an earlier second, or in the same second as the sign-out', () => {
    expect(issuedBeforeSignOut(second - 1, signedOutAt)).toBe(true);
    expect(issuedBeforeSignOut(second, signedOutAt)).toBe(true);
  });

  it('is not one issued in a later second, nor any when she never signed out', () => {
    expect(issuedBeforeSignOut(second + 1, signedOutAt)).toBe(false);
    expect(issuedBeforeSignOut(second, null)).toBe(false);
  });
});
