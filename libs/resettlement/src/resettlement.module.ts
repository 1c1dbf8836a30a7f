/** Nest wiring for the planning and recording services shared by the apps. Needs DatabaseModule (global). */
import { Module } from '@nestjs/common';
import { AlertFiringService } from './alert-firing.service';
import { ChangeRecorder } from './change-recorder.service';
import { MorningDigest } from './morning-digest.service';
import { NotificationRequests } from './notification-requests.service';
import { ReferenceDataLoader } from './reference-data.loader';
import { ReferralStagesService } from './referral-stages.service';
import { TaskPlannerService } from './task-planner.service';

const SERVICES = [
  TaskPlannerService,
  ReferenceDataLoader,
  ChangeRecorder,
  AlertFiringService,
  ReferralStagesService,
  NotificationRequests,
  MorningDigest,
];

@Module({ providers: SERVICES, exports: SERVICES })
export class ResettlementModule {}
