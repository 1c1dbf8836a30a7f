/**
 * Single sign-on settings: the OpenID Connect issuer (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, all three or
 * none), the audience its access tokens must carry, the claim mapping, and whether local passwords stay on.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseSettings } from '@app/config';
import { ClaimMapping, parseClaimMapping } from './claim-mapping';

const onOff = z.enum(['on', 'off'], { error: 'must be on or off' });

// Compose passes an unset optional variable as an empty string: that is unset here too.
const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional());

const oidcSettingsSchema = z.object({
  LOCAL_SIGN_IN: z.preprocess(blankIsUnset, onOff.default('on')),
  OIDC_ISSUER: optional(z.url({ error: 'OIDC_ISSUER must be the issuer URL' })),
  OIDC_CLIENT_ID: optional(z.string()),
  OIDC_CLIENT_SECRET: optional(z.string()),
  /** The `aud` the issuer's access tokens must carry; the client id unless the issuer names a resource. */
  OIDC_AUDIENCE: optional(z.string()),
  OIDC_CLAIM_MAPPING: optional(z.string()),
  OIDC_CLAIM_MAPPING_FILE: optional(z.string()),
  /** The API's callback, as registered with the issuer. */
  OIDC_REDIRECT_URL: z.preprocess(blankIsUnset, z.url().default('http://localhost:3000/auth/oidc/callback')),
  /** Where the issuer sends her after signing out there (its end-session endpoint); the web app by default. */
  OIDC_POST_SIGN_OUT_URL: z.preprocess(blankIsUnset, z.url().default('http://localhost:3000/')),
  OIDC_SCOPES: z.string().min(1).default('openid profile'),
  /** Only for a development or test issuer on plain HTTP; a deployment's issuer is HTTPS. */
  OIDC_ALLOW_HTTP: onOff.default('off'),
});

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  audience: string;
  mapping: ClaimMapping;
  redirectUrl: string;
  postSignOutUrl: string;
  scopes: string;
  allowHttp: boolean;
}

export function readOidcSettings(env: NodeJS.ProcessEnv): { localSignIn: boolean; oidc: OidcSettings | null } {
  const data = parseSettings(oidcSettingsSchema, env, 'sign-in');
  const localSignIn = data.LOCAL_SIGN_IN === 'on';
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = data;
  if (!issuer && !clientId && !clientSecret) {
    if (!localSignIn)
      throw new Error('Invalid sign-in settings: LOCAL_SIGN_IN=off needs OIDC_ISSUER, or nobody can sign in');
    return { localSignIn, oidc: null };
  }
  const missing = Object.entries({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret })
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0)
    throw new Error(`Invalid sign-in settings: ${missing.join(', ')} must be set with the others`);
  return {
    localSignIn,
    oidc: {
      issuer: issuer!,
      clientId: clientId!,
      clientSecret: clientSecret!,
      audience: data.OIDC_AUDIENCE ?? clientId!,
      mapping: readMapping(data.OIDC_CLAIM_MAPPING, data.OIDC_CLAIM_MAPPING_FILE),
      redirectUrl: data.OIDC_REDIRECT_URL,
      postSignOutUrl: data.OIDC_POST_SIGN_OUT_URL,
      scopes: data.OIDC_SCOPES,
      allowHttp: data.OIDC_ALLOW_HTTP === 'on',
    },
  };
}

function readMapping(inline: string | undefined, file: string | undefined): ClaimMapping {
  if (inline && file)
    throw new Error('Invalid sign-in settings: set OIDC_CLAIM_MAPPING or OIDC_CLAIM_MAPPING_FILE, not both');
  if (inline) return parseClaimMapping(inline, 'OIDC_CLAIM_MAPPING');
  if (!file)
    throw new Error('Invalid sign-in settings: OIDC_ISSUER needs OIDC_CLAIM_MAPPING or OIDC_CLAIM_MAPPING_FILE');
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Invalid sign-in settings: OIDC_CLAIM_MAPPING_FILE ${file}: ${(error as Error).message}`);
  }
  return parseClaimMapping(json, `OIDC_CLAIM_MAPPING_FILE ${file}`);
}
