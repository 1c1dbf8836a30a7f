/** The REST API: configuration, logging, database, authentication, and the feature modules. */
import { randomUUID } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AccessTokenGuard, AuthModule } from '@app/auth';
import { logTransport } from '@app/config';
import { DatabaseModule } from '@app/database';
import { DeadlineSchedulingModule, NotificationQueueModule } from '@app/resettlement';
import { AuthApiModule } from './auth/auth-api.module';
import { CaseworkModule } from './casework.module';
import { BodyParserErrorsFilter } from './common/body-parser-errors.filter';
import { ApiSettings } from './config/api.config';
import { ApiSettingsModule } from './config/api-settings.module';
import { HealthModule } from './health/health.module';
import { ObservabilityModule } from './observability/observability.module';
import { ReferenceModule } from './reference/reference.module';
import { ReportsModule } from './reports/reports.module';
import { WorkflowsModule } from './workflows.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

@Module({})
export class ApiModule {
  static forRoot(settings: ApiSettings): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ApiSettingsModule.forRoot(settings),
        LoggerModule.forRoot({
          pinoHttp: {
            level: settings.logLevel,
            transport: logTransport(settings.logFormat),
            // A caller's X-Request-Id is kept (so a request can be followed across services); otherwise one is made.
            genReqId: (req, res) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            redact: ['req.headers.authorization', 'req.body.password'],
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
          },
        }),
        DatabaseModule.forRoot(settings.database),
        AuthModule.forRoot(settings.auth),
        DeadlineSchedulingModule.forRoot(settings.redis),
        NotificationQueueModule.forRoot(settings.redis),
        HealthModule,
        ObservabilityModule,
        AuthApiModule,
        ReferenceModule,
        CaseworkModule,
        WorkflowsModule,
        ReportsModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessTokenGuard },
        { provide: APP_FILTER, useClass: BodyParserErrorsFilter },
      ],
    };
  }
}
