/** The socket.io gateway process: authentication, the board gateway, sessions and access re-checks, health. */
import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from '@app/auth';
import { DatabaseModule } from '@app/database';
import { AccessWatchService } from './access-watch.service';
import { BoardGateway } from './board.gateway';
import { GATEWAY_SETTINGS, GatewaySettings } from './config/gateway.config';
import { HealthController } from './health.controller';
import { SessionGateway } from './session.gateway';

@Module({})
export class GatewayModule {
  static forRoot(settings: GatewaySettings): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: settings.logLevel, autoLogging: false } }),
        DatabaseModule.forRoot(settings.database),
        AuthModule.forRoot(settings.auth),
        TerminusModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: GATEWAY_SETTINGS, useValue: settings }, BoardGateway, SessionGateway, AccessWatchService],
    };
  }
}
