/** Issues and verifies the short-lived signed access tokens shared by the API and the gateway. */
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UserEntity, UsersRepository } from '@app/database';
import { accessScopeFor } from '@app/domain';
import { AccessTokenClaims, AuthenticatedUser } from './authenticated-user';

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
  ) {}

  issue(user: UserEntity): Promise<string> {
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, name: user.displayName };
    return this.jwt.signAsync(claims);
  }

  /**
   * Verifies the signature and expiry, then re-reads the user so that a withdrawn account or a changed
   * posting takes effect at once rather than when the token expires.
   */
  /** The user as she stands now (null when the account is gone or withdrawn). */
  async reload(userId: string): Promise<AuthenticatedUser | null> {
    const user = await this.users.findActiveById(userId);
    return user ? toAuthenticatedUser(user) : null;
  }

  async authenticate(token: string): Promise<AuthenticatedUser> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw new UnauthorizedException('The access token is invalid or has expired: sign in again');
    }
    const user = await this.users.findActiveById(claims.sub);
    if (!user) throw new UnauthorizedException('This account is no longer active');
    return toAuthenticatedUser(user);
  }
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
