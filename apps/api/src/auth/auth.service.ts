/** Signs users in: checks the password and issues a short-lived access token. */
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { AuthenticatedUser, TokenService, toAuthenticatedUser, verifyPassword } from '@app/auth';
import { UsersRepository } from '@app/database';

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  user: AuthenticatedUser;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
  ) {}

  async login(username: string, password: string): Promise<LoginResult> {
    const user = await this.users.findActiveByUsername(username);
    // The same answer for an unknown user and a wrong password, so usernames cannot be probed.
    if (!user || !(await verifyPassword(password, user.passwordHash))) {
      throw new UnauthorizedException('Unknown username or wrong password');
    }
    return { accessToken: await this.tokens.issue(user), tokenType: 'Bearer', user: toAuthenticatedUser(user) };
  }

  async refresh(token: string): Promise<LoginResult> {
    return { ...(await this.tokens.refresh(token)), tokenType: 'Bearer' };
  }
}
