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
  DayOfReleaseRule,
  PATHWAYS,
  Pathway,
  PathwayStatus,
  ReferralTransferKind,
  Role,
  canSeePathway,
  canSeeTaskNotes,
  handoverDates,
  londonDateOf,
  mayView,
  releaseDateProblems,
  effectiveReleaseDate,
  releaseDateRecord,
  releaseDayRequestActions,
  releaseDayRequestRefusal,
  taskVisibilityFor,
  isoInstant,
  isoInstantOrNull,
} from '@app/domain';
import {
  Actor,
  ChangeRecorder,
  DeadlineScheduler,
  KeyworkPlannerService,
  ReferralFollowService,
  TaskPlannerService,
} from '@app/resettlement';
import { Clock } from '../common/clock';
import { Page } from '../common/pagination.dto';
import { fieldError, problemsError } from '../common/validation-errors';
import { toTaskNoteViews, toTaskRowView } from '../tasks/task.view';
import { CreateWomanDto, ListWomenQueryDto, ReleaseDayRequestDto, ReleaseWindow, UpdateWomanDto } from './woman.dto';
import { applyEffectiveReleaseDate, isReleased } from './release-day-columns';
import { WomanView, toAuditViews, toWomanView, womanSnapshot } from './woman.view';
import { sentFields } from '../common/sent-fields';
import type { PathwayView, WomanBoardRow, WomanDetailView } from '@app/contracts';
export type { PathwayView, WomanBoardRow, WomanDetailView } from '@app/contracts';

const WINDOW_DAYS: Record<ReleaseWindow, number | undefined> = { '12w': 84, '24w': 168, all: undefined };

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
    private readonly referralFollow: ReferralFollowService,
    private readonly keyworkPlanner: KeyworkPlannerService,
  ) {}

  async list(user: AuthenticatedUser, query: ListWomenQueryDto): Promise<Page<WomanBoardRow>> {
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    // Once a request: London's date from the clock is a time-zone conversion, not a field read.
    const today = this.clock.today();
    const { rows, total } = await this.women.listInScope(user.scope, {
      prisonCode: query.prison,
      releaseWithinDays: WINDOW_DAYS[query.window ?? 'all'],
      today,
      now: this.clock.now(),
      visibility: taskVisibilityFor(user.role),
      limit,
      offset,
    });
    const items = rows.map(({ woman, taskCounts, pathways }) => ({
      ...toWomanView(woman, user.role, today, taskCounts),
      pathways: this.pathwayViews(user.role, pathways),
    }));
    return { items, total, limit, offset };
  }

  async get(user: AuthenticatedUser, id: string): Promise<WomanDetailView> {
    const visibility = taskVisibilityFor(user.role);
    // Her record and everything on her page are read at once, on separate connections, rather than her record
    // first (issue 15: a detail was six round trips one after another). Nothing read is shown unless her record
    // says she is in the reader's scope.
    const [woman, statuses, taskPage, assessments, trail, referrals, allNotes] = await Promise.all([
      this.women.findOneInScope(user.scope, id),
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
      this.tasks.listNotesOfWoman(id),
    ]);
    if (!woman) throw new NotFoundException('No such woman in your caseload');
    const visibleTasks = new Map(taskPage.rows.map((r) => [r.task.id, r.task]));
    const notedTaskIds = taskPage.rows.filter((r) => canSeeTaskNotes(user.role, r.task)).map((r) => r.task.id);
    const noted = new Set(notedTaskIds);
    const notes = allNotes.filter((n) => noted.has(n.taskId));
    const noteViews = toTaskNoteViews(
      notes,
      notes.flatMap((n) => (n.authorName === null ? [] : [{ id: n.authorId, displayName: n.authorName }])),
    );
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
        ...toTaskRowView(row, user),
        ...(noted.has(row.task.id) ? { notes: noteViews.filter((n) => n.taskId === row.task.id) } : {}),
      })),
      ...(assessments
        ? {
            assessments: assessments.map((a) => ({
              id: a.id,
              kind: a.kind,
              method: a.method,
              assessedAt: isoInstant(a.assessedAt),
              assessedById: a.assessedById,
              outcomes: a.outcomes.filter((o) => canSeePathway(user.role, o.pathway)),
            })),
          }
        : {}),
      auditTrail,
      releaseDayActions: releaseDayRequestActions(user, woman),
    };
  }

  async create(user: AuthenticatedUser, body: CreateWomanDto, actor: Actor): Promise<WomanView> {
    if (user.scope.kind === 'PRISONS' && !user.scope.prisonCodes.includes(body.prisonCode)) {
      throw new ForbiddenException(`You can add women only to your own prisons (${user.scope.prisonCodes.join(', ')})`);
    }
    await this.checkReferences(body);
    const release = releaseDateRecord(body);
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
          ...release,
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
        await this.recorder.womanChanged(tx, {
          woman: created,
          action: 'CREATED',
          before: null,
          after: womanSnapshot(created),
          actor,
        });
        const hdcTasks = await this.planner.planHdcTasks(tx, { woman: created, actor, now: this.clock.now() });
        // Her assessments and her tenancy cannot wait for a need to be identified: planned at reception.
        const receptionTasks = await this.planner.createReceptionTasks(tx, {
          woman: created,
          actor,
          now: this.clock.now(),
        });
        const comTasks = await this.planner.syncComAllocationTask(tx, { woman: created, actor, now: this.clock.now() });
        // Her first keywork session is due from the day she arrived (recommendation 7): a lapse is an overdue task.
        const keyworkTasks = await this.keyworkPlanner.planAtReception(tx, {
          woman: created,
          actor,
          now: this.clock.now(),
        });
        return { created, planned: [...hdcTasks, ...receptionTasks, ...comTasks, ...keyworkTasks] };
      })
      .catch((error: unknown) => {
        // Two simultaneous creates of one prison number: the unique index decides.
        if ((error as { code?: string }).code === '23505') {
          throw new ConflictException(`A woman with prison number ${body.prisonNumber} is already recorded`);
        }
        throw error;
      });
    await this.scheduler.schedule(woman.planned, this.clock.now());
    return toWomanView(woman.created, user.role, this.clock.today());
  }

  async update(user: AuthenticatedUser, id: string, body: UpdateWomanDto, actor: Actor): Promise<WomanView> {
    await this.checkReferences(body);
    const { version, ...patch } = body;
    return this.change(user, id, version, actor, (woman) => {
      Object.assign(woman, sentFields(patch));
      const problems = releaseDateProblems(woman);
      if (problems.length > 0) throw problemsError(problems);
    });
  }

  /**
   * Her COM asks that she go one more working day early (HMPPS policy framework on the Offenders (Day of Release
   * from Detention) Act 2023): only her own COM, and only when it would move her, so a request never stands that
   * the board cannot show.
   */
  async requestExtraReleaseDay(
    user: AuthenticatedUser,
    id: string,
    body: ReleaseDayRequestDto,
    actor: Actor,
  ): Promise<WomanView> {
    return this.change(user, id, body.version, actor, (woman) => {
      const refusal = releaseDayRequestRefusal(user, woman);
      if (refusal) throw new ForbiddenException(refusal);
      if (isReleased(woman)) throw new ConflictException(`She was released on ${woman.releasedOn}`);
      const requested = effectiveReleaseDate({ ...woman, releaseDayRequestReason: body.reason });
      if (!requested) throw new ConflictException('She has no release date to bring forward');
      if (requested.releaseDayRule !== DayOfReleaseRule.COM_REQUEST) {
        throw new ConflictException(
          'One more working day cannot apply to her: she is not released the day before a weekend or bank holiday, ' +
            'the Friday release rule does not apply to her, or she already goes two working days early (CJA 1961 s.23(3B))',
        );
      }
      woman.releaseDayRequestReason = body.reason.trim();
      woman.releaseDayRequestedById = user.id;
      woman.releaseDayRequestedAt = this.clock.now();
    });
  }

  /** Her COM withdraws the request: she goes back to the day the rules alone give. */
  async withdrawExtraReleaseDay(user: AuthenticatedUser, id: string, actor: Actor): Promise<WomanView> {
    return this.change(user, id, undefined, actor, (woman) => {
      const refusal = releaseDayRequestRefusal(user, woman);
      if (refusal) throw new ForbiddenException(refusal);
      if (woman.releaseDayRequestReason === null) throw new ConflictException('There is no request to withdraw');
      woman.releaseDayRequestReason = null;
      woman.releaseDayRequestedById = null;
      woman.releaseDayRequestedAt = null;
    });
  }

  /**
   * One change to her record: apply it under a row lock, work out the day she walks out again, audit what moved,
   * and re-date every open task when that day (or her reception) moved.
   */
  private async change(
    user: AuthenticatedUser,
    id: string,
    version: number | undefined,
    actor: Actor,
    apply: (woman: WomanEntity) => void,
  ): Promise<WomanView> {
    const updated = await this.unitOfWork.run(async (tx) => {
      const woman = await this.women.findOneInScopeForUpdate(tx, user.scope, id);
      if (!woman) throw new NotFoundException('No such woman in your caseload');
      if (version !== undefined && version !== woman.version) {
        throw new ConflictException(
          `She was changed by someone else since you read her (version ${woman.version}, you sent ${version}): reload and try again`,
        );
      }
      const before = womanSnapshot(woman);
      const beforeEntity = { ...woman };
      apply(woman);
      applyEffectiveReleaseDate(woman);
      const saved = await this.women.save(tx, woman);
      const after = womanSnapshot(saved);
      const changed = Object.keys(after).filter(
        (k) => k !== 'version' && JSON.stringify(after[k]) !== JSON.stringify(before[k]),
      );
      if (changed.length > 0) {
        await this.recorder.womanChanged(tx, {
          woman: saved,
          action: 'UPDATED',
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
          actor,
        });
      }
      if (beforeEntity.releaseAreaCode !== saved.releaseAreaCode) {
        await this.referralFollow.follow(tx, {
          woman: saved,
          kind: ReferralTransferKind.RELEASE_AREA,
          fromCode: beforeEntity.releaseAreaCode,
          toCode: saved.releaseAreaCode,
          actor,
        });
      }
      const now = this.clock.now();
      // Every anchor a deadline can be counted from: release, reception, the HDC eligibility date and the COM
      // allocated date. Tasks moved or newly planned all need their deadline jobs (re)scheduled.
      const handoverMoved =
        handoverDates(beforeEntity, londonDateOf(now)).comAllocatedDate !==
        handoverDates(saved, londonDateOf(now)).comAllocatedDate;
      const toSchedule =
        before.releaseDate !== saved.releaseDate ||
        before.receptionDate !== saved.receptionDate ||
        before.hdcEligibilityDate !== saved.hdcEligibilityDate ||
        handoverMoved
          ? await this.recomputeDeadlines(tx, saved, actor)
          : [];
      if (before.releaseType !== saved.releaseType) {
        toSchedule.push(...(await this.replanForReleaseType(tx, saved, actor)));
      }
      if (before.hdcEligibilityDate === null && saved.hdcEligibilityDate !== null) {
        toSchedule.push(...(await this.planner.planHdcTasks(tx, { woman: saved, actor, now })));
      }
      // Which tasks are hers depends on these (issue 13: Welsh areas, the NI route, flag-led tasks).
      const decides = ['releaseAreaCode', 'hasNationalInsuranceNumber', 'sensitiveFlags'];
      if (decides.some((k) => changed.includes(k))) {
        toSchedule.push(...(await this.replanForChangedFacts(tx, saved, actor)));
      }
      // A COM recorded closes her "allocate her COM" task; a COM removed plans it again.
      toSchedule.push(...(await this.planner.syncComAllocationTask(tx, { woman: saved, actor, now })));
      return { saved, toSchedule };
    });
    await this.scheduler.schedule(updated.toSchedule, this.clock.now());
    return toWomanView(updated.saved, user.role, this.clock.today());
  }

  /** The tasks created for her new release type; the ones closed need no deadline jobs. */
  private async replanForReleaseType(tx: Tx, woman: WomanEntity, actor: Actor): Promise<TaskEntity[]> {
    const statuses = await this.pathways.listForWomanInTx(tx, woman.id);
    const needIdentifiedAt = new Map(statuses.map((s) => [s.pathway, s.needIdentifiedAt]));
    const { created } = await this.planner.replanForReleaseType(tx, {
      woman,
      needIdentifiedAtByPathway: needIdentifiedAt,
      actor,
      now: this.clock.now(),
    });
    return created;
  }

  private async replanForChangedFacts(tx: Tx, woman: WomanEntity, actor: Actor): Promise<TaskEntity[]> {
    const openNeeds = (await this.pathways.listForWomanInTx(tx, woman.id))
      .filter((s) => s.status === PathwayStatus.SUPPORT_REQUIRED || s.status === PathwayStatus.IN_PROGRESS)
      .map((s) => ({ pathway: s.pathway, needIdentifiedAt: s.needIdentifiedAt }));
    return this.planner.replanForChangedFacts(tx, { woman, openNeeds, actor, now: this.clock.now() });
  }

  private async recomputeDeadlines(tx: Tx, woman: WomanEntity, actor: Actor): Promise<TaskEntity[]> {
    const statuses = await this.pathways.listForWomanInTx(tx, woman.id);
    const needIdentifiedAt = new Map(statuses.map((s) => [s.pathway, s.needIdentifiedAt]));
    return this.planner.recomputeOpenTaskDeadlines(tx, {
      woman,
      needIdentifiedAtByPathway: needIdentifiedAt,
      actor,
      now: this.clock.now(),
    });
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
        needIdentifiedAt: isoInstantOrNull(s.needIdentifiedAt),
      }));
  }
}
