/**
 * What the API says about a task: why it does not apply, and its notes, only as the visibility policy allows; and
 * what the reader may do with it, as the capability table decides.
 */
import { TaskEntity, TaskNoteEntity, TaskRow, TaskStatusChangeEntity } from '@app/database';
import type { TaskView, TaskNoteView, TaskDetailView } from '@app/contracts';
import {
  allowedActions,
  canSeeEligibilityReasons,
  CapabilityUser,
  ScheduleState,
  scheduleStateAt,
  isoInstant,
  isoInstantOrNull,
} from '@app/domain';

export type { TaskView, TaskNoteView, TaskDetailView } from '@app/contracts';

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
    claimedAt: isoInstantOrNull(task.claimedAt),
    status: task.status,
    blockedReason: task.blockedReason,
    releaseCritical: task.releaseCritical,
    ...(canSeeEligibilityReasons(reader.role) ? { ineligibleReasons: task.ineligibleReasons } : {}),
    dueDate: task.dueDate,
    dueAt: isoInstantOrNull(task.dueAt),
    atRiskAt: isoInstantOrNull(task.atRiskAt),
    scheduleState,
    deadlineRevision: task.deadlineRevision,
    version: task.version,
    createdAt: isoInstant(task.createdAt),
    updatedAt: isoInstant(task.updatedAt),
    completedAt: isoInstantOrNull(task.completedAt),
    allowedActions: allowedActions(reader, { kind: 'task', ...task }),
  };
}

export function toTaskRowView(row: TaskRow, reader: CapabilityUser): TaskView {
  return toTaskView(row.task, row.scheduleState, reader, row);
}

/** The authors to look up for these notes. */
export function noteAuthorIds(notes: TaskNoteEntity[]): string[] {
  return [...new Set(notes.map((n) => n.authorId))];
}

/** Notes with their authors' names (`authors` as the caller looked them up by noteAuthorIds). */
export function toTaskNoteViews(
  notes: Pick<TaskNoteEntity, 'id' | 'taskId' | 'authorId' | 'body' | 'createdAt'>[],
  authors: { id: string; displayName: string }[],
): TaskNoteView[] {
  const names = new Map(authors.map((u) => [u.id, u.displayName]));
  return notes.map((n) => ({
    id: n.id,
    taskId: n.taskId,
    authorId: n.authorId,
    authorName: names.get(n.authorId) ?? null,
    body: n.body,
    createdAt: isoInstant(n.createdAt),
  }));
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
      at: isoInstant(c.at),
    })),
  };
}
