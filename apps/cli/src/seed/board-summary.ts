/** Counts the board the way a user sees it: tasks by status, and open tasks by schedule state at a moment. */
import {
  SCHEDULE_STATES,
  ScheduleState,
  TASK_STATUSES,
  TaskStatus,
  isOpenTaskStatus,
  scheduleStateAt,
} from '@app/domain';

export interface SummarisableTask {
  status: TaskStatus;
  dueAt: Date | null;
  atRiskAt: Date | null;
}

export interface TaskSummary {
  total: number;
  byStatus: Record<TaskStatus, number>;
  openBySchedule: Record<ScheduleState, number>;
}

/** A task with no deadline yet (her release date is unknown) cannot be late, as in the board's SQL. */
export function scheduleStateOf(task: SummarisableTask, now: Date): ScheduleState {
  if (task.dueAt === null) {
    return ScheduleState.ON_TRACK;
  }
  return scheduleStateAt({ status: task.status, dueAt: task.dueAt, atRiskAt: task.atRiskAt ?? task.dueAt }, now);
}

export function summariseTasks(tasks: readonly SummarisableTask[], now: Date): TaskSummary {
  const byStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  const openBySchedule = Object.fromEntries(SCHEDULE_STATES.map((s) => [s, 0])) as Record<ScheduleState, number>;
  for (const task of tasks) {
    byStatus[task.status] += 1;
    if (isOpenTaskStatus(task.status)) {
      openBySchedule[scheduleStateOf(task, now)] += 1;
    }
  }
  return { total: tasks.length, byStatus, openBySchedule };
}

/** Schedule states with no open task: a demo board missing one cannot show what the board is for. */
export function missingScheduleStates(summary: TaskSummary): ScheduleState[] {
  return SCHEDULE_STATES.filter((state) => summary.openBySchedule[state] === 0);
}

export function formatCounts(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .map(([key, count]) => `${key} ${count}`)
    .join(', ');
}
