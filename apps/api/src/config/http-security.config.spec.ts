import { readHttpSecuritySettings } from './http-security.config';

describe('readHttpSecuritySettings', () => {
  it('trusts no proxy and assumes no TLS unless told', () => {
    expect(readHttpSecuritySettings({})).toEqual({ trustProxy: false, behindTls: false });
  });

  it('reads a hop count or a list of proxy addresses and ranges', () => {
    expect(readHttpSecuritySettings({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readHttpSecuritySettings({ TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::/32' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '2001:db8::/32',
    ]);
    expect(readHttpSecuritySettings({ BEHIND_TLS: 'true' }).behindTls).toBe(true);
  });

  it.each([
    ['true', /TRUST_PROXY.*true is refused/],
    ['10.0.0.0/33', /TRUST_PROXY.*10\.0\.0\.0\/33/],
    ['proxy.example', /TRUST_PROXY.*proxy\.example/],
  ])('refuses TRUST_PROXY=%s at boot, naming the variable', (value, message) => {
    expect(() => readHttpSecuritySettings({ TRUST_PROXY: value })).toThrow(message);
  });

  it('refuses a BEHIND_TLS that is not true or false, naming the variable', () => {
    expect(() => readHttpSecuritySettings({ BEHIND_TLS: 'yes' })).toThrow(/BEHIND_TLS/);
  });
});
