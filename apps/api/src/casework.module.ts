/** The casework endpoints: women, assessments and pathways, tasks, alerts, the task catalogue, users. */
import { Module } from '@nestjs/common';
import { ResettlementModule } from '@app/resettlement';
import { AlertsController } from './alerts/alerts.controller';
import { AlertsService } from './alerts/alerts.service';
import { AssessmentsController } from './assessments/assessments.controller';
import { AssessmentsService } from './assessments/assessments.service';
import { CatalogueController } from './catalogue/catalogue.controller';
import { CatalogueService } from './catalogue/catalogue.service';
import { Clock } from './common/clock';
import { PathwayChangesService } from './pathways/pathway-changes.service';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';
import { UserSettingsController } from './users/user-settings.controller';
import { UserSettingsService } from './users/user-settings.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { WomenController } from './women/women.controller';
import { WomenService } from './women/women.service';

@Module({
  imports: [ResettlementModule],
  controllers: [
    WomenController,
    AssessmentsController,
    TasksController,
    CatalogueController,
    AlertsController,
    UsersController,
    UserSettingsController,
  ],
  providers: [
    Clock,
    WomenService,
    AssessmentsService,
    PathwayChangesService,
    TasksService,
    CatalogueService,
    AlertsService,
    UsersService,
    UserSettingsService,
  ],
})
export class CaseworkModule {}
