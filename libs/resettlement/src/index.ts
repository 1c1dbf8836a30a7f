/** @app/resettlement: services shared by the api, worker and cli: planning, recording changes, scheduling deadlines. */
export * from './actor';
export * from './alert-firing.service';
export * from './board-summaries';
export * from './change-recorder.service';
export * from './deadline-scheduler.service';
export {
  DEADLINE_JOB_NAMES,
  NEAR_MS,
  PREPARE_LEAD_MS,
  PREPARE_MIN_AHEAD_MS,
  deadlineJobs,
  instantJobs,
} from './deadline-jobs';
export * from './task-planner.service';
export * from './reference-data.loader';
export * from './referral-stages.service';
export * from './referral-follow.service';
export * from './keywork-planner.service';
export * from './session-concerns.service';
export * from './missed-session-follow-ups.service';
export * from './resettlement.module';
export * from './deadline-scheduling.module';
export * from './notification-requests.service';
export * from './notification-queue.module';
export * from './morning-digest.service';
