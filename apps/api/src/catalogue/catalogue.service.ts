/**
 * The task catalogue as an admin maintains it. Text edits apply to tasks planned from now on; a change to
 * a deadline rule also moves the deadlines (and queued deadline jobs) of every open task made from it.
 */
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  AuditTrailRepository,
  PathwayStatusesRepository,
  TaskCatalogueEntryEntity,
  TaskCatalogueRepository,
  TasksRepository,
  UnitOfWork,
  WomenRepository,
} from '@app/database';
import { COM_ALLOCATION_TASK_KEY, crsScopeProblem, DeadlineAnchor } from '@app/domain';
import { Actor, DeadlineScheduler, TaskPlannerService } from '@app/resettlement';
import { Clock } from '../common/clock';
import { fieldError } from '../common/validation-errors';
import { UpdateCatalogueEntryDto } from './update-catalogue-entry.dto';
import { sentFields } from '../common/sent-fields';

/**
 * The COM allocated date anchors only the "allocate her COM" task, which is planned from her sentence; a need-driven
 * task anchored on it would never be planned (task-planning.ts), and that task on any other anchor would lose the
 * handover rules (com-allocation.ts). A 400 naming the field; the transaction writes nothing.
 */
function comAllocationAnchorCheck(entry: TaskCatalogueEntryEntity): void {
  const isComTask = entry.key === COM_ALLOCATION_TASK_KEY;
  if ((entry.deadlineAnchor === DeadlineAnchor.COM_ALLOCATED) === isComTask) return;
  throw fieldError(
    'deadlineAnchor',
    isComTask
      ? `${COM_ALLOCATION_TASK_KEY} is due on her COM allocated date: its anchor stays ${DeadlineAnchor.COM_ALLOCATED}`
      : `${DeadlineAnchor.COM_ALLOCATED} anchors only ${COM_ALLOCATION_TASK_KEY}, which is planned from her sentence, not from a need`,
  );
}

@Injectable()
export class CatalogueService {
  constructor(
    private readonly catalogue: TaskCatalogueRepository,
    private readonly audit: AuditTrailRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly tasks: TasksRepository,
    private readonly women: WomenRepository,
    private readonly pathways: PathwayStatusesRepository,
    private readonly planner: TaskPlannerService,
    private readonly scheduler: DeadlineScheduler,
    private readonly clock: Clock,
  ) {}

  list(): Promise<TaskCatalogueEntryEntity[]> {
    return this.catalogue.list();
  }

  async update(key: string, body: UpdateCatalogueEntryDto, actor: Actor): Promise<TaskCatalogueEntryEntity> {
    const saved = await this.unitOfWork.run(async (tx) => {
      const entry = await this.catalogue.findByKeyForUpdate(tx, key);
      if (!entry) throw new NotFoundException(`No catalogue entry ${key}`);
      if (entry.version !== body.version) {
        throw new ConflictException(
          `The entry was changed since you read it (version ${entry.version}): reload and try again`,
        );
      }
      const { version: _v, ...patch } = body;
      const before = { ...entry };
      Object.assign(entry, sentFields(patch));
      comAllocationAnchorCheck(entry);
      // Nothing is written when the edit would give a CRS caseworker work outside the provider's contract
      // (a retired entry plans nothing, so it may keep the scope it had).
      const outOfScope =
        entry.active &&
        crsScopeProblem({
          pathway: entry.pathway,
          ownerRole: entry.ownerRole,
          deadline: { anchor: entry.deadlineAnchor, offset: entry.deadlineOffset, unit: entry.deadlineUnit },
        });
      if (outOfScope) throw fieldError(scopeField(body), outOfScope);
      const saved = await this.catalogue.save(tx, entry);
      await this.audit.append(tx, [
        {
          womanId: null,
          entityType: 'CATALOGUE',
          entityId: key,
          action: 'UPDATED',
          actorId: actor.id,
          actorRole: actor.role,
          before: snapshot(before),
          after: snapshot(saved),
          requestId: actor.requestId,
        },
      ]);
      return saved;
    });
    if (DEADLINE_FIELDS.some((field) => body[field] !== undefined)) await this.moveOpenTasksOf(key, actor);
    return saved;
  }

  /** One transaction per woman, so a catalogue edit never holds locks across the whole estate. */
  private async moveOpenTasksOf(key: string, actor: Actor): Promise<void> {
    for (const womanId of await this.tasks.womanIdsWithOpenTasksOf(key)) {
      const moved = await this.unitOfWork.run(async (tx) => {
        const woman = await this.women.findById(tx, womanId);
        if (!woman) return [];
        const statuses = await this.pathways.listForWomanInTx(tx, womanId);
        const needIdentifiedAt = new Map(statuses.map((p) => [p.pathway, p.needIdentifiedAt]));
        return this.planner.recomputeOpenTaskDeadlines(tx, {
          woman,
          needIdentifiedAtByPathway: needIdentifiedAt,
          actor,
          now: this.clock.now(),
        });
      });
      await this.scheduler.schedule(moved, this.clock.now());
    }
  }
}

const DEADLINE_FIELDS = [
  'deadlineAnchor',
  'deadlineOffset',
  'deadlineUnit',
  'atRiskLeadWorkingDays',
  'escalationLadder',
] as const;

/** The field to name in a scope refusal: the one the edit sent that moved the task out of the contract. */
function scopeField(body: UpdateCatalogueEntryDto): string {
  if (body.ownerRole !== undefined) return 'ownerRole';
  if (body.deadlineAnchor !== undefined) return 'deadlineAnchor';
  if (body.deadlineOffset !== undefined) return 'deadlineOffset';
  return 'active';
}

function snapshot(entry: TaskCatalogueEntryEntity): Record<string, unknown> {
  const { updatedAt: _u, ...fields } = entry;
  return { ...fields };
}
