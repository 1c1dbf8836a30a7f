/**
 * Signs users in: checks the password and issues a short-lived access token, behind the sign-in throttle.
 * An unknown username and a wrong password get the same answer after the same work, and both count towards
 * the same limits, so neither the reply nor its timing tells whether a username exists.
 */
import { ForbiddenException, Inject, Injectable, Logger, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import {
  AUTH_SETTINGS,
  AuthSettings,
  AuthenticatedUser,
  IssuerTokens,
  TokenService,
  toAuthenticatedUser,
  verifyPasswordOrDummy,
} from '@app/auth';
import { UsersRepository } from '@app/database';
import { Clock } from '../common/clock';
import { throttleAddress } from './client-address';
import { LoginAudit } from './login-audit.service';
import { LoginThrottle } from './login-throttle.service';
import { CookieJar, OidcSignIn } from './oidc-sign-in.service';
import { TooManySignInAttemptsException } from './too-many-sign-in-attempts.exception';

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  user: AuthenticatedUser;
}

export interface LoginRequest {
  username: string;
  password: string;
  /** The client's address as Express reports it (after TRUST_PROXY). */
  clientIp: string | undefined;
  requestId: string | null;
}

export interface RefreshRequest {
  token: string;
  /** Who the token names (the guard has checked it). */
  user: AuthenticatedUser;
  cookies: CookieJar;
  requestId: string | null;
}

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly audit: LoginAudit,
    private readonly clock: Clock,
    private readonly issuerTokens: IssuerTokens,
    private readonly oidc: OidcSignIn,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  /** Makes the dummy hash now, so the first unknown username does not take longer than later ones. */
  async onModuleInit(): Promise<void> {
    await verifyPasswordOrDummy('', null);
  }

  async login(request: LoginRequest): Promise<LoginResult> {
    if (!this.settings.localSignIn) {
      throw new ForbiddenException(
        "Signing in with a Resettle password is switched off here (LOCAL_SIGN_IN=off): sign in with your organisation's account",
      );
    }
    const attempt = { username: request.username, address: throttleAddress(request.clientIp) };
    const refusal = await this.throttle.refusal(attempt);
    if (refusal) {
      this.logger.warn(`sign-in refused while locked out (${refusal.limit}) from ${attempt.address}`);
      throw new TooManySignInAttemptsException(refusal.retryAfterSeconds);
    }

    const user = await this.users.findActiveByUsername(request.username);
    const matched = await verifyPasswordOrDummy(request.password, user?.passwordHash ?? null);
    if (user && matched) {
      await this.throttle.succeeded(attempt);
      return { accessToken: await this.tokens.issue(user), tokenType: 'Bearer', user: toAuthenticatedUser(user) };
    }

    const counted = await this.throttle.failed(attempt);
    await this.audit.failed(
      {
        username: request.username,
        clientAddress: attempt.address,
        userId: user?.id ?? null,
        requestId: request.requestId,
      },
      counted.lockouts,
      this.clock.now(),
    );
    if (counted.refusal) throw new TooManySignInAttemptsException(counted.refusal.retryAfterSeconds);
    throw new UnauthorizedException('Unknown username or wrong password');
  }

  async refresh(request: RefreshRequest): Promise<LoginResult> {
    if (!this.issuerTokens.isIssuerToken(request.token)) {
      return { ...(await this.tokens.refresh(request.token)), tokenType: 'Bearer' };
    }
    const refreshed = await this.oidc.refresh(request.cookies, request.requestId);
    if (refreshed.user.id !== request.user.id)
      throw new UnauthorizedException('The sign-in cookie is for another user');
    return refreshed;
  }
}
