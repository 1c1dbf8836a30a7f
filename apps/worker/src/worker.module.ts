/** The worker process: the deadlines queue connection and health. Processors come with the deadline engine. */
import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { DatabaseModule } from '@app/database';
import { WORKER_SETTINGS, WorkerSettings } from './config/worker.config';
import { DeadlinesQueueCloser, deadlinesQueueProvider } from './deadlines-queue.provider';
import { HealthController } from './health.controller';

@Module({})
export class WorkerModule {
  static forRoot(settings: WorkerSettings): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: settings.logLevel, autoLogging: false } }),
        DatabaseModule.forRoot(settings.database),
        TerminusModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: WORKER_SETTINGS, useValue: settings }, deadlinesQueueProvider, DeadlinesQueueCloser],
    };
  }
}
