/**
 * Verifies the OpenID Connect issuer's access tokens: RS256 only, signed by a key in the issuer's JWKS, with
 * the configured issuer and audience, unexpired. The key set is fetched from the jwks_uri the issuer's discovery
 * document names and cached; a token whose `kid` is not in the cache makes it fetch again (at most once a
 * second: one that comes within that second waits it out and looks again), so the issuer can rotate its keys
 * without a restart of the API or the gateway.
 */
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, JWTPayload } from 'jose';
import { AUTH_SETTINGS, AuthSettings } from './auth.config';
import { OidcSettings } from './oidc.config';

/** Keys are kept this long without a fetch; an unknown kid refetches sooner, but not within the cooldown. */
const KEYS_MAX_AGE_MS = 10 * 60_000;
const REFETCH_COOLDOWN_MS = 1_000;
const CLOCK_TOLERANCE_SECONDS = 5;

export type IssuerClaims = JWTPayload & { iss: string; sub: string; exp: number };

@Injectable()
export class IssuerTokens {
  private keySet: Promise<ReturnType<typeof createRemoteJWKSet>> | null = null;

  constructor(@Inject(AUTH_SETTINGS) private readonly settings: AuthSettings) {}

  get enabled(): boolean {
    return this.settings.oidc !== null;
  }

  /** Whether a token is to be checked as the issuer's (any algorithm but Resettle's own HS256). */
  isIssuerToken(token: string): boolean {
    if (!this.settings.oidc) return false;
    try {
      return decodeProtectedHeader(token).alg !== 'HS256';
    } catch {
      return false;
    }
  }

  async verify(token: string): Promise<IssuerClaims> {
    const oidc = this.oidc();
    // Another issuer's token is refused before any key is fetched for it.
    if (unverifiedIssuer(token) !== oidc.issuer)
      throw new UnauthorizedException('The access token is from another issuer');
    const keys = await this.keys(oidc);
    const check = () =>
      jwtVerify(token, keys, {
        algorithms: ['RS256'],
        issuer: oidc.issuer,
        audience: oidc.audience,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
    try {
      try {
        return (await check()).payload as IssuerClaims;
      } catch (error) {
        // A kid not in the cache within a second of the last fetch (another token's unknown kid just fetched
        // it): the issuer may have rotated since, so wait out the cooldown and look once more.
        if (!(error instanceof errors.JWKSNoMatchingKey) || !keys.coolingDown) throw error;
        await new Promise((resolve) => setTimeout(resolve, REFETCH_COOLDOWN_MS));
        return (await check()).payload as IssuerClaims;
      }
    } catch (error) {
      throw new UnauthorizedException(refusal(error));
    }
  }

  private oidc(): OidcSettings {
    if (!this.settings.oidc) throw new UnauthorizedException('Single sign-on is not configured');
    return this.settings.oidc;
  }

  private keys(oidc: OidcSettings): Promise<ReturnType<typeof createRemoteJWKSet>> {
    this.keySet ??= discoverJwksUri(oidc).then((uri) =>
      createRemoteJWKSet(new URL(uri), { cacheMaxAge: KEYS_MAX_AGE_MS, cooldownDuration: REFETCH_COOLDOWN_MS }),
    );
    // A failed discovery is tried again by the next token rather than remembered.
    this.keySet.catch(() => (this.keySet = null));
    return this.keySet;
  }
}

/** The issuer's jwks_uri, from its discovery document (OpenID Connect Discovery 1.0, section 4). */
export async function discoverJwksUri(oidc: OidcSettings): Promise<string> {
  const base = oidc.issuer.endsWith('/') ? oidc.issuer : `${oidc.issuer}/`;
  const response = await fetch(new URL('.well-known/openid-configuration', base));
  if (!response.ok) throw new Error(`the issuer's discovery document answered ${response.status}`);
  const metadata = (await response.json()) as { issuer?: string; jwks_uri?: string };
  if (metadata.issuer !== oidc.issuer) throw new Error(`the discovery document names issuer ${metadata.issuer}`);
  if (!metadata.jwks_uri) throw new Error('the discovery document has no jwks_uri');
  return metadata.jwks_uri;
}

function unverifiedIssuer(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}

function refusal(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The access token has expired: sign in again';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'The access token is from another issuer';
    if (error.claim === 'aud') return 'The access token is not meant for Resettle (audience)';
    return `The access token's ${error.claim} claim is not acceptable`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The access token must be signed with RS256';
  if (error instanceof errors.JWKSNoMatchingKey) return "The access token is not signed by a key of the issuer's";
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The access token signature does not verify';
  if (error instanceof errors.JOSEError) return 'The access token is invalid: sign in again';
  return "The issuer's keys could not be fetched: try again shortly";
}
