/**
 * What the API says about a task: why it does not apply, and its notes, only as the visibility policy allows; and
 * what the reader may do with it, as the capability table decides.
 */
import { TaskEntity, TaskNoteEntity, TaskRow, TaskStatusChangeEntity } from '@app/database';
import type { TaskAction } from '@app/contracts';
import {
  allowedActions,
  canSeeEligibilityReasons,
  CapabilityUser,
  Pathway,
  Role,
  ScheduleState,
  TaskStatus,
  scheduleStateAt,
} from '@app/domain';

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
  /** Why the task does not apply to her; absent for roles that may not see her flags and finance records. */
  ineligibleReasons?: string[];
  dueDate: string | null;
  dueAt: string | null;
  atRiskAt: string | null;
  scheduleState: ScheduleState;
  deadlineRevision: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  /** What the reader may do with the task now (the capability table's answer; the web offers these and no more). */
  allowedActions: TaskAction[];
}

/** A task with no deadline yet (her release date unknown) cannot be behind. */
export function scheduleStateOf(task: TaskEntity, now: Date): ScheduleState {
  if (!task.dueAt || !task.atRiskAt) return ScheduleState.ON_TRACK;
  return scheduleStateAt({ status: task.status, dueAt: task.dueAt, atRiskAt: task.atRiskAt }, now);
}

export function toTaskView(
  task: TaskEntity,
  scheduleState: ScheduleState,
  reader: CapabilityUser,
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
    ...(canSeeEligibilityReasons(reader.role) ? { ineligibleReasons: task.ineligibleReasons } : {}),
    dueDate: task.dueDate,
    dueAt: task.dueAt?.toISOString() ?? null,
    atRiskAt: task.atRiskAt?.toISOString() ?? null,
    scheduleState,
    deadlineRevision: task.deadlineRevision,
    version: task.version,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
    completedAt: task.completedAt?.toISOString() ?? null,
    allowedActions: allowedActions(reader, { kind: 'task', ...task }),
  };
}

export function toTaskRowView(row: TaskRow, reader: CapabilityUser): TaskView {
  return toTaskView(row.task, row.scheduleState, reader, row);
}

export interface TaskNoteView {
  id: string;
  taskId: string;
  authorId: string;
  /** Null when the author's account is gone. */
  authorName: string | null;
  body: string;
  createdAt: string;
}

/** The authors to look up for these notes. */
export function noteAuthorIds(notes: TaskNoteEntity[]): string[] {
  return [...new Set(notes.map((n) => n.authorId))];
}

/** Notes with their authors' names (`authors` as the caller looked them up by noteAuthorIds). */
export function toTaskNoteViews(
  notes: TaskNoteEntity[],
  authors: { id: string; displayName: string }[],
): TaskNoteView[] {
  const names = new Map(authors.map((u) => [u.id, u.displayName]));
  return notes.map((n) => ({
    id: n.id,
    taskId: n.taskId,
    authorId: n.authorId,
    authorName: names.get(n.authorId) ?? null,
    body: n.body,
    createdAt: n.createdAt.toISOString(),
  }));
}

export interface TaskDetailView extends TaskView {
  /** Absent for roles that do not read task notes. */
  notes?: TaskNoteView[];
  statusLog: {
    fromStatus: TaskStatus | null;
    toStatus: TaskStatus;
    reason: string | null;
    actorId: string | null;
    at: string;
  }[];
}

/** `notes` null: withheld from this reader by the visibility policy. */
export function toTaskDetailView(
  row: TaskRow,
  reader: CapabilityUser,
  notes: TaskNoteView[] | null,
  log: TaskStatusChangeEntity[],
): TaskDetailView {
  return {
    ...toTaskRowView(row, reader),
    ...(notes ? { notes } : {}),
    statusLog: log.map((c) => ({
      fromStatus: c.fromStatus,
      toStatus: c.toStatus,
      reason: c.reason,
      actorId: c.actorId,
      at: c.at.toISOString(),
    })),
  };
}
