/** Records assessments and pathway statuses; a pathway newly needing support gets its catalogue tasks. */
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuthenticatedUser } from '@app/auth';
import { AssessmentEntity, AssessmentsRepository, TaskEntity, UnitOfWork, WomenRepository } from '@app/database';
import { canSeePathway, canSeeTask, DataKind, mayView, Pathway } from '@app/domain';
import { Actor, ChangeRecorder, DeadlineScheduler, TaskPlannerService } from '@app/resettlement';
import { Clock } from '../common/clock';
import { fieldError } from '../common/validation-errors';
import { PathwayChangesService } from '../pathways/pathway-changes.service';
import { SetPathwayStatusDto } from '../pathways/pathway-status.dto';
import { TaskView, scheduleStateOf, toTaskView } from '../tasks/task.view';
import { RecordAssessmentDto } from './record-assessment.dto';
import type { RecordedChange } from '@app/contracts';

export type { RecordedChange } from '@app/contracts';

@Injectable()
export class AssessmentsService {
  constructor(
    private readonly women: WomenRepository,
    private readonly assessments: AssessmentsRepository,
    private readonly pathwayChanges: PathwayChangesService,
    private readonly recorder: ChangeRecorder,
    private readonly planner: TaskPlannerService,
    private readonly scheduler: DeadlineScheduler,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async record(
    user: AuthenticatedUser,
    womanId: string,
    body: RecordAssessmentDto,
    actor: Actor,
  ): Promise<RecordedChange> {
    const now = this.clock.now();
    const assessedAt = body.assessedAt ? new Date(body.assessedAt) : now;
    if (assessedAt.getTime() > now.getTime() + 60_000)
      throw fieldError('assessedAt', 'assessedAt cannot be in the future');
    const seen = new Set<Pathway>();
    body.outcomes.forEach((o, i) => {
      if (seen.has(o.pathway))
        throw fieldError(`outcomes.${i}.pathway`, `${o.pathway} appears twice in one assessment`);
      seen.add(o.pathway);
    });
    const recorded = await this.unitOfWork.run(async (tx) => {
      const woman = await this.women.findOneInScopeForUpdate(tx, user.scope, womanId);
      if (!woman) throw new NotFoundException('No such woman in your caseload');
      const assessment: AssessmentEntity = await this.assessments.insert(tx, {
        womanId,
        kind: body.kind,
        method: body.method,
        assessedAt,
        assessedById: user.id,
        outcomes: body.outcomes.map((o) => ({ pathway: o.pathway, status: o.status, notes: o.notes ?? null })),
      });
      await this.recorder.assessmentRecorded(tx, {
        woman,
        assessmentId: assessment.id,
        after: {
          kind: body.kind,
          method: body.method,
          assessedAt: assessedAt.toISOString(),
          outcomes: assessment.outcomes,
        },
        actor,
      });
      await this.planner.closeAssessmentTask(tx, { woman, kind: body.kind, actor, now });
      const created = await this.pathwayChanges.apply(tx, woman, body.outcomes, assessedAt, actor);
      return { assessmentId: assessment.id, created };
    });
    await this.scheduler.schedule(recorded.created, now);
    return {
      assessmentId: recorded.assessmentId,
      tasksCreated: this.taskViews(user, recorded.created, now),
    };
  }

  async setPathwayStatus(
    user: AuthenticatedUser,
    womanId: string,
    pathway: Pathway,
    body: SetPathwayStatusDto,
    actor: Actor,
  ): Promise<RecordedChange> {
    const now = this.clock.now();
    const created = await this.unitOfWork.run(async (tx) => {
      const woman = await this.women.findOneInScopeForUpdate(tx, user.scope, womanId);
      if (!woman) throw new NotFoundException('No such woman in your caseload');
      return this.pathwayChanges.apply(tx, woman, [{ pathway, status: body.status, notes: body.notes }], now, actor);
    });
    await this.scheduler.schedule(created, now);
    return { tasksCreated: this.taskViews(user, created, now) };
  }

  async list(user: AuthenticatedUser, womanId: string): Promise<AssessmentEntity[]> {
    if (!mayView(user.role, DataKind.ASSESSMENTS)) {
      throw new ForbiddenException(`Needs assessments are not shown to the ${user.role} role`);
    }
    const woman = await this.women.findOneInScope(user.scope, womanId);
    if (!woman) throw new NotFoundException('No such woman in your caseload');
    const assessments = await this.assessments.listForWoman(womanId);
    return assessments.map((a) => ({ ...a, outcomes: a.outcomes.filter((o) => canSeePathway(user.role, o.pathway)) }));
  }

  /** The tasks a change planned, as the visibility policy lets this user see them. */
  private taskViews(user: AuthenticatedUser, tasks: TaskEntity[], now: Date): TaskView[] {
    return tasks.filter((t) => canSeeTask(user.role, t)).map((t) => toTaskView(t, scheduleStateOf(t, now), user));
  }
}
