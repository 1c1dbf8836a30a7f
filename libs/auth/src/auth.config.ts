/** Token settings, read once from the environment and validated: Resettle's own tokens, and the OIDC issuer's. */
import { z } from 'zod';
import { parseSettings } from '@app/config';
import { OidcSettings, readOidcSettings } from './oidc.config';

const authSettingsSchema = z.object({
  JWT_SECRET: z
    .string({ error: 'JWT_SECRET is required (at least 32 characters)' })
    .min(32, 'JWT_SECRET must be at least 32 characters'),
  // A few seconds is allowed so the tests can watch a token expire on an open socket; deployments keep the hour.
  JWT_TTL_SECONDS: z.coerce.number().int().min(2).max(86_400).default(3600),
  // How long POST /auth/refresh may keep one sign-in going (a shift), before the user must sign in again.
  JWT_SESSION_MAX_SECONDS: z.coerce
    .number()
    .int()
    .min(2)
    .max(7 * 86_400)
    .default(12 * 3600),
});

/** Nest injection token for the AuthSettings the module was built with. */
export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');

export interface AuthSettings {
  jwtSecret: string;
  jwtTtlSeconds: number;
  sessionMaxSeconds: number;
  /** Whether username and password sign-in (and Resettle's own tokens) are accepted: LOCAL_SIGN_IN, on by default. */
  localSignIn: boolean;
  /** The OpenID Connect issuer whose access tokens are accepted; null when OIDC_ISSUER is not set. */
  oidc: OidcSettings | null;
}

export function readAuthSettings(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  const data = parseSettings(authSettingsSchema, env, 'auth');
  return {
    jwtSecret: data.JWT_SECRET,
    jwtTtlSeconds: data.JWT_TTL_SECONDS,
    sessionMaxSeconds: data.JWT_SESSION_MAX_SECONDS,
    ...readOidcSettings(env),
  };
}
