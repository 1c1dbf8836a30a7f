/**
 * Turns an OpenID Connect issuer's token claims into Resettle's role and scope, by a mapping that is
 * configuration (OIDC_CLAIM_MAPPING or OIDC_CLAIM_MAPPING_FILE), not code. Pure: no Nest, no I/O.
 *
 * The vocabulary of the shipped example (docker/oidc-claim-mapping.hmpps-auth.example.json) is HMPPS Auth's: its
 * access tokens carry `sub` and `user_name` (the username), `name`, `auth_source` (nomis, delius, auth, azuread),
 * `user_id` and `authorities` (ROLE_* strings) — ministryofjustice/hmpps-typescript-template
 * server/@types/express/index.d.ts (TokenData) and ministryofjustice/hmpps-delius-api ClaimNames.kt. HMPPS Auth
 * does not put caseloads in the token (services read them from the Prison API, GET /api/users/me/caseLoads): the
 * mapping names either the claim that carries them or, as `caseloadsUrl`, the endpoint to read them from.
 */
import { z } from 'zod';
import { Role } from '@app/domain';

const claimName = z.string().min(1, 'a claim name cannot be empty');

const roleRule = z.object({
  /** The issuer's role (one of the values of the roles claim), e.g. ROLE_RESETTLE_PRT. */
  when: z.string().min(1),
  role: z.enum(Role),
  isManager: z.boolean().default(false),
  /** Restricts the rule to sign-ins from these auth_source values (HMPPS Auth: nomis, delius, auth). */
  authSources: z.array(z.string().min(1)).optional(),
});

export const claimMappingSchema = z
  .object({
    claims: z
      .object({
        username: claimName.default('user_name'),
        displayName: claimName.default('name'),
        roles: claimName.default('authorities'),
        authSource: claimName.default('auth_source'),
        /** A list of prison codes (or one code) she works in: her caseloads. */
        prisonCodes: claimName.default('caseloads'),
        /** The CRS provider she works for, as the issuer names it (looked up in `providers`). */
        provider: claimName.default('crs_provider'),
        /** A COM's probation delivery unit / release area code, her team. */
        releaseArea: claimName.default('release_area'),
        regionCode: claimName.default('region'),
      })
      .prefault({}),
    /** First matching rule wins, so list the stronger roles first. */
    roles: z.array(roleRule).min(1, 'give at least one role rule'),
    /** The issuer's provider names to Resettle provider ids. */
    providers: z.record(z.string(), z.uuid()).default({}),
    /** Prepended to the issuer's username for the users row, so it never collides with a local account. */
    usernamePrefix: z.string().default(''),
    /**
     * Where her caseloads are read, with her own access token, when the token has no caseloads claim (HMPPS Auth's
     * has none): the Prison API's GET /api/users/me/caseLoads, or the NOMIS User Roles / Manage Users API's
     * GET /me/caseloads (see caseloads.ts).
     */
    caseloadsUrl: z.url({ protocol: /^https?$/ }).optional(),
  })
  .strict();

export type ClaimMapping = z.infer<typeof claimMappingSchema>;

/** Parses and validates a mapping, naming the field that is wrong. */
export function parseClaimMapping(json: string, source: string): ClaimMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new Error(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = claimMappingSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new Error(`${source} is not a valid claim mapping: ${problems}`);
  }
  return parsed.data;
}

/** What a sign-in through the issuer makes of her users row. */
export interface MappedIdentity {
  username: string;
  displayName: string;
  role: Role;
  isManager: boolean;
  prisonCodes: string[];
  providerId: string | null;
  regionCode: string | null;
  teamKey: string | null;
}

export type MappingResult = { identity: MappedIdentity } | { refusal: string };

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.length > 0);
  return [];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Maps the claims, or says why she may not sign in (no role the mapping knows, a provider it does not know). */
export function mapClaims(mapping: ClaimMapping, claims: Record<string, unknown>): MappingResult {
  const names = mapping.claims;
  const username = text(claims[names.username]) ?? text(claims.sub);
  if (!username) return { refusal: `the token has no ${names.username} or sub claim` };
  const issuerRoles = new Set(strings(claims[names.roles]));
  const authSource = text(claims[names.authSource]);
  const rule = mapping.roles.find(
    (r) => issuerRoles.has(r.when) && (!r.authSources || (authSource !== null && r.authSources.includes(authSource))),
  );
  if (!rule) {
    return {
      refusal: `your account has no role that gives access to Resettle (the issuer gave: ${[...issuerRoles].join(', ') || 'none'})`,
    };
  }
  const prisonCodes = strings(claims[names.prisonCodes]).map((c) => c.toUpperCase());
  const providerName = text(claims[names.provider]);
  const providerId = providerName ? (mapping.providers[providerName] ?? null) : null;
  if (rule.role === Role.CRS_CASEWORKER && !providerId) {
    return { refusal: `a CRS caseworker needs a ${names.provider} claim naming a provider the mapping knows` };
  }
  const releaseArea = text(claims[names.releaseArea]);
  return {
    identity: {
      username: `${mapping.usernamePrefix}${username}`,
      displayName: text(claims[names.displayName]) ?? username,
      role: rule.role,
      isManager: rule.isManager,
      prisonCodes,
      providerId: rule.role === Role.CRS_CASEWORKER ? providerId : null,
      regionCode: rule.role === Role.REGIONAL_MANAGER ? text(claims[names.regionCode]) : null,
      // As the seed sets it: a COM's release area, a caseworker's provider, otherwise her first prison.
      teamKey:
        rule.role === Role.COM
          ? releaseArea
          : rule.role === Role.CRS_CASEWORKER
            ? providerId
            : (prisonCodes[0] ?? null),
    },
  };
}
