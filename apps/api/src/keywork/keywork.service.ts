/**
 * Keywork (recommendation 7): sessions recorded per woman with the day and the keyworker, a target for how often
 * she should have one, and one open task that falls due when her next session does. The task's deadline is an
 * ordinary task deadline, so the deadline engine (horizon, reconciler, alerts and the escalation ladder) finds a
 * lapse as it finds any overdue work, from PostgreSQL, whether or not the worker was up when it happened.
 * Recording a session completes the task and plans the next one from her latest session.
 */
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuthenticatedUser } from '@app/auth';
import {
  KeyworkRepository,
  KeyworkSessionEntity,
  TasksRepository,
  Tx,
  UnitOfWork,
  WomanEntity,
  WomenRepository,
} from '@app/database';
import {
  allowedActions,
  DataKind,
  DEFAULT_ESCALATION_LADDER,
  DEFAULT_KEYWORK_FREQUENCY_WEEKS,
  daysBetween,
  isKeyworkOverdue,
  KEYWORK_PATHWAY,
  KEYWORK_TASK_KEY,
  KEYWORK_TASK_OWNER,
  keyworkDeadline,
  keyworkTaskTitle,
  latestSessionDate,
  mayView,
  RELEASED_PRISON_CODE,
  refusal,
  TaskStatus,
} from '@app/domain';
import { Actor, ChangeRecorder, DeadlineScheduler, TaskPlannerService } from '@app/resettlement';
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
    private readonly tasks: TasksRepository,
    private readonly planner: TaskPlannerService,
    private readonly recorder: ChangeRecorder,
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
      const session = await this.keywork.insertSession(tx, {
        womanId,
        prisonCode: woman.prisonCode,
        sessionOn: body.sessionOn,
        keyworkerName,
        recordedById: user.id,
      });
      await this.recorder.caseRecordChanged(tx, {
        woman,
        kind: 'KEYWORK',
        recordId: session.id,
        action: 'SESSION_RECORDED',
        before: null,
        after: { sessionOn: session.sessionOn, keyworkerName, prisonCode: session.prisonCode },
        actor,
        status: 'RECORDED',
      });
      return this.replan(tx, {
        woman,
        closeAs: TaskStatus.DONE,
        reason: `Keywork session recorded for ${body.sessionOn}`,
        actor,
        now,
      });
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
      const before = await this.keywork.findTarget(womanId, tx);
      await this.keywork.saveTarget(tx, { womanId, frequencyWeeks: body.frequencyWeeks, setById: user.id });
      await this.recorder.caseRecordChanged(tx, {
        woman,
        kind: 'KEYWORK',
        recordId: womanId,
        action: 'TARGET_SET',
        before: { frequencyWeeks: before?.frequencyWeeks ?? null },
        after: { frequencyWeeks: body.frequencyWeeks },
        actor,
        status: `EVERY_${body.frequencyWeeks}_WEEKS`,
      });
      return this.replan(tx, {
        woman,
        closeAs: TaskStatus.NOT_NEEDED,
        reason: `Keywork target set to a session every ${body.frequencyWeeks} week(s): planned again`,
        actor,
        now,
      });
    });
    await this.scheduler.schedule(planned, now);
    return this.view(user, womanId);
  }

  /** Closes her open keywork task (if any) and plans the next from her latest session and her target. */
  private async replan(
    tx: Tx,
    {
      woman,
      closeAs,
      reason,
      actor,
      now,
    }: {
      woman: WomanEntity;
      closeAs: TaskStatus.DONE | TaskStatus.NOT_NEEDED;
      reason: string;
      actor: Actor;
      now: Date;
    },
  ) {
    const open = (await this.tasks.listOpenForWoman(tx, woman.id)).filter((t) => t.templateKey === KEYWORK_TASK_KEY);
    await this.planner.closeTasks(tx, { woman, tasks: open, status: closeAs, reason, actor, now });
    const sessions: KeyworkSessionEntity[] = await this.keywork.listSessions(woman.id, tx);
    const target = await this.keywork.findTarget(woman.id, tx);
    const frequencyWeeks = target?.frequencyWeeks ?? DEFAULT_KEYWORK_FREQUENCY_WEEKS;
    const deadline = keyworkDeadline({
      lastSessionOn: latestSessionDate(sessions.map((s) => s.sessionOn)),
      receptionDate: woman.receptionDate,
      frequencyWeeks,
    });
    return this.planner.createTrackingTasks(tx, {
      woman,
      specs: [
        {
          pathway: KEYWORK_PATHWAY,
          templateKey: KEYWORK_TASK_KEY,
          title: keyworkTaskTitle(deadline.dueDate, frequencyWeeks),
          description:
            'Her keyworker should see her by the due date (HMI recommendation 7: regular, good-quality keywork). ' +
            'Record the session here once it has happened; what was said goes in the prison’s own case notes.',
          ownerRole: KEYWORK_TASK_OWNER,
          releaseCritical: false,
          deadline,
          escalationLadder: DEFAULT_ESCALATION_LADDER,
          subjectType: null,
          subjectId: null,
        },
      ],
      reason,
      actor,
      now,
    });
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
