/** What the API says about a task. */
import { TaskEntity, TaskNoteEntity, TaskRow, TaskStatusChangeEntity } from '@app/database';
import { Pathway, Role, ScheduleState, TaskStatus, scheduleStateAt } from '@app/domain';

export interface TaskView {
  id: string;
  womanId: string;
  prisonNumber?: string;
  womanName?: string;
  prisonCode?: string;
  pathway: Pathway;
  templateKey: string;
  title: string;
  description: string;
  ownerRole: Role;
  assigneeId: string | null;
  claimedByProviderId: string | null;
  claimedAt: string | null;
  status: TaskStatus;
  blockedReason: string | null;
  releaseCritical: boolean;
  ineligibleReasons: string[];
  dueDate: string | null;
  dueAt: string | null;
  atRiskAt: string | null;
  scheduleState: ScheduleState;
  deadlineRevision: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

/** A task with no deadline yet (her release date unknown) cannot be behind. */
export function scheduleStateOf(task: TaskEntity, now: Date): ScheduleState {
  if (!task.dueAt || !task.atRiskAt) return ScheduleState.ON_TRACK;
  return scheduleStateAt({ status: task.status, dueAt: task.dueAt, atRiskAt: task.atRiskAt }, now);
}

export function toTaskView(
  task: TaskEntity,
  scheduleState: ScheduleState,
  row?: Omit<TaskRow, 'task' | 'scheduleState'>,
): TaskView {
  return {
    id: task.id,
    womanId: task.womanId,
    ...(row ? { prisonNumber: row.prisonNumber, womanName: row.womanName, prisonCode: row.prisonCode } : {}),
    pathway: task.pathway,
    templateKey: task.templateKey,
    title: task.title,
    description: task.description,
    ownerRole: task.ownerRole,
    assigneeId: task.assigneeId,
    claimedByProviderId: task.claimedByProviderId,
    claimedAt: task.claimedAt?.toISOString() ?? null,
    status: task.status,
    blockedReason: task.blockedReason,
    releaseCritical: task.releaseCritical,
    ineligibleReasons: task.ineligibleReasons,
    dueDate: task.dueDate,
    dueAt: task.dueAt?.toISOString() ?? null,
    atRiskAt: task.atRiskAt?.toISOString() ?? null,
    scheduleState,
    deadlineRevision: task.deadlineRevision,
    version: task.version,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
    completedAt: task.completedAt?.toISOString() ?? null,
  };
}

export function toTaskRowView(row: TaskRow): TaskView {
  return toTaskView(row.task, row.scheduleState, row);
}

export interface TaskDetailView extends TaskView {
  notes: { id: string; authorId: string; body: string; createdAt: string }[];
  statusLog: {
    fromStatus: TaskStatus | null;
    toStatus: TaskStatus;
    reason: string | null;
    actorId: string | null;
    at: string;
  }[];
}

export function toTaskDetailView(row: TaskRow, notes: TaskNoteEntity[], log: TaskStatusChangeEntity[]): TaskDetailView {
  return {
    ...toTaskRowView(row),
    notes: notes.map((n) => ({ id: n.id, authorId: n.authorId, body: n.body, createdAt: n.createdAt.toISOString() })),
    statusLog: log.map((c) => ({
      fromStatus: c.fromStatus,
      toStatus: c.toStatus,
      reason: c.reason,
      actorId: c.actorId,
      at: c.at.toISOString(),
    })),
  };
}
