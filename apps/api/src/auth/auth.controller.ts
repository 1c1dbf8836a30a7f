import { Body, Controller, Get, Headers, HttpCode, Ip, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Public, bearerToken } from '@app/auth';
import { RequestId } from '../common/request-id.decorator';
import { AuthService, LoginResult } from './auth.service';
import { LoginDto } from './login.dto';
import { cookieJar } from './oidc.controller';
import { TooManySignInAttemptsFilter } from './too-many-sign-in-attempts.exception';
import { ExposesNoCaseData } from '../common/data-kinds.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseFilters(TooManySignInAttemptsFilter)
  login(@Body() body: LoginDto, @Ip() clientIp: string, @RequestId() requestId: string | null): Promise<LoginResult> {
    return this.auth.login({ username: body.username, password: body.password, clientIp, requestId });
  }

  /**
   * A fresh token for a still-valid one (the guard has checked it and that the account is active); for the
   * issuer's token, from the issuer, with the refresh token its sign-in left in an HttpOnly cookie.
   */
  @Post('refresh')
  @HttpCode(200)
  refresh(
    @Headers('authorization') authorization: string,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @RequestId() requestId: string | null,
  ): Promise<LoginResult> {
    return this.auth.refresh({
      token: bearerToken(authorization) ?? '',
      user,
      cookies: cookieJar(request, response),
      requestId,
    });
  }

  @Get('me')
  @ExposesNoCaseData()
  me(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return user;
  }
}
