/** Nest wiring for the database: one TypeORM connection and the repositories, nothing else. */
import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseSettings } from './database.config';
import { dataSourceOptions } from './data-source';
import { DatabaseRoleCheck } from './database-role.check';
import {
  AlertsRepository,
  DeadlinesRepository,
  OutboxRepository,
  AssessmentsRepository,
  AuditTrailRepository,
  PathwayStatusesRepository,
  ReferenceDataRepository,
  TaskCatalogueRepository,
  TasksRepository,
  UnitOfWork,
  UsersRepository,
  WomenRepository,
  ReferralsRepository,
  DeliverySessionsRepository,
  FinanceRepository,
  ReleaseDayRepository,
  HmppsEventsRepository,
  OverdueWorkRepository,
  OverdueSnapshotsRepository,
  ReleaseReadinessRepository,
  ReferralReportsRepository,
  OutcomeReportsRepository,
  AlertReportsRepository,
  ReportReads,
  ReleasesRepository,
  AccessChangesRepository,
  KeyworkRepository,
  KeyworkReportsRepository,
  NotificationsRepository,
  ExternalIdentitiesRepository,
  PreparedAlertsRepository,
} from './repositories';

const REPOSITORIES = [
  UnitOfWork,
  OutboxRepository,
  AlertsRepository,
  DeadlinesRepository,
  UsersRepository,
  ReferenceDataRepository,
  WomenRepository,
  AuditTrailRepository,
  PathwayStatusesRepository,
  AssessmentsRepository,
  TaskCatalogueRepository,
  TasksRepository,
  ReferralsRepository,
  DeliverySessionsRepository,
  FinanceRepository,
  ReleaseDayRepository,
  HmppsEventsRepository,
  OverdueWorkRepository,
  OverdueSnapshotsRepository,
  ReleaseReadinessRepository,
  ReferralReportsRepository,
  OutcomeReportsRepository,
  AlertReportsRepository,
  ReportReads,
  ReleasesRepository,
  AccessChangesRepository,
  KeyworkRepository,
  KeyworkReportsRepository,
  NotificationsRepository,
  ExternalIdentitiesRepository,
  PreparedAlertsRepository,
];

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(settings: DatabaseSettings): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(settings), retryAttempts: 3, retryDelay: 1000 })],
      // The CLI connects as the owner on purpose; only the apps' connection is checked.
      providers: settings.forApp ? [...REPOSITORIES, DatabaseRoleCheck] : REPOSITORIES,
      exports: REPOSITORIES,
    };
  }
}
