import { readCookie, seal, setCookieHeader, unseal } from './sealed-cookie';

describe('sealed cookies', () => {
  it('gives back what was sealed with the same secret and purpose', () => {
    const sealed = seal('s'.repeat(32), 'refresh', { refreshToken: 'rt', subject: 'amy' });
    expect(unseal(`${'s'.repeat(32)}`, 'refresh', sealed)).toEqual({ refreshToken: 'rt', subject: 'amy' });
  });

  it('ignores a cookie sealed for another purpose, with another secret, or edited', () => {
    const secret = 's'.repeat(32);
    const sealed = seal(secret, 'refresh', { subject: 'amy' });
    expect(unseal(secret, 'sign-in', sealed)).toBeNull();
    expect(unseal('t'.repeat(32), 'refresh', sealed)).toBeNull();
    const [, tag] = sealed.split('.');
    const edited = `${Buffer.from(JSON.stringify({ subject: 'eve' })).toString('base64url')}.${tag}`;
    expect(unseal(secret, 'refresh', edited)).toBeNull();
    expect(unseal(secret, 'refresh', 'garbage')).toBeNull();
  });

  it('reads one cookie among several and writes HttpOnly cookies that can be cleared', () => {
    expect(readCookie('a=1; resettle_x=a%2Eb; c=3', 'resettle_x')).toBe('a.b');
    expect(readCookie('a=1', 'resettle_x')).toBeNull();
    const options = { name: 'resettle_x', path: '/auth', sameSite: 'Strict' as const, secure: true, maxAgeSeconds: 60 };
    expect(setCookieHeader(options, 'v')).toBe(
      'resettle_x=v; Path=/auth; HttpOnly; SameSite=Strict; Max-Age=60; Secure',
    );
    expect(setCookieHeader(options, null)).toContain('Max-Age=0');
  });
});
