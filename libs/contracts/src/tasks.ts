/** Tasks: their lifecycle and schedule vocabulary, and what the API says about a task and its notes. */
import type { TaskAction } from './capabilities';
import { Pathway } from './pathways';
import { Role } from './roles';

export enum TaskStatus {
  TODO = 'TODO',
  IN_PROGRESS = 'IN_PROGRESS',
  BLOCKED = 'BLOCKED',
  DONE = 'DONE',
  NOT_NEEDED = 'NOT_NEEDED',
}

export enum ScheduleState {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  OVERDUE = 'OVERDUE',
}

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

export interface TaskNoteView {
  id: string;
  taskId: string;
  authorId: string;
  /** Null when the author's account is gone. */
  authorName: string | null;
  body: string;
  createdAt: string;
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
