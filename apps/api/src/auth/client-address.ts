/**
 * The client address sign-in throttling counts by. An IPv4-mapped IPv6 address (::ffff:192.0.2.1, as Node
 * reports IPv4 clients on a dual-stack socket) is its IPv4 address. An IPv6 address counts as its /64: one
 * subscriber is normally given at least a /64 (RFC 6177, RIPE-690), so counting single addresses would let a
 * client take a fresh one for every guess.
 */
import { isIPv4, isIPv6 } from 'node:net';

export const UNKNOWN_ADDRESS = 'unknown';

/** The eight 16-bit groups of an IPv6 address, or null if it is not one. */
function ipv6Groups(address: string): number[] | null {
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string | undefined): string[] => (part ? part.split(':') : []);
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  const groups = (parts: string[]): number[] =>
    parts.flatMap((part) => {
      if (!isIPv4(part)) return [parseInt(part, 16)];
      const [a, b, c, d] = part.split('.').map(Number) as [number, number, number, number];
      return [(a << 8) | b, (c << 8) | d];
    });
  const [first, last] = [groups(head), groups(tail)];
  const missing = 8 - first.length - last.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...first, ...new Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...last];
}

export function throttleAddress(ip: string | undefined): string {
  const address = (ip ?? '').split('%')[0]?.toLowerCase() ?? '';
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return UNKNOWN_ADDRESS;
  const groups = ipv6Groups(address);
  if (!groups) return UNKNOWN_ADDRESS;
  const mappedIPv4 = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mappedIPv4) {
    const [high, low] = [groups[6] ?? 0, groups[7] ?? 0];
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}
