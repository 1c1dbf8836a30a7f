/** Nest wiring for the planning services shared by the apps. Needs DatabaseModule (global) imported. */
import { Module } from '@nestjs/common';
import { ReferenceDataLoader } from './reference-data.loader';
import { TaskPlannerService } from './task-planner.service';

@Module({
  providers: [TaskPlannerService, ReferenceDataLoader],
  exports: [TaskPlannerService, ReferenceDataLoader],
})
export class ResettlementModule {}
