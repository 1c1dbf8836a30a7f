/**
 * Turns a woman's identified needs into tasks from the task catalogue, and moves every open task's
 * deadlines when her release date changes. Shared by the API, the worker and the seed command, so a task
 * is planned the same way whoever causes it.
 */
import { Injectable } from '@nestjs/common';
import {
  ReferenceDataRepository,
  TaskCatalogueRepository,
  TaskEntity,
  TasksRepository,
  toTaskTemplate,
  Tx,
  WomanEntity,
} from '@app/database';
import {
  ASSESSMENT_TASK_KEYS,
  AssessmentKind,
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
  hasNeverHersCondition,
  needsComAllocation,
  londonDateOf,
  nationalInsuranceRoute,
  neverHers,
  planReceptionTasks,
  planTasksForPathway,
  PlannedTask,
  plannedDeadline,
  ReleaseCountry,
  asReleaseCountry,
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
    hdcEligibilityDate: woman.hdcEligibilityDate,
    comAllocatedDate: handoverDates(woman, londonDateOf(now)).comAllocatedDate,
  };
}

/**
 * What the catalogue's eligibility reads about her, as at `now`. The nation of her release area is the stored
 * reference data's (release_areas.country), so an area added by an admin is planned by its own nation.
 */
export function planningFactsOf(
  woman: WomanEntity,
  needIdentifiedAt: Date | null,
  now: Date,
  releaseCountry: ReleaseCountry | null,
): PlanningFacts {
  const flags = new Set(woman.sensitiveFlags);
  return {
    ...deadlineAnchorsOf(woman, needIdentifiedAt, now),
    custodyStatus: woman.custodyStatus,
    releaseType: woman.releaseType,
    flags,
    bankingBarrier: woman.bankingBarrier,
    hdcActualDate: woman.hdcActualDate,
    releaseCountry,
    nationalInsuranceRoute: nationalInsuranceRoute({
      hasNationalInsuranceNumber: woman.hasNationalInsuranceNumber,
      flags,
    }),
    now,
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

/** Whose tasks are planned or closed, who is doing it, and when: the inputs every planning step shares. */
export interface PlanningContext {
  woman: WomanEntity;
  actor: Actor;
  now: Date;
}

/** A need of hers, and when it was identified (null when unknown: planned from now). */
export interface OpenNeed {
  pathway: Pathway;
  needIdentifiedAt: Date | null;
}

/** A pathway just marked SUPPORT_REQUIRED, to plan the catalogue's tasks for; `only` narrows them by template key. */
export interface NeedToPlan extends PlanningContext {
  pathway: Pathway;
  needIdentifiedAt: Date;
  only?: (templateKey: string) => boolean;
}

/** Her needs still open, to plan again after her facts changed or she was recalled. */
export interface OpenNeedsToReplan extends PlanningContext {
  openNeeds: OpenNeed[];
}

/** An assessment just recorded, whose reception task is closed as done. */
export interface RecordedAssessment extends PlanningContext {
  kind: AssessmentKind;
}

/** Her open tasks to re-date from her current dates; `only` narrows which. */
export interface DeadlinesToRecompute extends PlanningContext {
  needIdentifiedAtByPathway: Map<Pathway, Date | null>;
  only?: (task: TaskEntity) => boolean;
}

/** Her open tasks to plan again after her release type changed. */
export interface ReleaseTypeReplan extends PlanningContext {
  needIdentifiedAtByPathway: Map<Pathway, Date | null>;
}

/** Tasks that track a referral stage or an application, to create with the reason in their status log. */
export interface TrackingTasksToCreate extends PlanningContext {
  specs: TrackingTaskSpec[];
  reason: string;
}

/** Tasks to close (those still open among them), as done or not needed, and why. */
export interface TasksToClose extends PlanningContext {
  tasks: TaskEntity[];
  status: TaskStatus.DONE | TaskStatus.NOT_NEEDED;
  reason: string;
}

/** Why the tasks her prison's staff own are being closed. */
export interface PrisonTasksToClose extends PlanningContext {
  reason: string;
}

/** Catalogue tasks the planner dated, with the escalation ladder of each template. */
interface PlannedTasksToInsert extends PlanningContext {
  planned: PlannedTask[];
  ladders: Map<string, EscalationStep[]>;
  reason: string;
}

/** Task rows ready to insert, and the reason for their first status-log row. */
interface TaskRowsToInsert extends PlanningContext {
  rows: Partial<TaskEntity>[];
  reason: string;
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
    private readonly reference: ReferenceDataRepository,
  ) {}

  private async releaseCountryOf(tx: Tx, woman: WomanEntity): Promise<ReleaseCountry | null> {
    // A loaded relation may be the area she had before an update changed her code: use it only if it matches.
    const loaded = woman.releaseArea?.code === woman.releaseAreaCode ? woman.releaseArea : null;
    const area = loaded ?? (await this.reference.findReleaseArea(woman.releaseAreaCode, tx));
    return asReleaseCountry(area?.country);
  }

  /**
   * Creates the catalogue's tasks for a pathway that has just been marked SUPPORT_REQUIRED. Tasks the
   * woman already has open for that pathway are not duplicated.
   */
  async createTasksForNeed(
    tx: Tx,
    { woman, pathway, needIdentifiedAt, actor, now, only = () => true }: NeedToPlan,
  ): Promise<TaskEntity[]> {
    const entries = (await this.catalogue.listForPathway(tx, pathway)).filter((e) => only(e.key));
    const templates = entries.map(toTaskTemplate);
    const ladders = new Map(entries.map((e) => [e.key, e.escalationLadder]));
    const existing = new Set((await this.tasks.listOpenForWoman(tx, woman.id)).map((t) => t.templateKey));
    const facts = planningFactsOf(woman, needIdentifiedAt, now, await this.releaseCountryOf(tx, woman));
    const planned = planTasksForPathway(templates, pathway, facts).filter((p) => !existing.has(p.templateKey));
    return this.insertPlanned(tx, { woman, planned, ladders, reason: 'Created from the task catalogue', actor, now });
  }

  /**
   * The tasks every woman gets when she is received into custody (a new arrival or a recall): her immediate
   * needs and pre-release assessments, and protecting her tenancy. Open ones are not duplicated.
   */
  async createReceptionTasks(tx: Tx, { woman, actor, now }: PlanningContext): Promise<TaskEntity[]> {
    const entries = (await this.catalogue.listInTx(tx)).sort((a, b) => a.key.localeCompare(b.key));
    const ladders = new Map(entries.map((e) => [e.key, e.escalationLadder]));
    const existing = new Set((await this.tasks.listOpenForWoman(tx, woman.id)).map((t) => t.templateKey));
    const facts = planningFactsOf(woman, null, now, await this.releaseCountryOf(tx, woman));
    const planned = planReceptionTasks(entries.map(toTaskTemplate), facts).filter((p) => !existing.has(p.templateKey));
    return this.insertPlanned(tx, {
      woman,
      planned,
      ladders,
      reason: 'Created at her reception into custody',
      actor,
      now,
    });
  }

  /**
   * After a fact that decides which tasks are hers has changed (her release area's nation, whether she has her
   * National Insurance number, her flags): open tasks that are no longer hers are closed as not needed, and the
   * ones that now are hers are planned for her open needs (never one she has already done). Returns the new tasks.
   */
  async replanForChangedFacts(tx: Tx, { woman, openNeeds, actor, now }: OpenNeedsToReplan): Promise<TaskEntity[]> {
    const entries = await this.catalogue.listInTx(tx);
    const templates = new Map(entries.map((e) => [e.key, toTaskTemplate(e)]));
    const facts = planningFactsOf(woman, null, now, await this.releaseCountryOf(tx, woman));
    const all = await this.tasks.listForWoman(tx, woman.id);
    const stale = all.filter((t) => {
      const template = templates.get(t.templateKey.replace(new RegExp(`${ALTERNATIVE_SUFFIX}$`), ''));
      return isOpenTaskStatus(t.status) && t.subjectId === null && template !== undefined && neverHers(template, facts);
    });
    await this.closeTasks(tx, {
      woman,
      tasks: stale,
      status: TaskStatus.NOT_NEEDED,
      reason: 'No longer hers: her release area, National Insurance number or circumstances changed',
      actor,
      now,
    });
    const done = new Set(all.filter((t) => t.status === TaskStatus.DONE).map((t) => t.templateKey));
    const conditional = (key: string): boolean => {
      const template = templates.get(key);
      return template !== undefined && hasNeverHersCondition(template) && !done.has(key);
    };
    const created: TaskEntity[] = [];
    for (const need of openNeeds) {
      created.push(
        ...(await this.createTasksForNeed(tx, {
          woman,
          pathway: need.pathway,
          needIdentifiedAt: need.needIdentifiedAt ?? now,
          actor,
          now,
          only: conditional,
        })),
      );
    }
    return created;
  }

  /** Recording an assessment is the work of its reception task: the open one is closed as done. */
  async closeAssessmentTask(tx: Tx, { woman, kind, actor, now }: RecordedAssessment): Promise<TaskEntity[]> {
    const key = ASSESSMENT_TASK_KEYS[kind];
    const open = (await this.tasks.listOpenForWoman(tx, woman.id)).filter((t) => t.templateKey === key);
    return this.closeTasks(tx, {
      woman,
      tasks: open,
      status: TaskStatus.DONE,
      reason: `${kind} assessment recorded`,
      actor,
      now,
    });
  }

  private insertPlanned(
    tx: Tx,
    { woman, planned, ladders, reason, actor, now }: PlannedTasksToInsert,
  ): Promise<TaskEntity[]> {
    return this.insertTasks(tx, {
      woman,
      rows: planned.map((p) => ({
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
      reason,
      actor,
      now,
    });
  }

  /** Recomputes the deadlines of every open task after her release date (or reception date) changed. */
  async recomputeOpenTaskDeadlines(
    tx: Tx,
    { woman, needIdentifiedAtByPathway, actor, now, only = () => true }: DeadlinesToRecompute,
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
    await this.recorder.tasksChanged(tx, { woman, changes, actor, now });
    return changes.map((c) => c.task);
  }

  /**
   * An HDC eligibility date needs an address found and checked in time whatever her assessed needs (HMPPS Home
   * Detention Curfew Policy Framework), so the catalogue's HDC tasks are planned as soon as she has an HDCED, not
   * only when accommodation is marked as a need. Call when the HDCED is first recorded.
   */
  async planHdcTasks(tx: Tx, { woman, actor, now }: PlanningContext): Promise<TaskEntity[]> {
    // Once HDC is granted (an HDC actual date) her curfew address has been approved: nothing left to plan.
    if (!woman.hdcEligibilityDate || woman.hdcActualDate) return [];
    const hdcEntries = (await this.catalogue.listInTx(tx)).filter(
      (e) => e.active && e.deadlineAnchor === DeadlineAnchor.HDC_ELIGIBILITY,
    );
    const hdcKeys = new Set(hdcEntries.map((e) => e.key));
    const pathways = new Set(hdcEntries.map((e) => e.pathway));
    const created: TaskEntity[] = [];
    for (const pathway of pathways) {
      created.push(
        ...(await this.createTasksForNeed(tx, {
          woman,
          pathway,
          needIdentifiedAt: now,
          actor,
          now,
          only: (k) => hdcKeys.has(k),
        })),
      );
    }
    return created;
  }

  /**
   * After her release type changed (a sentence-end release now known, HDC granted): each open catalogue task whose
   * template depends on the release type is swapped for what she would be planned now (the task itself, its
   * alternative, or nothing), so a woman released with no supervision is not left with COM and CRS tasks.
   */
  async replanForReleaseType(
    tx: Tx,
    { woman, needIdentifiedAtByPathway, actor, now }: ReleaseTypeReplan,
  ): Promise<{ closed: TaskEntity[]; created: TaskEntity[] }> {
    const entries = await this.catalogue.listInTx(tx);
    const byKey = new Map(entries.map((e) => [e.key, toTaskTemplate(e)]));
    const stale: TaskEntity[] = [];
    const replan: { pathway: Pathway; key: string }[] = [];
    const releaseCountry = await this.releaseCountryOf(tx, woman);
    for (const task of await this.tasks.listOpenForWoman(tx, woman.id)) {
      if (task.subjectId !== null) continue;
      const key = task.templateKey.replace(new RegExp(`${ALTERNATIVE_SUFFIX}$`), '');
      const template = byKey.get(key);
      if (!template || !(template.eligibility.releaseTypeIn || template.eligibility.releaseTypeNotIn)) continue;
      const facts = planningFactsOf(woman, needIdentifiedAtByPathway.get(task.pathway) ?? null, now, releaseCountry);
      const [planned] = planTasksForPathway([{ ...template, active: true }], task.pathway, facts);
      if (planned?.templateKey === task.templateKey) continue;
      stale.push(task);
      if (planned) replan.push({ pathway: task.pathway, key });
    }
    const closed = await this.closeTasks(tx, {
      woman,
      tasks: stale,
      status: TaskStatus.NOT_NEEDED,
      reason: 'Her release type changed: planned again for how she will be released',
      actor,
      now,
    });
    const created: TaskEntity[] = [];
    for (const { pathway, key } of replan) {
      const needIdentifiedAt = needIdentifiedAtByPathway.get(pathway) ?? now;
      created.push(
        ...(await this.createTasksForNeed(tx, {
          woman,
          pathway,
          needIdentifiedAt,
          actor,
          now,
          only: (k) => k === key,
        })),
      );
    }
    return { closed, created };
  }

  /** Creates tasks that track a referral stage or an application, with their own deadlines and ladders. */
  async createTrackingTasks(
    tx: Tx,
    { woman, specs, reason, actor, now }: TrackingTasksToCreate,
  ): Promise<TaskEntity[]> {
    return this.insertTasks(tx, {
      woman,
      rows: specs.map((spec) => ({
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
    });
  }

  /**
   * Keeps her "allocate her COM" task in step with her case: planned (due on her COM allocated date) while she
   * is sentenced or recalled, in custody and without a COM; closed as done, audited, once a COM is recorded, and
   * as not needed when she no longer needs one (remanded, released, or released at sentence end without
   * supervision). Planned again if she loses her COM. Returns the tasks created, re-dated or closed.
   */
  async syncComAllocationTask(tx: Tx, { woman, actor, now }: PlanningContext): Promise<TaskEntity[]> {
    const open = (await this.tasks.listOpenForWoman(tx, woman.id)).filter(
      (t) => t.templateKey === COM_ALLOCATION_TASK_KEY,
    );
    if (needsComAllocation(woman)) {
      // Already planned: re-dated if her dates moved it (a recall makes it due from the day she is back).
      if (open.length > 0) {
        return this.recomputeOpenTaskDeadlines(tx, {
          woman,
          needIdentifiedAtByPathway: new Map(),
          actor,
          now,
          only: (t) => t.templateKey === COM_ALLOCATION_TASK_KEY,
        });
      }
      const entry = (await this.catalogue.listInTx(tx)).find((e) => e.key === COM_ALLOCATION_TASK_KEY && e.active);
      if (!entry) return [];
      const template = toTaskTemplate(entry);
      const deadline = plannedDeadline(template, deadlineAnchorsOf(woman, null, now), null);
      return this.insertTasks(tx, {
        woman,
        rows: [
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
        reason: 'She needs a community offender manager and has none',
        actor,
        now,
      });
    }
    if (open.length === 0) return [];
    return woman.comId !== null
      ? this.closeTasks(tx, {
          woman,
          tasks: open,
          status: TaskStatus.DONE,
          reason: 'Community offender manager allocated',
          actor,
          now,
        })
      : this.closeTasks(tx, {
          woman,
          tasks: open,
          status: TaskStatus.NOT_NEEDED,
          reason: 'She no longer needs a community offender manager allocated',
          actor,
          now,
        });
  }

  /** Closes the open ones among these tasks (the work happened elsewhere, or is no longer needed), with why. */
  async closeTasks(tx: Tx, { woman, tasks, status, reason, actor, now }: TasksToClose): Promise<TaskEntity[]> {
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
    await this.recorder.tasksChanged(tx, {
      woman,
      changes: closed.map((task) => ({
        task,
        action: 'STATUS_CHANGED' as const,
        before: before.has(task.id) ? taskSnapshot(before.get(task.id) as TaskEntity) : null,
        after: { ...taskSnapshot(task), reason },
      })),
      actor,
      now,
    });
    return closed;
  }

  /**
   * After a recall: the open tasks of her last release plan are closed as superseded, and the needs still
   * open are planned afresh for the new release date (squeezed into the time left). Tasks that track a
   * referral or an application are kept: her CRS referrals stay open across a recall, as the inspection asks.
   */
  async replanAfterRecall(
    tx: Tx,
    { woman, openNeeds, actor, now }: OpenNeedsToReplan,
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
    const superseded = await this.closeTasks(tx, {
      woman,
      tasks: stale,
      status: TaskStatus.NOT_NEEDED,
      reason: 'Superseded by her recall: planned again for the new release date',
      actor,
      now,
    });
    const created: TaskEntity[] = [];
    for (const need of openNeeds) {
      const replan = (key: string): boolean => releaseAnchored.has(key) && !lastingDone.has(key);
      created.push(
        ...(await this.createTasksForNeed(tx, {
          woman,
          pathway: need.pathway,
          needIdentifiedAt: need.needIdentifiedAt ?? now,
          actor,
          now,
          only: replan,
        })),
      );
    }
    return { superseded, created };
  }

  /**
   * At release the prison's part ends: open tasks owned by the pre-release team or the POM, and the
   * pre-release deadlines of others, are closed with the reason in their status log (the reports count
   * them as not done by release). Post-release tasks and CRS delivery carry on.
   */
  async closePrisonTasksAtRelease(tx: Tx, { woman, actor, now }: PlanningContext): Promise<TaskEntity[]> {
    const entries = await this.catalogue.listInTx(tx);
    // HDC address work counted back from her HDCED is pre-release work too.
    const preRelease = new Set(
      entries
        .filter(
          (e) =>
            (e.deadlineAnchor === DeadlineAnchor.RELEASE && e.deadlineOffset < 0) ||
            e.deadlineAnchor === DeadlineAnchor.HDC_ELIGIBILITY,
        )
        .map((e) => e.key),
    );
    const open = await this.tasks.listOpenForWoman(tx, woman.id);
    const ending = open.filter(
      (t) =>
        (t.subjectType === null && (t.ownerRole === Role.PRE_RELEASE_TEAM || t.ownerRole === Role.POM)) ||
        preRelease.has(t.templateKey.replace(new RegExp(`${ALTERNATIVE_SUFFIX}$`), '')),
    );
    return this.closeTasks(tx, {
      woman,
      tasks: ending,
      status: TaskStatus.NOT_NEEDED,
      reason: 'Not done by the time she was released',
      actor,
      now,
    });
  }

  /**
   * She has gone from the prison to a secure hospital (Mental Health Act 1983 s.47/s.48): the tasks the prison's
   * staff own can no longer be done by them, so they close as not needed, saying why. The COM's and the CRS
   * provider's tasks stay open: she may be remitted to prison or released on licence from hospital (s.50(1)).
   */
  async closePrisonOwnedTasks(tx: Tx, { woman, reason, actor, now }: PrisonTasksToClose): Promise<TaskEntity[]> {
    const open = await this.tasks.listOpenForWoman(tx, woman.id);
    const prisonOwned = open.filter((t) => t.ownerRole === Role.PRE_RELEASE_TEAM || t.ownerRole === Role.POM);
    return this.closeTasks(tx, { woman, tasks: prisonOwned, status: TaskStatus.NOT_NEEDED, reason, actor, now });
  }

  /** Every new task starts TODO with a first status-log row, an audit entry and a board event. */
  private async insertTasks(tx: Tx, { woman, rows, reason, actor, now }: TaskRowsToInsert): Promise<TaskEntity[]> {
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
    await this.recorder.tasksChanged(tx, {
      woman,
      changes: created.map((task) => ({ task, action: 'CREATED' as const, before: null, after: taskSnapshot(task) })),
      actor,
      now,
    });
    return created;
  }
}
