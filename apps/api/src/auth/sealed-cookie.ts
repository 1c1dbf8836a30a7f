/**
 * Cookies whose value the browser carries but cannot read meaningfully or alter: a JSON value with an HMAC
 * (SHA-256, keyed from JWT_SECRET and the cookie's purpose), so a forged or edited cookie is ignored.
 * HttpOnly, so page scripts never see the issuer's refresh token or the sign-in's PKCE verifier.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface CookieOptions {
  name: string;
  path: string;
  sameSite: 'Strict' | 'Lax';
  secure: boolean;
  maxAgeSeconds: number;
}

function mac(secret: string, purpose: string, body: string): string {
  return createHmac('sha256', `${purpose}:${secret}`).update(body).digest('base64url');
}

export function seal(secret: string, purpose: string, value: unknown): string {
  const body = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${body}.${mac(secret, purpose, body)}`;
}

export function unseal<T>(secret: string, purpose: string, sealed: string | null): T | null {
  if (!sealed) return null;
  const [body, tag] = sealed.split('.');
  if (!body || !tag) return null;
  const expected = Buffer.from(mac(secret, purpose, body));
  const given = Buffer.from(tag);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
  } catch {
    return null;
  }
}

/** The named cookie's value from a Cookie header (RFC 6265 section 5.4), or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return null;
}

export function setCookieHeader(options: CookieOptions, value: string | null): string {
  const parts = [
    `${options.name}=${value === null ? '' : encodeURIComponent(value)}`,
    `Path=${options.path}`,
    'HttpOnly',
    `SameSite=${options.sameSite}`,
    `Max-Age=${value === null ? 0 : options.maxAgeSeconds}`,
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
