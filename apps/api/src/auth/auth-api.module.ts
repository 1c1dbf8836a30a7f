import { Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginAudit } from './login-audit.service';
import { LoginThrottle } from './login-throttle.service';

@Module({ controllers: [AuthController], providers: [AuthService, LoginThrottle, LoginAudit, Clock] })
export class AuthApiModule {}
