/** The casework endpoints: women, assessments and pathways, tasks, the task catalogue. */
import { Module } from '@nestjs/common';
import { ResettlementModule } from '@app/resettlement';
import { AssessmentsController } from './assessments/assessments.controller';
import { AssessmentsService } from './assessments/assessments.service';
import { CatalogueController } from './catalogue/catalogue.controller';
import { CatalogueService } from './catalogue/catalogue.service';
import { Clock } from './common/clock';
import { PathwayChangesService } from './pathways/pathway-changes.service';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';
import { WomenController } from './women/women.controller';
import { WomenService } from './women/women.service';

@Module({
  imports: [ResettlementModule],
  controllers: [WomenController, AssessmentsController, TasksController, CatalogueController],
  providers: [Clock, WomenService, AssessmentsService, PathwayChangesService, TasksService, CatalogueService],
})
export class CaseworkModule {}
