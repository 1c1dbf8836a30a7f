/**
 * Issues and verifies the short-lived signed access tokens shared by the API and the gateway: Resettle's own
 * (HS256, while LOCAL_SIGN_IN is on) and, when OIDC_ISSUER is set, the issuer's (IssuerTokens, ExternalIdentities).
 */
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UserEntity, UsersRepository } from '@app/database';
import { accessScopeFor } from '@app/domain';
import { AUTH_SETTINGS, AuthSettings } from './auth.config';
import { AccessTokenClaims, AuthenticatedUser } from './authenticated-user';
import type { IssuerSignIn } from '@app/contracts';
import { ExternalIdentities, IssuerSignInStanding } from './external-identities.service';
import { IssuerTokens } from './issuer-tokens.service';

type VerifiedClaims = AccessTokenClaims & { exp?: number; iat?: number };

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
    private readonly issuerTokens: IssuerTokens,
    private readonly identities: ExternalIdentities,
  ) {}

  /** `authTime` is when she gave her password: now for a sign-in, carried over by a refresh. */
  issue(user: UserEntity, authTime = Math.floor(Date.now() / 1000)): Promise<string> {
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, name: user.displayName, authTime };
    return this.jwt.signAsync(claims);
  }

  /**
   * A fresh token for the holder of a still-valid one whose account is still active, so an open board need not
   * sign in every hour; never beyond JWT_SESSION_MAX_SECONDS from her sign-in (an unattended screen ends).
   */
  async refresh(token: string): Promise<{ accessToken: string; user: AuthenticatedUser }> {
    const claims = await this.verify(token);
    const user = await this.users.findActiveById(claims.sub);
    if (!user) throw new UnauthorizedException('This account is no longer active');
    const authTime = claims.authTime ?? claims.iat ?? 0;
    if (Date.now() / 1000 - authTime >= this.settings.sessionMaxSeconds) {
      throw new UnauthorizedException('This sign-in has lasted as long as one may: sign in again');
    }
    return { accessToken: await this.issue(user, authTime), user: toAuthenticatedUser(user) };
  }

  /** How an issuer's sign-in stands now: `signed-out` once she has signed out since the token was issued. */
  issuerSignInStanding(signIn: IssuerSignIn): Promise<IssuerSignInStanding> {
    return this.identities.standing(signIn);
  }

  /** The user as she stands now (null when the account is gone or withdrawn). */
  async reload(userId: string): Promise<AuthenticatedUser | null> {
    const user = await this.users.findActiveById(userId);
    return user ? toAuthenticatedUser(user) : null;
  }

  /**
   * Verifies the signature and expiry, then re-reads the user so that a withdrawn account or a changed
   * posting takes effect at once rather than when the token expires.
   */
  async authenticate(token: string): Promise<AuthenticatedUser> {
    return (await this.session(token)).user;
  }

  /** As authenticate, with the instant the token stops being valid (a socket is closed then). */
  async session(token: string): Promise<TokenSession> {
    if (this.issuerTokens.isIssuerToken(token)) {
      const issued = await this.issuerTokens.verify(token);
      return {
        user: toAuthenticatedUser(await this.identities.userFor(issued, token)),
        expiresAt: issued.exp * 1000,
        issuerSignIn: { issuer: issued.iss, subject: issued.sub, issuedAt: issued.iat ?? 0 },
      };
    }
    const claims = await this.verify(token);
    const user = await this.users.findActiveById(claims.sub);
    if (!user) throw new UnauthorizedException('This account is no longer active');
    return { user: toAuthenticatedUser(user), expiresAt: (claims.exp ?? 0) * 1000 };
  }

  private async verify(token: string): Promise<VerifiedClaims> {
    if (!this.settings.localSignIn) {
      throw new UnauthorizedException(
        "Resettle's own tokens are switched off (LOCAL_SIGN_IN=off): sign in with your organisation's account",
      );
    }
    try {
      return await this.jwt.verifyAsync<VerifiedClaims>(token);
    } catch {
      throw new UnauthorizedException('The access token is invalid or has expired: sign in again');
    }
  }
}

export interface TokenSession {
  user: AuthenticatedUser;
  /** Epoch milliseconds of the token's `exp`. */
  expiresAt: number;
  /** Set for an issuer's token: the sign-in that her sign-out ends. */
  issuerSignIn?: IssuerSignIn;
}

export function toAuthenticatedUser(user: UserEntity): AuthenticatedUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    prisonCodes: user.prisonCodes,
    providerId: user.providerId,
    teamKey: user.teamKey,
    isManager: user.isManager,
    scope: accessScopeFor(user),
  };
}
