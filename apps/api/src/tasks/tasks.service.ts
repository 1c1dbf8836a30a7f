/** Tasks: list and filter, read one, claim exclusively, release a claim, change status, add a note. */
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuthenticatedUser } from '@app/auth';
import type { TaskAction } from '@app/contracts';
import { TaskEntity, TaskRow, TasksRepository, Tx, UnitOfWork, UsersRepository, WomenRepository } from '@app/database';
import {
  Role,
  TaskStatus,
  canSeeTaskNotes,
  isOpenTaskStatus,
  refusal,
  taskStatusChangeProblem,
  taskVisibilityFor,
} from '@app/domain';
import { Actor, ChangeRecorder, TaskChange, taskSnapshot } from '@app/resettlement';
import { Clock } from '../common/clock';
import { Page } from '../common/pagination.dto';
import { fieldError } from '../common/validation-errors';
import { AddTaskNoteDto, ChangeTaskStatusDto, ListTasksQueryDto } from './task.dto';
import {
  TaskDetailView,
  TaskView,
  noteAuthorIds,
  scheduleStateOf,
  toTaskDetailView,
  toTaskNoteViews,
  toTaskRowView,
  toTaskView,
} from './task.view';

@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly users: UsersRepository,
    private readonly women: WomenRepository,
    private readonly recorder: ChangeRecorder,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthenticatedUser, query: ListTasksQueryDto): Promise<Page<TaskView>> {
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    const { rows, total } = await this.tasks.listInScope(user.scope, {
      now: this.clock.now(),
      visibility: taskVisibilityFor(user.role),
      womanId: query.womanId,
      prisonCode: query.prison,
      providerId: query.provider,
      assigneeId: query.assignee === 'me' ? user.id : query.assignee,
      ownerRole: query.ownerRole,
      pathway: query.pathway,
      scheduleState: query.scheduleState,
      status: query.status,
      limit,
      offset,
    });
    return { items: rows.map((row) => toTaskRowView(row, user)), total, limit, offset };
  }

  async get(user: AuthenticatedUser, id: string): Promise<TaskDetailView> {
    const row = await this.findVisible(user, id);
    const notesShown = canSeeTaskNotes(user.role, row.task);
    const [notes, log] = await Promise.all([
      notesShown ? this.tasks.listNotes([id]) : Promise.resolve([]),
      this.tasks.listStatusChanges(id),
    ]);
    const authors = await this.users.findByIds(noteAuthorIds(notes));
    return toTaskDetailView(row, user, notesShown ? toTaskNoteViews(notes, authors) : null, log);
  }

  async claim(user: AuthenticatedUser, id: string, actor: Actor): Promise<TaskView> {
    const row = await this.findVisible(user, id);
    this.refuseUnlessAllowed(user, 'task.claim', row.task);
    const now = this.clock.now();
    const outcome = await this.unitOfWork.run(async (tx) => {
      const result = await this.tasks.claim(
        tx,
        id,
        user.id,
        user.role === Role.CRS_CASEWORKER ? user.providerId : null,
        now,
      );
      if (result.claimed) await this.auditTask(tx, result.task, 'CLAIMED', row.task, actor);
      return result;
    });
    if (!outcome.claimed) throw await this.claimConflict(outcome.current);
    return toTaskView(outcome.task, scheduleStateOf(outcome.task, now), user, row);
  }

  async releaseClaim(user: AuthenticatedUser, id: string, actor: Actor): Promise<TaskView> {
    const row = await this.findVisible(user, id);
    if (!row.task.assigneeId) throw new ConflictException('Nobody holds this task');
    this.refuseUnlessAllowed(user, 'task.release', row.task);
    const released = await this.unitOfWork.run(async (tx) => {
      const task = await this.tasks.releaseClaim(tx, id, row.task.assigneeId as string);
      if (task) await this.auditTask(tx, task, 'CLAIM_RELEASED', row.task, actor);
      return task;
    });
    if (!released) throw new ConflictException('The task changed while you were releasing it: reload and try again');
    return toTaskView(released, scheduleStateOf(released, this.clock.now()), user, row);
  }

  /**
   * One transaction, six statements: the task read in scope and locked (with her rooms' context), the checks, the
   * conditional update with its status-log row, the audit entry, then the outbox under its lock, and commit.
   */
  async changeStatus(user: AuthenticatedUser, id: string, body: ChangeTaskStatusDto, actor: Actor): Promise<TaskView> {
    const now = this.clock.now();
    const outcome = await this.unitOfWork.run(async (tx) => {
      const row = await this.tasks.lockInScopeForChange(tx, user.scope, taskVisibilityFor(user.role), id, now);
      if (!row) throw notInCaseload();
      this.refuseUnlessAllowed(user, 'task.update-status', row.task);
      if (body.status === TaskStatus.BLOCKED && !body.reason?.trim()) {
        throw fieldError('reason', 'reason is required when a task is BLOCKED: say what is in the way');
      }
      const problem = taskStatusChangeProblem(row.task.status, body.status, body.reason ?? null);
      if (problem) throw new ConflictException(problem);
      // The row is locked: a version other than the caller's cannot change before commit, so no update is tried.
      const task =
        row.task.version === body.version
          ? await this.tasks.changeStatusIfVersion(
              tx,
              id,
              body.version,
              {
                status: body.status,
                blockedReason: body.status === TaskStatus.BLOCKED ? (body.reason ?? null) : null,
                completedAt: isOpenTaskStatus(body.status) ? null : now,
              },
              { fromStatus: row.task.status, reason: body.reason ?? null, actorId: actor.id },
            )
          : null;
      if (!task) return { row, task: null };
      await this.recorder.tasksChangedInRooms(tx, {
        rooms: { ...row.woman, previousPrisonCode: null, providerId: row.releaseAreaProviderId },
        changes: [{ task, action: 'STATUS_CHANGED', before: taskSnapshot(row.task), after: taskSnapshot(task) }],
        actor,
        now,
      });
      return { row, task };
    });
    if (!outcome.task) {
      throw new ConflictException(
        `The task was changed by someone else since you read it (you sent version ${body.version}): reload and try again`,
      );
    }
    return toTaskView(outcome.task, scheduleStateOf(outcome.task, now), user, outcome.row);
  }

  async addNote(user: AuthenticatedUser, id: string, body: AddTaskNoteDto, actor: Actor): Promise<TaskDetailView> {
    const row = await this.findVisible(user, id);
    this.refuseUnlessAllowed(user, 'task.add-note', row.task);
    await this.unitOfWork.run(async (tx) => {
      const note = await this.tasks.addNote(tx, { taskId: id, authorId: user.id, body: body.body });
      await this.record(
        tx,
        { task: row.task, action: 'NOTE_ADDED', before: null, after: { noteId: note.id, body: note.body } },
        actor,
      );
    });
    return this.get(user, id);
  }

  /** The capability table decides, on the task as loaded (after scope, so an unseen task stays a 404). */
  private refuseUnlessAllowed(user: AuthenticatedUser, action: TaskAction, task: TaskEntity): void {
    const refused = refusal(user, action, { kind: 'task', ...task });
    if (refused) throw new ForbiddenException(refused);
  }

  /** Out of scope and invisible tasks answer 404, exactly like tasks that do not exist. */
  private async findVisible(user: AuthenticatedUser, id: string): Promise<TaskRow> {
    const row = await this.tasks.findOneInScope(user.scope, taskVisibilityFor(user.role), id, this.clock.now());
    if (!row) throw notInCaseload();
    return row;
  }

  private async claimConflict(current: TaskEntity | null): Promise<ConflictException> {
    if (!current?.assigneeId)
      return new ConflictException({ statusCode: 409, message: 'The task is closed and cannot be claimed' });
    const [holder] = await this.users.findByIds([current.assigneeId]);
    return new ConflictException({
      statusCode: 409,
      error: 'Conflict',
      message: `Already claimed by ${holder?.displayName ?? 'someone else'}`,
      heldBy: {
        id: current.assigneeId,
        displayName: holder?.displayName ?? null,
        providerId: current.claimedByProviderId,
      },
      claimedAt: current.claimedAt?.toISOString() ?? null,
    });
  }

  private auditTask(
    tx: Tx,
    task: TaskEntity,
    action: TaskChange['action'],
    before: TaskEntity,
    actor: Actor,
  ): Promise<void> {
    return this.record(tx, { task, action, before: taskSnapshot(before), after: taskSnapshot(task) }, actor);
  }

  private async record(tx: Tx, change: TaskChange, actor: Actor): Promise<void> {
    const woman = await this.women.findById(tx, change.task.womanId);
    if (!woman) throw new NotFoundException('No such woman');
    await this.recorder.tasksChanged(tx, { woman, changes: [change], actor, now: this.clock.now() });
  }
}

function notInCaseload(): NotFoundException {
  return new NotFoundException('No such task in your caseload');
}
