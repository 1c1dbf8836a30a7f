/** Task lifecycle and schedule vocabulary (the enums themselves are the contract, @app/contracts). */
import { TaskStatus, ScheduleState } from '@app/contracts';
export { TaskStatus, ScheduleState } from '@app/contracts';

export const TASK_STATUSES: readonly TaskStatus[] = Object.values(TaskStatus);
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = [TaskStatus.TODO, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED];

export function isOpenTaskStatus(status: TaskStatus): boolean {
  return OPEN_TASK_STATUSES.includes(status);
}

export const SCHEDULE_STATES: readonly ScheduleState[] = Object.values(ScheduleState);

/** What a task tracks besides the woman: a stage of a CRS referral, an ID document application. */
export enum TaskSubjectType {
  REFERRAL = 'REFERRAL',
  ID_APPLICATION = 'ID_APPLICATION',
}
