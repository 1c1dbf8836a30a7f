/** The movement endpoints staff use: who may record each, and the transaction around MovementsService. */
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuthenticatedUser } from '@app/auth';
import { TaskEntity, Tx, UnitOfWork, WomanEntity, WomenRepository } from '@app/database';
import { RELEASED_PRISON_CODE, releaseDateProblems, Role } from '@app/domain';
import { Actor, DeadlineScheduler } from '@app/resettlement';
import { Clock } from '../common/clock';
import { problemsError } from '../common/validation-errors';
import { toWomanView, WomanView } from '../women/woman.view';
import { RecallDto, ReleaseDto, TransferDto } from './movement.dto';
import { MovementsService } from './movements.service';

const MOVEMENT_RECORDERS: readonly Role[] = [Role.PRE_RELEASE_TEAM, Role.POM, Role.ADMIN];

@Injectable()
export class MovementRequestsService {
  constructor(
    private readonly movements: MovementsService,
    private readonly women: WomenRepository,
    private readonly scheduler: DeadlineScheduler,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /**
   * A released woman is outside every prison's scope, so the prison that takes her back on recall may find
   * her by id: receiving her is what puts her in its scope.
   */
  recall(user: AuthenticatedUser, id: string, body: RecallDto, actor: Actor): Promise<WomanView> {
    this.refuseUnlessRecorder(user);
    if (user.role !== Role.ADMIN && !user.prisonCodes.includes(body.prisonCode)) {
      throw new ForbiddenException(
        `You can record recalls only into your own prisons (${user.prisonCodes.join(', ')})`,
      );
    }
    return this.run(
      user,
      id,
      async (tx, woman, now) => {
        // The new dates must make sense with what is known of her; HMPPS events carry none, so this is here.
        const problems = releaseDateProblems({
          dateOfBirth: woman.dateOfBirth,
          sentenceStartDate: woman.sentenceStartDate,
          receptionDate: body.receptionDate ?? this.clock.today(),
          confirmedReleaseDate: body.confirmedReleaseDate,
          conditionalReleaseDate: body.conditionalReleaseDate,
        });
        if (problems.length > 0) throw problemsError(problems);
        return this.movements.recall(tx, woman, body, actor, now);
      },
      { allowReleased: true },
    );
  }

  transfer(user: AuthenticatedUser, id: string, body: TransferDto, actor: Actor): Promise<WomanView> {
    this.refuseUnlessRecorder(user);
    return this.run(user, id, (tx, woman, now) => this.movements.transfer(tx, woman, body.prisonCode, actor, now));
  }

  release(user: AuthenticatedUser, id: string, body: ReleaseDto, actor: Actor): Promise<WomanView> {
    this.refuseUnlessRecorder(user);
    return this.run(user, id, (tx, woman, now) =>
      this.movements.release(tx, woman, body.releasedOn ?? this.clock.today(), actor, now),
    );
  }

  private async run(
    user: AuthenticatedUser,
    id: string,
    apply: (tx: Tx, woman: WomanEntity, now: Date) => Promise<TaskEntity[]>,
    { allowReleased = false }: { allowReleased?: boolean } = {},
  ): Promise<WomanView> {
    const now = this.clock.now();
    const { woman, tasks } = await this.unitOfWork.run(async (tx) => {
      let found = await this.women.findOneInScopeForUpdate(tx, user.scope, id);
      if (!found && allowReleased) {
        const released = await this.women.findByIdForUpdate(tx, id);
        found = released?.prisonCode === RELEASED_PRISON_CODE ? released : null;
      }
      if (!found) throw new NotFoundException('No such woman in your caseload');
      const scheduled = await apply(tx, found, now);
      return { woman: found, tasks: scheduled };
    });
    await this.scheduler.schedule(tasks, now);
    return toWomanView(woman, user.role, this.clock.today());
  }

  private refuseUnlessRecorder(user: AuthenticatedUser): void {
    if (!MOVEMENT_RECORDERS.includes(user.role)) {
      throw new ForbiddenException(
        'Movements are recorded by prison staff (pre-release team or POM) or an administrator',
      );
    }
  }
}
