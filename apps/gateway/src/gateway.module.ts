/** The socket.io gateway process: authentication, the board gateway, health. */
import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from '@app/auth';
import { DatabaseModule } from '@app/database';
import { BoardGateway } from './board.gateway';
import { GatewaySettings } from './config/gateway.config';
import { HealthController } from './health.controller';

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
      providers: [BoardGateway],
    };
  }
}
