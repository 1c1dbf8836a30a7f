import { Body, Controller, Get, Headers, HttpCode, Ip, Post, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Public, bearerToken } from '@app/auth';
import { RequestId } from '../common/request-id.decorator';
import { AuthService, LoginResult } from './auth.service';
import { LoginDto } from './login.dto';
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

  /** A fresh token for a still-valid one (the guard has checked it and that the account is active). */
  @Post('refresh')
  @HttpCode(200)
  refresh(@Headers('authorization') authorization: string): Promise<LoginResult> {
    return this.auth.refresh(bearerToken(authorization) ?? '');
  }

  @Get('me')
  @ExposesNoCaseData()
  me(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return user;
  }
}
