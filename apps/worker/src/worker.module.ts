/**
 * The worker process: the deadline engine (thresholds, horizon, reconciler), the outbox relay, report roll-ups,
 * GOV.UK Notify messages and the morning digest, health, metrics.
 */
import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { logTransport } from '@app/config';
import { DatabaseModule } from '@app/database';
import { DeadlineSchedulingModule, NotificationQueueModule, ResettlementModule } from '@app/resettlement';
import { WORKER_SETTINGS, WorkerSettings } from './config/worker.config';
import { AlertRaiser } from './deadlines/alert-raiser.service';
import { HorizonService } from './deadlines/horizon.service';
import { InstantAlertsService } from './deadlines/instant-alerts.service';
import { PreparedInstantsService } from './deadlines/prepared-instants.service';
import { ReconcilerService } from './deadlines/reconciler.service';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { WorkerMetrics } from './observability/worker-metrics';
import { NotificationSender } from './notify/notification-sender.service';
import { DeadlinesProcessor } from './processors/deadlines.processor';
import { NotificationsProcessor } from './processors/notifications.processor';
import { OutboxRelayService } from './relay/outbox-relay.service';
import { OverdueRollupService } from './reports/overdue-rollup.service';

@Module({})
export class WorkerModule {
  static forRoot(settings: WorkerSettings): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: { level: settings.logLevel, transport: logTransport(settings.logFormat), autoLogging: false },
        }),
        DatabaseModule.forRoot(settings.database),
        DeadlineSchedulingModule.forRoot(settings.redis),
        NotificationQueueModule.forRoot(settings.redis),
        ResettlementModule,
        TerminusModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: WORKER_SETTINGS, useValue: settings },
        WorkerMetrics,
        AlertRaiser,
        HorizonService,
        InstantAlertsService,
        PreparedInstantsService,
        ReconcilerService,
        DeadlinesProcessor,
        NotificationSender,
        NotificationsProcessor,
        OutboxRelayService,
        OverdueRollupService,
      ],
    };
  }
}
