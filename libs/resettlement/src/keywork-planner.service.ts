/**
 * Keywork (recommendation 7) inside the caller's transaction: records a session or a target, audits it with its
 * board event, and keeps her one open keywork task due when her next session is (libs/domain/src/keywork.ts).
 * The task's deadline is an ordinary task deadline, so the deadline engine (horizon, reconciler, alerts and the
 * escalation ladder) finds a lapse as it finds any overdue work, from PostgreSQL. Shared by the API and the seed.
 */
import { Injectable } from '@nestjs/common';
import { KeyworkRepository, KeyworkSessionEntity, TaskEntity, TasksRepository, Tx, WomanEntity } from '@app/database';
import {
  DEFAULT_ESCALATION_LADDER,
  DEFAULT_KEYWORK_FREQUENCY_WEEKS,
  KEYWORK_PATHWAY,
  KEYWORK_TASK_KEY,
  KEYWORK_TASK_OWNER,
  keyworkDeadline,
  keyworkTaskTitle,
  latestSessionDate,
  RELEASED_PRISON_CODE,
  TaskStatus,
} from '@app/domain';
import { Actor } from './actor';
import { ChangeRecorder } from './change-recorder.service';
import { TaskPlannerService } from './task-planner.service';

export interface KeyworkSessionToRecord {
  woman: WomanEntity;
  sessionOn: string;
  keyworkerName: string;
  actor: Actor;
  now: Date;
}

export interface KeyworkTargetToSet {
  woman: WomanEntity;
  frequencyWeeks: number;
  actor: Actor;
  now: Date;
}

/** Sessions and targets are recorded by a person (the system actor has no id). */
function personOf(actor: Actor): string {
  if (actor.id === null) throw new TypeError('Keywork is recorded by a member of staff, not by the system');
  return actor.id;
}

@Injectable()
export class KeyworkPlannerService {
  constructor(
    private readonly keywork: KeyworkRepository,
    private readonly tasks: TasksRepository,
    private readonly planner: TaskPlannerService,
    private readonly recorder: ChangeRecorder,
  ) {}

  /** Records the session, completes her open keywork task and plans the next; returns the tasks to schedule. */
  async recordSession(
    tx: Tx,
    { woman, sessionOn, keyworkerName, actor, now }: KeyworkSessionToRecord,
  ): Promise<{ session: KeyworkSessionEntity; planned: TaskEntity[] }> {
    const session = await this.keywork.insertSession(tx, {
      womanId: woman.id,
      prisonCode: woman.prisonCode,
      sessionOn,
      keyworkerName,
      recordedById: personOf(actor),
    });
    await this.recorder.caseRecordChanged(tx, {
      woman,
      kind: 'KEYWORK',
      recordId: session.id,
      action: 'SESSION_RECORDED',
      before: null,
      after: { sessionOn, keyworkerName, prisonCode: session.prisonCode },
      actor,
      status: 'RECORDED',
    });
    const planned = await this.replan(tx, {
      woman,
      closeAs: TaskStatus.DONE,
      reason: `Keywork session recorded for ${sessionOn}`,
      actor,
      now,
    });
    return { session, planned };
  }

  /** Sets how often she should have a session and re-dates her keywork task; returns the tasks to schedule. */
  async setTarget(tx: Tx, { woman, frequencyWeeks, actor, now }: KeyworkTargetToSet): Promise<TaskEntity[]> {
    const before = await this.keywork.findTarget(woman.id, tx);
    await this.keywork.saveTarget(tx, { womanId: woman.id, frequencyWeeks, setById: personOf(actor) });
    await this.recorder.caseRecordChanged(tx, {
      woman,
      kind: 'KEYWORK',
      recordId: woman.id,
      action: 'TARGET_SET',
      before: { frequencyWeeks: before?.frequencyWeeks ?? null },
      after: { frequencyWeeks },
      actor,
      status: `EVERY_${frequencyWeeks}_WEEKS`,
    });
    return this.replan(tx, {
      woman,
      closeAs: TaskStatus.NOT_NEEDED,
      reason: `Keywork target set to a session every ${frequencyWeeks} week(s): planned again`,
      actor,
      now,
    });
  }

  /**
   * At her reception into custody (a new arrival or a recall) her first session is planned, so a lapse is an
   * overdue task before anyone has recorded anything: due her target in weeks after she arrived. Nothing is planned
   * while she is out of custody or when a keywork task is already open. Returns the tasks to schedule.
   */
  async planAtReception(
    tx: Tx,
    { woman, actor, now }: { woman: WomanEntity; actor: Actor; now: Date },
  ): Promise<TaskEntity[]> {
    if (woman.prisonCode === RELEASED_PRISON_CODE) return [];
    const open = (await this.tasks.listOpenForWoman(tx, woman.id)).filter((t) => t.templateKey === KEYWORK_TASK_KEY);
    if (open.length > 0) return [];
    return this.planNext(tx, { woman, reason: 'Planned at her reception into custody', actor, now });
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
  ): Promise<TaskEntity[]> {
    const open = (await this.tasks.listOpenForWoman(tx, woman.id)).filter((t) => t.templateKey === KEYWORK_TASK_KEY);
    await this.planner.closeTasks(tx, { woman, tasks: open, status: closeAs, reason, actor, now });
    return this.planNext(tx, { woman, reason, actor, now });
  }

  /** Plans her open keywork task from her latest session (since her reception) and her target. */
  private async planNext(
    tx: Tx,
    { woman, reason, actor, now }: { woman: WomanEntity; reason: string; actor: Actor; now: Date },
  ): Promise<TaskEntity[]> {
    const sessions = await this.keywork.listSessions(woman.id, tx);
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
            'Record the session in Resettle once it has happened; what was said goes in the prison’s case notes.',
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
}
