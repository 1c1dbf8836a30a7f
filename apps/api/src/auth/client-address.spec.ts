import { UNKNOWN_ADDRESS, throttleAddress } from './client-address';

describe('throttleAddress', () => {
  it('keeps an IPv4 address as it is', () => {
    expect(throttleAddress('192.0.2.10')).toBe('192.0.2.10');
  });

  it('reads an IPv4-mapped IPv6 address as its IPv4 address, in either notation', () => {
    expect(throttleAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(throttleAddress('::ffff:c000:20a')).toBe('192.0.2.10');
  });

  it('counts every address of one IPv6 /64 as one client', () => {
    const a = throttleAddress('2001:db8:85a3:8d3:1319:8a2e:370:7348');
    const b = throttleAddress('2001:db8:85a3:8d3::1');
    expect(a).toBe('2001:db8:85a3:8d3::/64');
    expect(b).toBe(a);
    expect(throttleAddress('2001:db8:85a3:8d4::1')).not.toBe(a);
  });

  it('expands compressed IPv6 forms and ignores a zone', () => {
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
    expect(throttleAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(throttleAddress('2001:DB8::')).toBe('2001:db8:0:0::/64');
  });

  it('counts a missing or malformed address as one unknown client', () => {
    expect(throttleAddress(undefined)).toBe(UNKNOWN_ADDRESS);
    expect(throttleAddress('not an address')).toBe(UNKNOWN_ADDRESS);
  });
});
