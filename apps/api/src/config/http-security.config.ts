/**
 * How the API sits on the network, validated at boot: whether users reach it over TLS (which turns on HSTS),
 * and which proxies in front of it may say who the client is (X-Forwarded-For), which sign-in throttling
 * keys on.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { parseSettings } from '@app/config';

/** Express's names for address ranges (https://expressjs.com/en/guide/behind-proxies.html). */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

/** false, a number of hops, or a list of proxy addresses and ranges: what Express's 'trust proxy' accepts. */
export type TrustProxy = false | number | string[];

const trustProxySchema = z
  .string()
  .trim()
  .default('')
  .transform((value, context): TrustProxy => {
    if (value === '' || value === 'false') return false;
    if (/^\d+$/.test(value) && Number(value) <= 10) return Number(value);
    const entries = value.split(',').map((e) => e.trim());
    const bad = entries.filter((e) => !isAddressOrRange(e));
    if (bad.length > 0) {
      context.addIssue({
        code: 'custom',
        message:
          `TRUST_PROXY must be false, a number of proxy hops (0-10), or a comma-separated list of proxy ` +
          `addresses, CIDR ranges or loopback/linklocal/uniquelocal; not ${bad.join(', ')}` +
          // 'true' would believe any X-Forwarded-For, so any client could pick the address it is throttled by.
          (bad.includes('true') ? ' (true is refused: it would trust an address any client can forge)' : ''),
      });
      return z.NEVER;
    }
    return entries;
  });

const httpSecuritySchema = z.object({
  TRUST_PROXY: trustProxySchema,
  BEHIND_TLS: z.enum(['true', 'false'], { error: 'BEHIND_TLS must be true or false' }).default('false'),
});

export interface HttpSecuritySettings {
  trustProxy: TrustProxy;
  /** Users reach the service over https (TLS here or at a load balancer): send HSTS, upgrade insecure requests. */
  behindTls: boolean;
}

export function readHttpSecuritySettings(env: NodeJS.ProcessEnv = process.env): HttpSecuritySettings {
  const data = parseSettings(httpSecuritySchema, env, 'HTTP security');
  return { trustProxy: data.TRUST_PROXY, behindTls: data.BEHIND_TLS === 'true' };
}
