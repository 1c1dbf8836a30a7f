/**
 * Global HTTP guard: every route needs a valid bearer token unless marked @Public; a route marked @Can(action) is
 * refused to a role the capability table (libs/domain capabilities.ts) never lets take that action.
 */
import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Action } from '@app/contracts';
import { roleRefusal } from '@app/domain';
import { RequestWithUser } from './current-user.decorator';
import { IS_PUBLIC } from './public.decorator';
import { CAPABILITY } from './can.decorator';
import { TokenService } from './token.service';

@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new UnauthorizedException('Sign in first: send Authorization: Bearer <token>');
    request.user = await this.tokens.authenticate(token);

    const action = this.reflector.getAllAndOverride<Action | undefined>(CAPABILITY, targets);
    const refused = action ? roleRefusal(request.user.role, action) : null;
    if (refused) throw new ForbiddenException(refused);
    return true;
  }
}

export function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}
