/** The socket.io gateway process: authentication, the board gateway, sessions and access re-checks, the live path's watch, health, metrics. */
import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { logTransport } from '@app/config';
import { AuthModule } from '@app/auth';
import { DatabaseModule } from '@app/database';
import { AccessWatchService } from './access-watch.service';
import { BoardGateway } from './board.gateway';
import { GATEWAY_SETTINGS, GatewaySettings } from './config/gateway.config';
import { HealthController } from './health.controller';
import { ADAPTER_CLIENTS, connectAdapterClients } from './live-path/adapter-clients';
import { BoardHeartbeatService } from './live-path/board-heartbeat.service';
import { GatewayMetrics } from './live-path/gateway-metrics';
import { LivePathGateway } from './live-path/live-path.gateway';
import { SubscriptionWatch } from './live-path/subscription-watch.service';
import { MetricsController } from './metrics.controller';
import { SessionGateway } from './session.gateway';

@Module({})
export class GatewayModule {
  static forRoot(settings: GatewaySettings): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: { level: settings.logLevel, transport: logTransport(settings.logFormat), autoLogging: false },
        }),
        DatabaseModule.forRoot(settings.database),
        AuthModule.forRoot(settings.auth),
        TerminusModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: GATEWAY_SETTINGS, useValue: settings },
        // Nest awaits the factory: the adapter's connections are ready before anything can subscribe on them.
        { provide: ADAPTER_CLIENTS, useFactory: () => connectAdapterClients(settings.redis, settings.name) },
        SubscriptionWatch,
        BoardHeartbeatService,
        GatewayMetrics,
        BoardGateway,
        SessionGateway,
        AccessWatchService,
        LivePathGateway,
      ],
    };
  }
}
