/**
 * Turns a woman's identified needs into tasks from the task catalogue, and moves every open task's
 * deadlines when her release date changes. Shared by the API, the worker and the seed command, so a task
 * is planned the same way whoever causes it.
 */
import { Injectable } from '@nestjs/common';
import {
  AuditEntry,
  AuditTrailRepository,
  TaskCatalogueRepository,
  TaskEntity,
  TasksRepository,
  toTaskTemplate,
  Tx,
  WomanEntity,
} from '@app/database';
import {
  DeadlineAnchors,
  Pathway,
  PlanningFacts,
  TaskStatus,
  planTasksForPathway,
  recomputeDeadline,
} from '@app/domain';
import { Actor } from './actor';

const ALTERNATIVE_SUFFIX = '_ALTERNATIVE';

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
    private readonly audit: AuditTrailRepository,
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
    const templates = (await this.catalogue.listForPathway(tx, pathway)).map(toTaskTemplate);
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
      })),
    );
    for (const task of created) {
      await this.tasks.appendStatusChange(tx, {
        taskId: task.id,
        fromStatus: null,
        toStatus: TaskStatus.TODO,
        actorId: actor.id,
        reason: 'Created from the task catalogue',
      });
    }
    await this.audit.append(
      tx,
      created.map((task) => this.auditEntry(woman.id, task, 'CREATED', null, taskSnapshot(task), actor)),
    );
    return created;
  }

  /** Recomputes the deadlines of every open task after her release date (or reception date) changed. */
  async recomputeOpenTaskDeadlines(
    tx: Tx,
    woman: WomanEntity,
    needIdentifiedAtByPathway: Map<Pathway, Date | null>,
    actor: Actor,
  ): Promise<number> {
    const templates = new Map((await this.catalogue.listInTx(tx)).map((e) => [e.key, toTaskTemplate(e)]));
    let moved = 0;
    for (const task of await this.tasks.listOpenForWoman(tx, woman.id)) {
      const template = templates.get(task.templateKey.replace(new RegExp(`${ALTERNATIVE_SUFFIX}$`), ''));
      if (!template) continue;
      const anchors = deadlineAnchorsOf(woman, needIdentifiedAtByPathway.get(task.pathway) ?? null);
      const deadline = recomputeDeadline(template, anchors);
      const next = {
        dueDate: deadline?.dueDate ?? null,
        dueAt: deadline?.dueAt ?? null,
        atRiskAt: deadline?.atRiskAt ?? null,
      };
      if (
        next.dueDate === task.dueDate &&
        next.dueAt?.getTime() === task.dueAt?.getTime() &&
        next.atRiskAt?.getTime() === task.atRiskAt?.getTime()
      ) {
        continue;
      }
      await this.tasks.setDeadlines(tx, task.id, next);
      await this.audit.append(tx, [
        this.auditEntry(
          woman.id,
          task,
          'DEADLINE_MOVED',
          {
            dueDate: task.dueDate,
            dueAt: task.dueAt?.toISOString() ?? null,
            atRiskAt: task.atRiskAt?.toISOString() ?? null,
          },
          {
            dueDate: next.dueDate,
            dueAt: next.dueAt?.toISOString() ?? null,
            atRiskAt: next.atRiskAt?.toISOString() ?? null,
          },
          actor,
        ),
      ]);
      moved += 1;
    }
    return moved;
  }

  private auditEntry(
    womanId: string,
    task: TaskEntity,
    action: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
    actor: Actor,
  ): AuditEntry {
    return {
      womanId,
      entityType: 'TASK',
      entityId: task.id,
      action,
      actorId: actor.id,
      actorRole: actor.role,
      before,
      after,
      requestId: actor.requestId,
    };
  }
}
