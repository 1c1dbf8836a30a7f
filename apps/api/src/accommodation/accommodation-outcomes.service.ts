/**
 * Recording where a released woman is living (recommendation 8): on the night of release and at 12 weeks,
 * against her latest release. Recording a checkpoint completes its task; a correction replaces the record and
 * both versions stay in the audit trail.
 */
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuthenticatedUser } from '@app/auth';
import {
  AccommodationOutcomeEntity,
  ReleasesRepository,
  TasksRepository,
  UnitOfWork,
  WomenRepository,
} from '@app/database';
import { ACCOMMODATION_CHECKPOINT_TASK_KEYS, accommodationCategory, isHoused, TaskStatus, refusal } from '@app/domain';
import { Actor, ChangeRecorder, TaskPlannerService } from '@app/resettlement';
import { Clock } from '../common/clock';
import { RecordAccommodationOutcomeDto } from './accommodation-outcome.dto';
import { AccommodationOutcomeView, AccommodationOutcomesView } from './accommodation-outcome.view';

@Injectable()
export class AccommodationOutcomesService {
  constructor(
    private readonly women: WomenRepository,
    private readonly releases: ReleasesRepository,
    private readonly tasks: TasksRepository,
    private readonly planner: TaskPlannerService,
    private readonly recorder: ChangeRecorder,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthenticatedUser, womanId: string): Promise<AccommodationOutcomesView> {
    return this.unitOfWork.run(async (tx) => {
      const woman = await this.women.findOneInScope(user.scope, womanId);
      if (!woman) throw new NotFoundException('No such woman in your caseload');
      const release = await this.releases.latestForWoman(tx, womanId);
      if (!release) return { release: null, outcomes: [] };
      const outcomes = await this.releases.outcomesOf(tx, release.id);
      return { release, outcomes: outcomes.map((o) => this.view(o)) };
    });
  }

  async record(
    user: AuthenticatedUser,
    womanId: string,
    body: RecordAccommodationOutcomeDto,
    actor: Actor,
  ): Promise<AccommodationOutcomeView> {
    const refused = refusal(user, 'accommodation.record');
    if (refused) throw new ForbiddenException(refused);
    const now = this.clock.now();
    return this.unitOfWork.run(async (tx) => {
      const woman = await this.women.findOneInScopeForUpdate(tx, user.scope, womanId);
      if (!woman) throw new NotFoundException('No such woman in your caseload');
      const release = await this.releases.latestForWoman(tx, womanId);
      if (!release) throw new ConflictException('She has no recorded release: record her release first');
      const previous = (await this.releases.outcomesOf(tx, release.id)).find((o) => o.checkpoint === body.checkpoint);
      const saved = await this.releases.saveOutcome(tx, {
        releaseId: release.id,
        womanId,
        checkpoint: body.checkpoint,
        accommodationType: body.accommodationType,
        recordedById: user.id,
        recordedAt: now,
      });
      await this.recorder.caseRecordChanged(tx, {
        woman,
        kind: 'ACCOMMODATION_OUTCOME',
        recordId: saved.id,
        action: previous ? 'CORRECTED' : 'RECORDED',
        before: previous ? { checkpoint: previous.checkpoint, accommodationType: previous.accommodationType } : null,
        after: {
          checkpoint: saved.checkpoint,
          accommodationType: saved.accommodationType,
          releasedOn: release.releasedOn,
        },
        actor,
        status: saved.accommodationType,
      });
      const taskKey = ACCOMMODATION_CHECKPOINT_TASK_KEYS[body.checkpoint];
      const open = (await this.tasks.listOpenForWoman(tx, womanId)).filter((t) => t.templateKey === taskKey);
      await this.planner.closeTasks(tx, {
        woman,
        tasks: open,
        status: TaskStatus.DONE,
        reason: 'Accommodation outcome recorded',
        actor,
        now,
      });
      return this.view(saved);
    });
  }

  private view(outcome: AccommodationOutcomeEntity): AccommodationOutcomeView {
    return {
      ...outcome,
      housed: isHoused(outcome.accommodationType),
      category: accommodationCategory(outcome.accommodationType),
      recordedAt: outcome.recordedAt.toISOString(),
    };
  }
}
