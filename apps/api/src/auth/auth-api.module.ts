import { Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginAudit } from './login-audit.service';
import { LoginThrottle } from './login-throttle.service';
import { OidcController } from './oidc.controller';
import { OidcSignIn } from './oidc-sign-in.service';

@Module({
  controllers: [AuthController, OidcController],
  providers: [AuthService, OidcSignIn, LoginThrottle, LoginAudit, Clock],
})
export class AuthApiModule {}
