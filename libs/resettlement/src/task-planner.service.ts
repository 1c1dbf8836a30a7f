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
  TaskStatus,
  escalationInstants,
  planTasksForPathway,
  recomputeDeadline,
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

export function deadlineAnchorsOf(woman: WomanEntity, needIdentifiedAt: Date | null): DeadlineAnchors {
  return { releaseDate: woman.releaseDate, receptionDate: woman.receptionDate, needIdentifiedAt };
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
  ): Promise<TaskEntity[]> {
    const entries = await this.catalogue.listForPathway(tx, pathway);
    const templates = entries.map(toTaskTemplate);
    const ladders = new Map(entries.map((e) => [e.key, e.escalationLadder]));
    const facts: PlanningFacts = {
      ...deadlineAnchorsOf(woman, needIdentifiedAt),
      custodyStatus: woman.custodyStatus,
      releaseType: woman.releaseType,
      flags: new Set(woman.sensitiveFlags),
      now,
    };
    const existing = new Set((await this.tasks.listOpenForWoman(tx, woman.id)).map((t) => t.templateKey));
    const planned = planTasksForPathway(templates, pathway, facts).filter((p) => !existing.has(p.templateKey));
    const created = await this.tasks.insertMany(
      tx,
      planned.map((p) => ({
        womanId: woman.id,
        pathway: p.pathway,
        templateKey: p.templateKey,
        title: p.title,
        description: p.description,
        ownerRole: p.ownerRole,
        status: TaskStatus.TODO,
        releaseCritical: p.releaseCritical,
        ineligibleReasons: p.ineligibleReasons,
        dueDate: p.deadline?.dueDate ?? null,
        dueAt: p.deadline?.dueAt ?? null,
        atRiskAt: p.deadline?.atRiskAt ?? null,
        escalationAts: p.deadline ? escalationInstants(p.deadline.dueDate, ladderOf(ladders, p.templateKey)) : [],
      })),
    );
    await this.tasks.appendStatusChanges(
      tx,
      created.map((task) => ({
        taskId: task.id,
        fromStatus: null,
        toStatus: TaskStatus.TODO,
        actorId: actor.id,
        reason: 'Created from the task catalogue',
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

  /** Recomputes the deadlines of every open task after her release date (or reception date) changed. */
  async recomputeOpenTaskDeadlines(
    tx: Tx,
    woman: WomanEntity,
    needIdentifiedAtByPathway: Map<Pathway, Date | null>,
    actor: Actor,
    now: Date,
  ): Promise<TaskEntity[]> {
    const entries = await this.catalogue.listInTx(tx);
    const templates = new Map(entries.map((e) => [e.key, toTaskTemplate(e)]));
    const ladders = new Map(entries.map((e) => [e.key, e.escalationLadder]));
    const changes: TaskChange[] = [];
    for (const task of await this.tasks.listOpenForWoman(tx, woman.id)) {
      const templateKey = task.templateKey.replace(new RegExp(`${ALTERNATIVE_SUFFIX}$`), '');
      const template = templates.get(templateKey);
      if (!template) continue;
      const anchors = deadlineAnchorsOf(woman, needIdentifiedAtByPathway.get(task.pathway) ?? null);
      const deadline = recomputeDeadline(template, anchors);
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
}
