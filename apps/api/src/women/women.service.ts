/** Women: create, update (release dates, status, allocations), list a board, read one in full. */
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuthenticatedUser } from '@app/auth';
import {
  AssessmentsRepository,
  AuditTrailRepository,
  PathwayStatusesRepository,
  ReferenceDataRepository,
  ReferralsRepository,
  TaskEntity,
  TasksRepository,
  Tx,
  UnitOfWork,
  UsersRepository,
  WomanEntity,
  WomenRepository,
} from '@app/database';
import {
  DataKind,
  PATHWAYS,
  Pathway,
  PathwayStatus,
  Role,
  canSeePathway,
  canSeeTaskNotes,
  effectiveReleaseDate,
  handoverDates,
  londonDateOf,
  mayView,
  releaseDateProblems,
  taskVisibilityFor,
} from '@app/domain';
import { Actor, ChangeRecorder, DeadlineScheduler, TaskPlannerService } from '@app/resettlement';
import { Clock } from '../common/clock';
import { Page } from '../common/pagination.dto';
import { fieldError, problemsError } from '../common/validation-errors';
import { TaskNoteView, TaskView, noteAuthorIds, toTaskNoteViews, toTaskRowView } from '../tasks/task.view';
import { CreateWomanDto, ListWomenQueryDto, ReleaseWindow, UpdateWomanDto } from './woman.dto';
import { AuditView, WomanView, toAuditViews, toWomanView, womanSnapshot } from './woman.view';
import { sentFields } from '../common/sent-fields';

const WINDOW_DAYS: Record<ReleaseWindow, number | undefined> = { '12w': 84, '24w': 168, all: undefined };

export interface PathwayView {
  pathway: Pathway;
  status: PathwayStatus;
  needIdentifiedAt: string | null;
}

export interface WomanBoardRow extends WomanView {
  pathways: PathwayView[];
}

export interface WomanDetailView extends WomanView {
  pathways: PathwayView[];
  /** Each with its notes, oldest first, so the panel shows a note as soon as it is saved (notes absent for roles that do not read them). */
  tasks: (TaskView & { notes?: TaskNoteView[] })[];
  /** Absent for roles that do not read assessments. */
  assessments?: {
    id: string;
    kind: string;
    method: string;
    assessedAt: string;
    assessedById: string;
    outcomes: unknown;
  }[];
  auditTrail: AuditView[];
}

@Injectable()
export class WomenService {
  constructor(
    private readonly women: WomenRepository,
    private readonly tasks: TasksRepository,
    private readonly pathways: PathwayStatusesRepository,
    private readonly assessments: AssessmentsRepository,
    private readonly audit: AuditTrailRepository,
    private readonly referrals: ReferralsRepository,
    private readonly reference: ReferenceDataRepository,
    private readonly users: UsersRepository,
    private readonly planner: TaskPlannerService,
    private readonly recorder: ChangeRecorder,
    private readonly scheduler: DeadlineScheduler,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthenticatedUser, query: ListWomenQueryDto): Promise<Page<WomanBoardRow>> {
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    const { rows, total } = await this.women.listInScope(user.scope, {
      prisonCode: query.prison,
      releaseWithinDays: WINDOW_DAYS[query.window ?? 'all'],
      today: this.clock.today(),
      now: this.clock.now(),
      visibility: taskVisibilityFor(user.role),
      limit,
      offset,
    });
    const statuses = await this.pathways.listForWomen(rows.map((r) => r.woman.id));
    const items = rows.map(({ woman, taskCounts }) => ({
      ...toWomanView(woman, user.role, this.clock.today(), taskCounts),
      pathways: this.pathwayViews(
        user.role,
        statuses.filter((s) => s.womanId === woman.id),
      ),
    }));
    return { items, total, limit, offset };
  }

  async get(user: AuthenticatedUser, id: string): Promise<WomanDetailView> {
    const woman = await this.women.findOneInScope(user.scope, id);
    if (!woman) throw new NotFoundException('No such woman in your caseload');
    const visibility = taskVisibilityFor(user.role);
    const [statuses, taskPage, assessments, trail, referrals] = await Promise.all([
      this.pathways.listForWoman(id),
      this.tasks.listInScope(user.scope, { now: this.clock.now(), visibility, womanId: id, limit: 1000, offset: 0 }),
      mayView(user.role, DataKind.ASSESSMENTS) ? this.assessments.listForWoman(id) : Promise.resolve(null),
      this.audit.listForWoman(id),
      // Every referral of hers in the reader's scope; the policy then decides each entry about one.
      this.referrals.listInScope(user.scope, {
        womanId: id,
        visibility: { includeDrafts: true, hiddenPathways: [] },
        limit: 1000,
        offset: 0,
      }),
    ]);
    const visibleTasks = new Map(taskPage.rows.map((r) => [r.task.id, r.task]));
    const notedTaskIds = taskPage.rows.filter((r) => canSeeTaskNotes(user.role, r.task)).map((r) => r.task.id);
    const notes = await this.tasks.listNotes(notedTaskIds);
    const noteViews = toTaskNoteViews(notes, await this.users.findByIds(noteAuthorIds(notes)));
    const referralsById = new Map(
      referrals.rows.map(({ referral: r }) => [
        r.id,
        { providerId: r.providerId, status: r.status, pathways: r.pathways.map((p) => p.pathway) },
      ]),
    );
    const auditTrail = toAuditViews(trail, {
      role: user.role,
      providerId: user.providerId,
      task: (taskId) => visibleTasks.get(taskId) ?? null,
      referral: (referralId) => referralsById.get(referralId) ?? null,
    });
    return {
      ...toWomanView(woman, user.role, this.clock.today()),
      pathways: this.pathwayViews(user.role, statuses),
      tasks: taskPage.rows.map((row) => ({
        ...toTaskRowView(row, user.role),
        ...(notedTaskIds.includes(row.task.id) ? { notes: noteViews.filter((n) => n.taskId === row.task.id) } : {}),
      })),
      ...(assessments
        ? {
            assessments: assessments.map((a) => ({
              id: a.id,
              kind: a.kind,
              method: a.method,
              assessedAt: a.assessedAt.toISOString(),
              assessedById: a.assessedById,
              outcomes: a.outcomes.filter((o) => canSeePathway(user.role, o.pathway)),
            })),
          }
        : {}),
      auditTrail,
    };
  }

  async create(user: AuthenticatedUser, body: CreateWomanDto, actor: Actor): Promise<WomanView> {
    if (user.scope.kind === 'PRISONS' && !user.scope.prisonCodes.includes(body.prisonCode)) {
      throw new ForbiddenException(`You can add women only to your own prisons (${user.scope.prisonCodes.join(', ')})`);
    }
    await this.checkReferences(body);
    const release = effectiveReleaseDate(body);
    const problems = releaseDateProblems(body);
    if (problems.length > 0) throw problemsError(problems);
    if (await this.women.existsByPrisonNumber(body.prisonNumber)) {
      throw new ConflictException(`A woman with prison number ${body.prisonNumber} is already recorded`);
    }
    const woman = await this.unitOfWork
      .run(async (tx) => {
        const created = await this.women.insert(tx, {
          ...body,
          sensitiveFlags: body.sensitiveFlags ?? [],
          releaseDate: release?.date ?? null,
          releaseDateSource: release?.source ?? null,
        });
        await this.pathways.upsert(
          tx,
          PATHWAYS.map((pathway) => ({
            womanId: created.id,
            pathway,
            status: PathwayStatus.NOT_STARTED,
            updatedById: actor.id,
          })),
        );
        await this.recorder.womanChanged(tx, created, 'CREATED', null, womanSnapshot(created), actor);
        const comTasks = await this.planner.syncComAllocationTask(tx, created, actor, this.clock.now());
        return { created, comTasks };
      })
      .catch((error: unknown) => {
        // Two simultaneous creates of one prison number: the unique index decides.
        if ((error as { code?: string }).code === '23505') {
          throw new ConflictException(`A woman with prison number ${body.prisonNumber} is already recorded`);
        }
        throw error;
      });
    await this.scheduler.schedule(woman.comTasks, this.clock.now());
    return toWomanView(woman.created, user.role, this.clock.today());
  }

  async update(user: AuthenticatedUser, id: string, body: UpdateWomanDto, actor: Actor): Promise<WomanView> {
    await this.checkReferences(body);
    const updated = await this.unitOfWork.run(async (tx) => {
      const woman = await this.women.findOneInScopeForUpdate(tx, user.scope, id);
      if (!woman) throw new NotFoundException('No such woman in your caseload');
      if (body.version !== undefined && body.version !== woman.version) {
        throw new ConflictException(
          `She was changed by someone else since you read her (version ${woman.version}, you sent ${body.version}): reload and try again`,
        );
      }
      const before = womanSnapshot(woman);
      const beforeEntity = { ...woman };
      const { version: _version, ...patch } = body;
      Object.assign(woman, sentFields(patch));
      const problems = releaseDateProblems(woman);
      if (problems.length > 0) throw problemsError(problems);
      const release = effectiveReleaseDate(woman);
      woman.releaseDate = release?.date ?? null;
      woman.releaseDateSource = release?.source ?? null;
      const saved = await this.women.save(tx, woman);
      const after = womanSnapshot(saved);
      const changed = Object.keys(after).filter(
        (k) => k !== 'version' && JSON.stringify(after[k]) !== JSON.stringify(before[k]),
      );
      if (changed.length > 0) {
        await this.recorder.womanChanged(
          tx,
          saved,
          'UPDATED',
          Object.fromEntries(changed.map((k) => [k, before[k]])),
          Object.fromEntries(changed.map((k) => [k, after[k]])),
          actor,
        );
      }
      const now = this.clock.now();
      const handoverMoved =
        handoverDates(beforeEntity, londonDateOf(now)).comAllocatedDate !==
        handoverDates(saved, londonDateOf(now)).comAllocatedDate;
      const moved =
        before.releaseDate !== saved.releaseDate || before.receptionDate !== saved.receptionDate || handoverMoved
          ? await this.recomputeDeadlines(tx, saved, actor)
          : [];
      // A COM recorded closes her "allocate her COM" task; a COM removed plans it again.
      const comTasks = await this.planner.syncComAllocationTask(tx, saved, actor, now);
      return { saved, moved: [...moved, ...comTasks] };
    });
    await this.scheduler.schedule(updated.moved, this.clock.now());
    return toWomanView(updated.saved, user.role, this.clock.today());
  }

  private async recomputeDeadlines(tx: Tx, woman: WomanEntity, actor: Actor): Promise<TaskEntity[]> {
    const statuses = await this.pathways.listForWomanInTx(tx, woman.id);
    const needIdentifiedAt = new Map(statuses.map((s) => [s.pathway, s.needIdentifiedAt]));
    return this.planner.recomputeOpenTaskDeadlines(tx, woman, needIdentifiedAt, actor, this.clock.now());
  }
  /** Unknown areas and users are bad input (400 naming the field), checked before anything is written. */
  private async checkReferences(body: {
    releaseAreaCode?: string;
    pomId?: string | null;
    comId?: string | null;
  }): Promise<void> {
    if (body.releaseAreaCode !== undefined && !(await this.reference.findReleaseArea(body.releaseAreaCode))) {
      throw fieldError('releaseAreaCode', `Unknown release area ${body.releaseAreaCode}: see GET /release-areas`);
    }
    for (const [field, role] of [
      ['pomId', Role.POM],
      ['comId', Role.COM],
    ] as const) {
      const userId = body[field];
      if (!userId) continue;
      const found = await this.users.findActiveById(userId);
      if (!found || found.role !== role) throw fieldError(field, `${field} must be the id of an active ${role} user`);
    }
  }

  private pathwayViews(
    role: Role,
    statuses: { pathway: Pathway; status: PathwayStatus; needIdentifiedAt: Date | null }[],
  ): PathwayView[] {
    return statuses
      .filter((s) => canSeePathway(role, s.pathway))
      .map((s) => ({
        pathway: s.pathway,
        status: s.status,
        needIdentifiedAt: s.needIdentifiedAt?.toISOString() ?? null,
      }));
  }
}
