/** Nest wiring for the planning and recording services shared by the apps. Needs DatabaseModule (global). */
import { Module } from '@nestjs/common';
import { AlertFiringService } from './alert-firing.service';
import { ChangeRecorder } from './change-recorder.service';
import { KeyworkPlannerService } from './keywork-planner.service';
import { MorningDigest } from './morning-digest.service';
import { NotificationRequests } from './notification-requests.service';
import { ReferenceDataLoader } from './reference-data.loader';
import { ReferralFollowService } from './referral-follow.service';
import { ReferralStagesService } from './referral-stages.service';
import { TaskPlannerService } from './task-planner.service';
import { SessionConcerns } from './session-concerns.service';
import { MissedSessionFollowUps } from './missed-session-follow-ups.service';

const SERVICES = [
  TaskPlannerService,
  ReferenceDataLoader,
  ChangeRecorder,
  AlertFiringService,
  ReferralStagesService,
  ReferralFollowService,
  KeyworkPlannerService,
  SessionConcerns,
  MissedSessionFollowUps,
  NotificationRequests,
  MorningDigest,
];

@Module({ providers: SERVICES, exports: SERVICES })
export class ResettlementModule {}
