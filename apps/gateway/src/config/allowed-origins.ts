/**
 * GATEWAY_ALLOWED_ORIGINS: the web origins whose pages may open a socket. By default the web app's origin as
 * `npm start` serves it (the API on port 3000 of this machine), as the web app's default gateway address is
 * port 3001 of the same host.
 */
import { z } from 'zod';

export const DEFAULT_ALLOWED_ORIGINS = ['http://localhost:3000', 'http://127.0.0.1:3000'];

/** An origin exactly as a browser sends it: scheme, host and port (when not the default), nothing more. */
function asOrigin(entry: string): string | null {
  try {
    const url = new URL(entry);
    if (!['http:', 'https:'].includes(url.protocol)) return null;
    // new URL gives a bare origin the path '/'; anything more (a path, query, user) is not an origin.
    return url.href === `${url.origin}/` ? url.origin : null;
  } catch {
    return null;
  }
}

export const allowedOriginsSchema = z
  .string()
  .optional()
  .transform((value, context): string[] => {
    if (value === undefined || value.trim() === '') return DEFAULT_ALLOWED_ORIGINS;
    const entries = value
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    const origins = entries.map(asOrigin);
    const bad = entries.filter((_, i) => origins[i] === null);
    if (bad.length > 0) {
      context.addIssue({
        code: 'custom',
        message:
          'GATEWAY_ALLOWED_ORIGINS must be a comma-separated list of web origins such as ' +
          `https://resettle.example.gov.uk (scheme, host and port only); not ${bad.join(', ')}`,
      });
      return z.NEVER;
    }
    return [...new Set(origins as string[])];
  });
