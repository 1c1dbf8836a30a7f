import { Body, Controller, Get, HttpCode, Headers, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Public, bearerToken } from '@app/auth';
import { AuthService, LoginResult } from './auth.service';
import { LoginDto } from './login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto): Promise<LoginResult> {
    return this.auth.login(body.username, body.password);
  }

  /** A fresh token for a still-valid one (the guard has checked it and that the account is active). */
  @ApiBearerAuth()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Headers('authorization') authorization: string): Promise<LoginResult> {
    return this.auth.refresh(bearerToken(authorization) ?? '');
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return user;
  }
}
