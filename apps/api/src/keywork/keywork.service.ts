/**
 * Keywork (recommendation 7) through the API: who may see and record it (the policy module), the checks on what
 * is sent, and her keywork view; the recording itself, with its task, is KeyworkPlannerService's.
 */
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuthenticatedUser } from '@app/auth';
import { KeyworkRepository, Tx, UnitOfWork, WomanEntity, WomenRepository } from '@app/database';
import {
  allowedActions,
  DataKind,
  DEFAULT_KEYWORK_FREQUENCY_WEEKS,
  daysBetween,
  isKeyworkOverdue,
  keyworkDeadline,
  latestSessionDate,
  mayView,
  RELEASED_PRISON_CODE,
  refusal,
} from '@app/domain';
import { Actor, DeadlineScheduler, KeyworkPlannerService } from '@app/resettlement';
import type { Action, KeyworkView } from '@app/contracts';
import { Clock } from '../common/clock';
import { fieldError } from '../common/validation-errors';
import { RecordKeyworkSessionDto, SetKeyworkTargetDto } from './keywork.dto';

function inCustody(woman: WomanEntity): boolean {
  return woman.prisonCode !== RELEASED_PRISON_CODE;
}

@Injectable()
export class KeyworkService {
  constructor(
    private readonly keywork: KeyworkRepository,
    private readonly women: WomenRepository,
    private readonly planner: KeyworkPlannerService,
    private readonly scheduler: DeadlineScheduler,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async view(user: AuthenticatedUser, womanId: string): Promise<KeyworkView> {
    const woman = await this.visibleWoman(user, womanId);
    const [sessions, target] = await Promise.all([
      this.keywork.listSessions(womanId),
      this.keywork.findTarget(womanId),
    ]);
    const frequencyWeeks = target?.frequencyWeeks ?? DEFAULT_KEYWORK_FREQUENCY_WEEKS;
    const lastSessionOn = latestSessionDate(sessions.map((s) => s.sessionOn));
    const facts = { lastSessionOn, receptionDate: woman.receptionDate, frequencyWeeks };
    const due = inCustody(woman) ? keyworkDeadline(facts) : null;
    return {
      womanId,
      frequencyWeeks,
      targetIsDefault: target === null,
      lastSessionOn,
      nextDue:
        due === null
          ? null
          : {
              dueDate: due.dueDate,
              dueAt: due.dueAt.toISOString(),
              atRiskAt: due.atRiskAt.toISOString(),
              overdue: isKeyworkOverdue(facts, this.clock.now()),
            },
      sessions: sessions.map((s) => ({
        id: s.id,
        sessionOn: s.sessionOn,
        keyworkerName: s.keyworkerName,
        prisonCode: s.prisonCode,
        recordedById: s.recordedById,
        createdAt: s.createdAt.toISOString(),
      })),
      allowedActions: allowedActions(user, { kind: 'keywork', inCustody: inCustody(woman) }),
    };
  }

  async recordSession(
    user: AuthenticatedUser,
    womanId: string,
    body: RecordKeyworkSessionDto,
    actor: Actor,
  ): Promise<KeyworkView> {
    this.refuseUnless(user, 'keywork.record');
    const now = this.clock.now();
    if (daysBetween(this.clock.today(), body.sessionOn) > 0) {
      throw fieldError('sessionOn', 'sessionOn cannot be in the future: record a session once it has taken place');
    }
    const planned = await this.unitOfWork.run(async (tx) => {
      const woman = await this.lockedWoman(tx, user, womanId);
      this.refuseUnlessInCustody(woman);
      if (daysBetween(woman.receptionDate, body.sessionOn) < 0) {
        throw fieldError('sessionOn', `sessionOn cannot be before she arrived (${woman.receptionDate})`);
      }
      const keyworkerName = body.keyworkerName?.trim() || woman.keyworkerName?.trim() || null;
      if (!keyworkerName) {
        throw fieldError('keyworkerName', 'keyworkerName is required: her record names no keyworker');
      }
      const recorded = await this.planner.recordSession(tx, {
        woman,
        sessionOn: body.sessionOn,
        keyworkerName,
        actor,
        now,
      });
      return recorded.planned;
    });
    await this.scheduler.schedule(planned, now);
    return this.view(user, womanId);
  }

  async setTarget(
    user: AuthenticatedUser,
    womanId: string,
    body: SetKeyworkTargetDto,
    actor: Actor,
  ): Promise<KeyworkView> {
    this.refuseUnless(user, 'keywork.set-target');
    const now = this.clock.now();
    const planned = await this.unitOfWork.run(async (tx) => {
      const woman = await this.lockedWoman(tx, user, womanId);
      this.refuseUnlessInCustody(woman);
      return this.planner.setTarget(tx, { woman, frequencyWeeks: body.frequencyWeeks, actor, now });
    });
    await this.scheduler.schedule(planned, now);
    return this.view(user, womanId);
  }

  private refuseUnless(user: AuthenticatedUser, action: Action): void {
    const refused = refusal(user, action);
    if (refused) throw new ForbiddenException(refused);
  }

  private refuseUnlessInCustody(woman: WomanEntity): void {
    if (!inCustody(woman))
      throw new ConflictException('She has left custody: keywork is recorded while she is in prison');
  }

  /** Reads ask the visibility policy: keywork goes only to the roles it names, within their scope of women. */
  private async visibleWoman(user: AuthenticatedUser, womanId: string): Promise<WomanEntity> {
    if (!mayView(user.role, DataKind.KEYWORK)) {
      throw new ForbiddenException(`Keywork is not shown to the ${user.role} role`);
    }
    const woman = await this.women.findOneInScope(user.scope, womanId);
    if (!woman) throw new NotFoundException('No such woman in your caseload');
    return woman;
  }

  private async lockedWoman(tx: Tx, user: AuthenticatedUser, womanId: string): Promise<WomanEntity> {
    const woman = await this.women.findOneInScopeForUpdate(tx, user.scope, womanId);
    if (!woman) throw new NotFoundException('No such woman in your caseload');
    return woman;
  }
}
