/** Task lifecycle and schedule vocabulary. */
export enum TaskStatus {
  TODO = 'TODO',
  IN_PROGRESS = 'IN_PROGRESS',
  BLOCKED = 'BLOCKED',
  DONE = 'DONE',
  NOT_NEEDED = 'NOT_NEEDED',
}

export const TASK_STATUSES: readonly TaskStatus[] = Object.values(TaskStatus);
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = [TaskStatus.TODO, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED];

export function isOpenTaskStatus(status: TaskStatus): boolean {
  return OPEN_TASK_STATUSES.includes(status);
}

export enum ScheduleState {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  OVERDUE = 'OVERDUE',
}

export const SCHEDULE_STATES: readonly ScheduleState[] = Object.values(ScheduleState);

/** What a task tracks besides the woman: a stage of a CRS referral, an ID document application. */
export enum TaskSubjectType {
  REFERRAL = 'REFERRAL',
  ID_APPLICATION = 'ID_APPLICATION',
}
