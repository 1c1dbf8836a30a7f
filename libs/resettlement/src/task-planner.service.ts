/**
 * Turns a woman's identified needs into tasks from the task catalogue, and moves every open task's
 * deadlines when her release date changes. Shared by the API, the worker and the seed command, so a task
 * is planned the same way whoever causes it.
 */
import { Injectable } from '@nestjs/common';
import { TaskCatalogueRepository, TaskEntity, TasksRepository, toTaskTemplate, Tx, WomanEntity } from '@app/database';
import {
  DEFAULT_ESCALATION_LADDER,
  DeadlineAnchors,
  EscalationStep,
  Pathway,
  PlanningFacts,
  CustodyStatus,
  DeadlineAnchor,
  Role,
  TaskDeadline,
  TaskStatus,
  TaskSubjectType,
  OUTLASTS_RECALL,
  COM_ALLOCATION_TASK_KEY,
  escalationInstants,
  handoverDates,
  isOpenTaskStatus,
  needsComAllocation,
  londonDateOf,
  planTasksForPathway,
  plannedDeadline,
} from '@app/domain';
import { Actor } from './actor';
import { ChangeRecorder, TaskChange } from './change-recorder.service';

const ALTERNATIVE_SUFFIX = '_ALTERNATIVE';

function deadlineTimes(t: {
  dueDate: string | null;
  dueAt: Date | null;
  atRiskAt: Date | null;
}): Record<string, unknown> {
  return { dueDate: t.dueDate, dueAt: t.dueAt?.toISOString() ?? null, atRiskAt: t.atRiskAt?.toISOString() ?? null };
}

function sameInstants(a: readonly Date[], b: readonly Date[]): boolean {
  return a.length === b.length && a.every((at, i) => at.getTime() === b[i]?.getTime());
}

function ladderOf(ladders: Map<string, EscalationStep[]>, templateKey: string): readonly EscalationStep[] {
  return ladders.get(templateKey.replace(new RegExp(`${ALTERNATIVE_SUFFIX}$`), '')) ?? DEFAULT_ESCALATION_LADDER;
}

export function deadlineAnchorsOf(woman: WomanEntity, needIdentifiedAt: Date | null, now: Date): DeadlineAnchors {
  return {
    releaseDate: woman.releaseDate,
    receptionDate: woman.receptionDate,
    needIdentifiedAt,
    comAllocatedDate: handoverDates(woman, londonDateOf(now)).comAllocatedDate,
  };
}

/** Recalled women get a plan squeezed into the days they have left (see the domain's plannedDeadline). */
function compressFrom(woman: WomanEntity, now: Date): string | null {
  return woman.custodyStatus === CustodyStatus.RECALLED ? londonDateOf(now) : null;
}

/** A task that tracks something other than a catalogue need: a referral stage, an ID document application. */
export interface TrackingTaskSpec {
  pathway: Pathway;
  templateKey: string;
  title: string;
  description: string;
  ownerRole: Role;
  releaseCritical: boolean;
  deadline: TaskDeadline | null;
  escalationLadder: readonly EscalationStep[];
  subjectType: TaskSubjectType | null;
  subjectId: string | null;
}

export function taskSnapshot(task: TaskEntity): Record<string, unknown> {
  return {
    title: task.title,
    status: task.status,
    blockedReason: task.blockedReason,
    assigneeId: task.assigneeId,
    claimedByProviderId: task.claimedByProviderId,
    dueDate: task.dueDate,
    dueAt: task.dueAt?.toISOString() ?? null,
    atRiskAt: task.atRiskAt?.toISOString() ?? null,
    version: task.version,
  };
}

@Injectable()
export class TaskPlannerService {
  constructor(
    private readonly catalogue: TaskCatalogueRepository,
    private readonly tasks: TasksRepository,
    private readonly recorder: ChangeRecorder,
  ) {}

  /**
   * Creates the catalogue's tasks for a pathway that has just been marked SUPPORT_REQUIRED. Tasks the
   * woman already has open for that pathway are not duplicated.
   */
  async createTasksForNeed(
    tx: Tx,
    woman: WomanEntity,
    pathway: Pathway,
    needIdentifiedAt: Date,
    actor: Actor,
    now: Date,
    only: (templateKey: string) => boolean = () => true,
  ): Promise<TaskEntity[]> {
    const entries = (await this.catalogue.listForPathway(tx, pathway)).filter((e) => only(e.key));
    const templates = entries.map(toTaskTemplate);
    const ladders = new Map(entries.map((e) => [e.key, e.escalationLadder]));
    const facts: PlanningFacts = {
      ...deadlineAnchorsOf(woman, needIdentifiedAt, now),
      custodyStatus: woman.custodyStatus,
      releaseType: woman.releaseType,
      flags: new Set(woman.sensitiveFlags),
      bankingBarrier: woman.bankingBarrier,
      now,
    };
    const existing = new Set((await this.tasks.listOpenForWoman(tx, woman.id)).map((t) => t.templateKey));
    const planned = planTasksForPathway(templates, pathway, facts).filter((p) => !existing.has(p.templateKey));
    return this.insertTasks(
      tx,
      woman,
      planned.map((p) => ({
        pathway: p.pathway,
        templateKey: p.templateKey,
        title: p.title,
        description: p.description,
        ownerRole: p.ownerRole,
        releaseCritical: p.releaseCritical,
        ineligibleReasons: p.ineligibleReasons,
        dueDate: p.deadline?.dueDate ?? null,
        dueAt: p.deadline?.dueAt ?? null,
        atRiskAt: p.deadline?.atRiskAt ?? null,
        escalationAts: p.deadline ? escalationInstants(p.deadline.dueDate, ladderOf(ladders, p.templateKey)) : [],
      })),
      'Created from the task catalogue',
      actor,
      now,
    );
  }

  /** Recomputes the deadlines of every open task after her release date (or reception date) changed. */
  async recomputeOpenTaskDeadlines(
    tx: Tx,
    woman: WomanEntity,
    needIdentifiedAtByPathway: Map<Pathway, Date | null>,
    actor: Actor,
    now: Date,
    only: (task: TaskEntity) => boolean = () => true,
  ): Promise<TaskEntity[]> {
    const entries = await this.catalogue.listInTx(tx);
    const templates = new Map(entries.map((e) => [e.key, toTaskTemplate(e)]));
    const ladders = new Map(entries.map((e) => [e.key, e.escalationLadder]));
    const changes: TaskChange[] = [];
    for (const task of (await this.tasks.listOpenForWoman(tx, woman.id)).filter(only)) {
      const templateKey = task.templateKey.replace(new RegExp(`${ALTERNATIVE_SUFFIX}$`), '');
      const template = templates.get(templateKey);
      if (!template) continue;
      const anchors = deadlineAnchorsOf(woman, needIdentifiedAtByPathway.get(task.pathway) ?? null, now);
      const deadline = plannedDeadline(template, anchors, compressFrom(woman, now));
      const next = {
        dueDate: deadline?.dueDate ?? null,
        dueAt: deadline?.dueAt ?? null,
        atRiskAt: deadline?.atRiskAt ?? null,
        escalationAts: deadline ? escalationInstants(deadline.dueDate, ladderOf(ladders, templateKey)) : [],
      };
      if (
        next.dueDate === task.dueDate &&
        next.dueAt?.getTime() === task.dueAt?.getTime() &&
        next.atRiskAt?.getTime() === task.atRiskAt?.getTime() &&
        sameInstants(next.escalationAts, task.escalationAts)
      ) {
        continue;
      }
      const updated = await this.tasks.setDeadlines(tx, task.id, next);
      changes.push({
        task: updated,
        action: 'DEADLINE_MOVED',
        before: deadlineTimes(task),
        after: deadlineTimes(next),
      });
    }
    await this.recorder.tasksChanged(tx, woman, changes, actor, now);
    return changes.map((c) => c.task);
  }

  /** Creates tasks that track a referral stage or an application, with their own deadlines and ladders. */
  async createTrackingTasks(
    tx: Tx,
    woman: WomanEntity,
    specs: TrackingTaskSpec[],
    reason: string,
    actor: Actor,
    now: Date,
  ): Promise<TaskEntity[]> {
    return this.insertTasks(
      tx,
      woman,
      specs.map((spec) => ({
        pathway: spec.pathway,
        templateKey: spec.templateKey,
        title: spec.title,
        description: spec.description,
        ownerRole: spec.ownerRole,
        releaseCritical: spec.releaseCritical,
        ineligibleReasons: [],
        dueDate: spec.deadline?.dueDate ?? null,
        dueAt: spec.deadline?.dueAt ?? null,
        atRiskAt: spec.deadline?.atRiskAt ?? null,
        escalationAts: spec.deadline ? escalationInstants(spec.deadline.dueDate, spec.escalationLadder) : [],
        subjectType: spec.subjectType,
        subjectId: spec.subjectId,
      })),
      reason,
      actor,
      now,
    );
  }

  /**
   * Keeps her "allocate her COM" task in step with her case: planned (due on her COM allocated date) while she
   * is sentenced or recalled, in custody and without a COM; closed as done, audited, once a COM is recorded, and
   * as not needed when she no longer needs one (remanded, released, or released at sentence end without
   * supervision). Planned again if she loses her COM. Returns the tasks created, re-dated or closed.
   */
  async syncComAllocationTask(tx: Tx, woman: WomanEntity, actor: Actor, now: Date): Promise<TaskEntity[]> {
    const open = (await this.tasks.listOpenForWoman(tx, woman.id)).filter(
      (t) => t.templateKey === COM_ALLOCATION_TASK_KEY,
    );
    if (needsComAllocation(woman)) {
      // Already planned: re-dated if her dates moved it (a recall makes it due from the day she is back).
      if (open.length > 0) {
        return this.recomputeOpenTaskDeadlines(
          tx,
          woman,
          new Map(),
          actor,
          now,
          (t) => t.templateKey === COM_ALLOCATION_TASK_KEY,
        );
      }
      const entry = (await this.catalogue.listInTx(tx)).find((e) => e.key === COM_ALLOCATION_TASK_KEY && e.active);
      if (!entry) return [];
      const template = toTaskTemplate(entry);
      const deadline = plannedDeadline(template, deadlineAnchorsOf(woman, null, now), null);
      return this.insertTasks(
        tx,
        woman,
        [
          {
            pathway: template.pathway,
            templateKey: template.key,
            title: template.title,
            description: template.description,
            ownerRole: template.ownerRole,
            releaseCritical: template.releaseCritical,
            ineligibleReasons: [],
            dueDate: deadline?.dueDate ?? null,
            dueAt: deadline?.dueAt ?? null,
            atRiskAt: deadline?.atRiskAt ?? null,
            escalationAts: deadline ? escalationInstants(deadline.dueDate, entry.escalationLadder) : [],
          },
        ],
        'She needs a community offender manager and has none',
        actor,
        now,
      );
    }
    if (open.length === 0) return [];
    return woman.comId !== null
      ? this.closeTasks(tx, woman, open, TaskStatus.DONE, 'Community offender manager allocated', actor, now)
      : this.closeTasks(
          tx,
          woman,
          open,
          TaskStatus.NOT_NEEDED,
          'She no longer needs a community offender manager allocated',
          actor,
          now,
        );
  }

  /** Closes the open ones among these tasks (the work happened elsewhere, or is no longer needed), with why. */
  async closeTasks(
    tx: Tx,
    woman: WomanEntity,
    tasks: TaskEntity[],
    status: TaskStatus.DONE | TaskStatus.NOT_NEEDED,
    reason: string,
    actor: Actor,
    now: Date,
  ): Promise<TaskEntity[]> {
    const before = new Map(tasks.map((t) => [t.id, t]));
    const closed = await this.tasks.closeOpen(
      tx,
      tasks.map((t) => t.id),
      status,
      now,
    );
    await this.tasks.appendStatusChanges(
      tx,
      closed.map((task) => ({
        taskId: task.id,
        fromStatus: before.get(task.id)?.status ?? null,
        toStatus: status,
        actorId: actor.id,
        reason,
      })),
    );
    await this.recorder.tasksChanged(
      tx,
      woman,
      closed.map((task) => ({
        task,
        action: 'STATUS_CHANGED' as const,
        before: before.has(task.id) ? taskSnapshot(before.get(task.id) as TaskEntity) : null,
        after: { ...taskSnapshot(task), reason },
      })),
      actor,
      now,
    );
    return closed;
  }

  /**
   * After a recall: the open tasks of her last release plan are closed as superseded, and the needs still
   * open are planned afresh for the new release date (squeezed into the time left). Tasks that track a
   * referral or an application are kept: her CRS referrals stay open across a recall, as the inspection asks.
   */
  async replanAfterRecall(
    tx: Tx,
    woman: WomanEntity,
    openNeeds: { pathway: Pathway; needIdentifiedAt: Date | null }[],
    actor: Actor,
    now: Date,
  ): Promise<{ superseded: TaskEntity[]; created: TaskEntity[] }> {
    const entries = await this.catalogue.listInTx(tx);
    const releaseAnchored = new Set(
      entries.filter((e) => e.deadlineAnchor === DeadlineAnchor.RELEASE).map((e) => e.key),
    );
    const all = await this.tasks.listForWoman(tx, woman.id);
    const lastingDone = new Set(
      all
        .filter((t) => t.status === TaskStatus.DONE && OUTLASTS_RECALL.includes(t.templateKey))
        .map((t) => t.templateKey),
    );
    const open = all.filter((t) => isOpenTaskStatus(t.status));
    const stale = open.filter(
      (t) =>
        t.subjectId === null && releaseAnchored.has(t.templateKey.replace(new RegExp(`${ALTERNATIVE_SUFFIX}$`), '')),
    );
    const superseded = await this.closeTasks(
      tx,
      woman,
      stale,
      TaskStatus.NOT_NEEDED,
      'Superseded by her recall: planned again for the new release date',
      actor,
      now,
    );
    const created: TaskEntity[] = [];
    for (const need of openNeeds) {
      const replan = (key: string): boolean => releaseAnchored.has(key) && !lastingDone.has(key);
      created.push(
        ...(await this.createTasksForNeed(tx, woman, need.pathway, need.needIdentifiedAt ?? now, actor, now, replan)),
      );
    }
    return { superseded, created };
  }

  /**
   * At release the prison's part ends: open tasks owned by the pre-release team or the POM, and the
   * pre-release deadlines of others, are closed with the reason in their status log (the reports count
   * them as not done by release). Post-release tasks and CRS delivery carry on.
   */
  async closePrisonTasksAtRelease(tx: Tx, woman: WomanEntity, actor: Actor, now: Date): Promise<TaskEntity[]> {
    const entries = await this.catalogue.listInTx(tx);
    const preRelease = new Set(
      entries.filter((e) => e.deadlineAnchor === DeadlineAnchor.RELEASE && e.deadlineOffset < 0).map((e) => e.key),
    );
    const open = await this.tasks.listOpenForWoman(tx, woman.id);
    const ending = open.filter(
      (t) =>
        (t.subjectType === null && (t.ownerRole === Role.PRE_RELEASE_TEAM || t.ownerRole === Role.POM)) ||
        preRelease.has(t.templateKey.replace(new RegExp(`${ALTERNATIVE_SUFFIX}$`), '')),
    );
    return this.closeTasks(
      tx,
      woman,
      ending,
      TaskStatus.NOT_NEEDED,
      'Not done by the time she was released',
      actor,
      now,
    );
  }

  /** Every new task starts TODO with a first status-log row, an audit entry and a board event. */
  private async insertTasks(
    tx: Tx,
    woman: WomanEntity,
    rows: Partial<TaskEntity>[],
    reason: string,
    actor: Actor,
    now: Date,
  ): Promise<TaskEntity[]> {
    const created = await this.tasks.insertMany(
      tx,
      rows.map((row) => ({ ...row, womanId: woman.id, status: TaskStatus.TODO })),
    );
    await this.tasks.appendStatusChanges(
      tx,
      created.map((task) => ({
        taskId: task.id,
        fromStatus: null,
        toStatus: TaskStatus.TODO,
        actorId: actor.id,
        reason,
      })),
    );
    await this.recorder.tasksChanged(
      tx,
      woman,
      created.map((task) => ({ task, action: 'CREATED' as const, before: null, after: taskSnapshot(task) })),
      actor,
      now,
    );
    return created;
  }
}
