/**
 * The movement endpoints staff use: who may record each, and the transaction around MovementsService. Every
 * write by id finds her through the user's scope, as a read does; the one write that must reach outside it (a
 * recall into the prison receiving her) rests on reception's evidence instead of an id, and is audited with it.
 */
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuthenticatedUser } from '@app/auth';
import { TaskEntity, Tx, UnitOfWork, WomanEntity, WomenRepository } from '@app/database';
import {
  normalisePrisonNumber,
  RecallBasis,
  recallEvidenceMismatches,
  RELEASED_PRISON_CODE,
  releaseDateProblems,
  Role,
  refusal,
} from '@app/domain';
import { Actor, ChangeRecorder, DeadlineScheduler } from '@app/resettlement';
import { Clock } from '../common/clock';
import { problemsError } from '../common/validation-errors';
import { toWomanView, WomanView } from '../women/woman.view';
import { RecallDto, RecallOnReceptionDto, ReleaseDto, TransferDto } from './movement.dto';
import { MovementsService } from './movements.service';

/** One answer for every mismatch, so a refusal never says which of the three facts was wrong. */
const NO_MATCH = 'No released woman matches that prison number, surname and date of birth together';

type ReceptionOutcome =
  | { kind: 'RECALLED'; woman: WomanEntity; tasks: TaskEntity[] }
  | { kind: 'NO_MATCH' }
  | { kind: 'IN_CUSTODY'; visiblePrisonCode: string | null };

/** A recall to record against her: the new dates, on what basis it was accepted, by whom and when. */
interface RecallToApply {
  woman: WomanEntity;
  body: RecallDto;
  basis: RecallBasis;
  actor: Actor;
  now: Date;
}

@Injectable()
export class MovementRequestsService {
  constructor(
    private readonly movements: MovementsService,
    private readonly women: WomenRepository,
    private readonly recorder: ChangeRecorder,
    private readonly scheduler: DeadlineScheduler,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /**
   * Recall by id: like every write by id, only of a woman already in the user's scope. A released woman is in no
   * prison's scope, so in practice this is an administrator's route; a prison receiving her uses
   * recallOnReception.
   */
  recall(user: AuthenticatedUser, id: string, body: RecallDto, actor: Actor): Promise<WomanView> {
    this.refuseUnlessRecorder(user);
    this.refuseUnlessOwnPrison(user, body.prisonCode);
    return this.run(user, id, (tx, woman, now) =>
      this.applyRecall(tx, { woman, body, basis: { kind: 'IN_SCOPE', recordedById: user.id }, actor, now }),
    );
  }

  /**
   * The receiving prison records a recall on what reception has: her prison number, surname and date of birth,
   * all three matching her record, into one of the user's own prisons. A mismatch is audited (with which parts
   * failed, for whoever reviews the trail) and answered 404 without saying which part it was.
   */
  async recallOnReception(user: AuthenticatedUser, body: RecallOnReceptionDto, actor: Actor): Promise<WomanView> {
    this.refuseUnlessRecorder(user);
    this.refuseUnlessOwnPrison(user, body.prisonCode);
    const now = this.clock.now();
    const prisonNumber = normalisePrisonNumber(body.prisonNumber);
    const outcome = await this.unitOfWork.run(async (tx): Promise<ReceptionOutcome> => {
      const found = await this.women.findByPrisonNumberForUpdate(tx, prisonNumber);
      const mismatched = recallEvidenceMismatches(found, { ...body, prisonNumber });
      const attempt = { prisonCode: body.prisonCode, movementReason: body.movementReason };
      if (!found || mismatched.length > 0) {
        await this.recorder.recallRefused(
          tx,
          {
            womanId: found?.id ?? null,
            prisonNumber,
            details: { reason: 'EVIDENCE_MISMATCH', mismatched, ...attempt },
          },
          actor,
        );
        return { kind: 'NO_MATCH' };
      }
      if (found.prisonCode !== RELEASED_PRISON_CODE) {
        await this.recorder.recallRefused(
          tx,
          { womanId: found.id, prisonNumber, details: { reason: 'NOT_RELEASED', ...attempt } },
          actor,
        );
        return {
          kind: 'IN_CUSTODY',
          visiblePrisonCode: this.inPrisonScope(user, found.prisonCode) ? found.prisonCode : null,
        };
      }
      const basis: RecallBasis = {
        kind: 'RECEPTION_EVIDENCE',
        confirmed: ['prisonNumber', 'lastName', 'dateOfBirth'],
        confirmedById: user.id,
      };
      return {
        kind: 'RECALLED',
        woman: found,
        tasks: await this.applyRecall(tx, { woman: found, body, basis, actor, now }),
      };
    });
    if (outcome.kind === 'NO_MATCH') throw new NotFoundException(NO_MATCH);
    if (outcome.kind === 'IN_CUSTODY') {
      // She matched, so the caller already knows who she is; another prison's name is still not hers to learn.
      throw new ConflictException(
        `She is recorded in custody${outcome.visiblePrisonCode ? ` at ${outcome.visiblePrisonCode}` : ''}, not released: a recall follows a release (a move between prisons is a transfer)`,
      );
    }
    await this.scheduler.schedule(outcome.tasks, now);
    return toWomanView(outcome.woman, user.role, this.clock.today());
  }

  transfer(user: AuthenticatedUser, id: string, body: TransferDto, actor: Actor): Promise<WomanView> {
    this.refuseUnlessRecorder(user);
    return this.run(user, id, (tx, woman, now) =>
      this.movements.transfer(tx, woman, { prisonCode: body.prisonCode, reason: body.reason }, actor, now),
    );
  }

  release(user: AuthenticatedUser, id: string, body: ReleaseDto, actor: Actor): Promise<WomanView> {
    this.refuseUnlessRecorder(user);
    return this.run(user, id, (tx, woman, now) =>
      this.movements.release(tx, woman, body.releasedOn ?? this.clock.today(), actor, now),
    );
  }

  /** Finds her through the user's scope, exactly as GET /women/:id does, before anything else is checked. */
  private async run(
    user: AuthenticatedUser,
    id: string,
    apply: (tx: Tx, woman: WomanEntity, now: Date) => Promise<TaskEntity[]>,
  ): Promise<WomanView> {
    const now = this.clock.now();
    const { woman, tasks } = await this.unitOfWork.run(async (tx) => {
      const found = await this.women.findOneInScopeForUpdate(tx, user.scope, id);
      if (!found) throw new NotFoundException('No such woman in your caseload');
      const scheduled = await apply(tx, found, now);
      return { woman: found, tasks: scheduled };
    });
    await this.scheduler.schedule(tasks, now);
    return toWomanView(woman, user.role, this.clock.today());
  }

  private applyRecall(tx: Tx, { woman, body, basis, actor, now }: RecallToApply): Promise<TaskEntity[]> {
    // The new dates must make sense with what is known of her; HMPPS events carry none, so this is here.
    const problems = releaseDateProblems({
      dateOfBirth: woman.dateOfBirth,
      sentenceStartDate: woman.sentenceStartDate,
      receptionDate: body.receptionDate ?? this.clock.today(),
      confirmedReleaseDate: body.confirmedReleaseDate,
      postRecallReleaseDate: body.postRecallReleaseDate,
      postRecallReleaseOverrideDate: body.postRecallReleaseOverrideDate,
      // Her sentence and licence still end when they did: the recall's PRRD must fall within them.
      sentenceExpiryDate: woman.sentenceExpiryDate,
      sentenceExpiryOverrideDate: woman.sentenceExpiryOverrideDate,
      licenceExpiryDate: woman.licenceExpiryDate,
      licenceExpiryOverrideDate: woman.licenceExpiryOverrideDate,
      sentenceAndLicenceExpiryDate: woman.sentenceAndLicenceExpiryDate,
    });
    if (problems.length > 0) throw problemsError(problems);
    return this.movements.recall(
      tx,
      woman,
      {
        prisonCode: body.prisonCode,
        movementReason: body.movementReason,
        receptionDate: body.receptionDate,
        confirmedReleaseDate: body.confirmedReleaseDate,
        postRecallReleaseDate: body.postRecallReleaseDate,
        postRecallReleaseOverrideDate: body.postRecallReleaseOverrideDate,
        basis,
      },
      actor,
      now,
    );
  }

  private inPrisonScope(user: AuthenticatedUser, prisonCode: string): boolean {
    return (
      user.scope.kind === 'ESTATE' || (user.scope.kind === 'PRISONS' && user.scope.prisonCodes.includes(prisonCode))
    );
  }

  /** The receiving prison must be the user's own: decided on the request alone, so it reveals nothing about her. */
  private refuseUnlessOwnPrison(user: AuthenticatedUser, prisonCode: string): void {
    if (user.role !== Role.ADMIN && !user.prisonCodes.includes(prisonCode)) {
      throw new ForbiddenException(
        `You can record recalls only into your own prisons (${user.prisonCodes.join(', ')})`,
      );
    }
  }

  /** The capability table decides who records her movements (the route's guard asked it first). */
  private refuseUnlessRecorder(user: AuthenticatedUser): void {
    const refused = refusal(user, 'movement.record');
    if (refused) throw new ForbiddenException(refused);
  }
}
