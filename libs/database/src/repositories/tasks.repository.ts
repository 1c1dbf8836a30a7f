/**
 * Reads and writes tasks. Every read joins the woman and applies the reader's access scope; every write
 * is a conditional UPDATE (status, holder, version) so that concurrent writers cannot overwrite each other.
 */
import { Injectable } from '@nestjs/common';
import { DataSource, In, Repository, SelectQueryBuilder } from 'typeorm';
import { AccessScope, OPEN_TASK_STATUSES, Pathway, Role, ScheduleState, TaskStatus, TaskVisibility } from '@app/domain';
import { TaskEntity, TaskNoteEntity, TaskStatusChangeEntity } from '../entities';
import { entityFromRow, entityPropertyNames } from './entity-columns';
import { countRows, pageTotal, settled } from './page-total';
import { SqlCondition, providerAreaCodes, womenScopeCondition } from './scope-sql';
import { taskColumnsSql, toTaskEntity } from './task-columns';
import { Tx } from './unit-of-work.types';

export interface TaskListFilter {
  now: Date;
  /** What the reader's role may see within her scope (see the domain's taskVisibilityFor). */
  visibility: TaskVisibility;
  womanId?: string;
  prisonCode?: string;
  /** Tasks of women whose release area is served by this provider. */
  providerId?: string;
  assigneeId?: string;
  ownerRole?: Role;
  pathway?: Pathway;
  scheduleState?: ScheduleState;
  status?: TaskStatus;
  limit: number;
  offset: number;
}

export interface TaskRow {
  task: TaskEntity;
  scheduleState: ScheduleState;
  prisonCode: string;
  womanName: string;
  prisonNumber: string;
}

/** SQL twin of the domain's scheduleStateAt: derived at read time, so it is never stale. */
const SCHEDULE_STATE_SQL = `CASE
  WHEN t.status NOT IN ('TODO','IN_PROGRESS','BLOCKED') THEN 'ON_TRACK'
  WHEN t.due_at IS NOT NULL AND t.due_at <= :now THEN 'OVERDUE'
  WHEN t.at_risk_at IS NOT NULL AND t.at_risk_at <= :now THEN 'AT_RISK'
  ELSE 'ON_TRACK' END`;

/** A task read for a change, with what the change's audit entry and board event need of its woman. */
/** A note as it is shown: its author's display name read with it (null: no such user). */
export interface TaskNoteWithAuthor {
  id: string;
  taskId: string;
  authorId: string;
  body: string;
  createdAt: Date;
  authorName: string | null;
}

export interface TaskForChange extends TaskRow {
  /** Her fields the boards' rooms are chosen by. */
  woman: { id: string; prisonCode: string; releaseAreaCode: string; pomId: string | null; comId: string | null };
  /** The provider serving her release area (its rooms hear of some of her tasks). */
  releaseAreaProviderId: string | null;
}

/** A status change as the task's status log records it, beside the change itself. */
export interface StatusChangeEntry {
  fromStatus: TaskStatus;
  reason: string | null;
  actorId: string | null;
}

interface TaskRowExtras {
  schedule_state: ScheduleState;
  prison_code: string;
  woman_name: string;
  prison_number: string;
}

interface TaskForChangeExtras {
  schedule_state: ScheduleState;
  w_prison_code: string;
  w_name: string;
  w_prison_number: string;
  w_release_area_code: string;
  w_pom_id: string | null;
  w_com_id: string | null;
  release_area_provider_id: string | null;
}

export type ClaimOutcome = { claimed: true; task: TaskEntity } | { claimed: false; current: TaskEntity | null };

@Injectable()
export class TasksRepository {
  private readonly tasks: Repository<TaskEntity>;
  private taskPropertyNames?: readonly string[];

  constructor(private readonly dataSource: DataSource) {
    this.tasks = dataSource.getRepository(TaskEntity);
  }

  async listInScope(scope: AccessScope, filter: TaskListFilter): Promise<{ rows: TaskRow[]; total: number }> {
    const areas =
      scope.kind === 'PROVIDER' ? await providerAreaCodes(this.dataSource.manager, scope.providerId) : undefined;
    const qb = this.scopedQuery(scope, filter.visibility, filter.now, areas);
    const filters = listFilterConditions(filter);
    for (const condition of filters) qb.andWhere(condition.sql, condition.params);

    // Beyond one woman's tasks, a page of 200 is usually full and its total must be counted: counted beside the
    // page, on a second connection, rather than after it. A provider's scope and these filters are read from the
    // tasks alone (each carries her release area), so her total is counted without joining the women (a
    // caseworker's tasks to claim, national data set: 6,726 of 55,020 open CRS tasks, 103 ms joined, from one
    // index without).
    const counted =
      scope.kind === 'PROVIDER' && filter.prisonCode === undefined
        ? this.tasksOnlyQuery(
            [...visibilityConditions(scope, filter.visibility, 'w', 't', areas), ...filters],
            filter.now,
          )
        : qb;
    const counting = filter.womanId === undefined ? settled(countRows(counted)) : null;
    const raw = await qb
      .clone()
      .select(taskColumnsSql(this.dataSource, 't'))
      .addSelect(SCHEDULE_STATE_SQL, 'schedule_state')
      .addSelect('w.prison_code', 'prison_code')
      .addSelect("w.first_name || ' ' || w.last_name", 'woman_name')
      .addSelect('w.prison_number', 'prison_number')
      .orderBy('t.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('t.id', 'ASC')
      .limit(filter.limit)
      .offset(filter.offset)
      .getRawMany<Record<string, unknown> & TaskRowExtras>();
    const names = (this.taskPropertyNames ??= entityPropertyNames(this.dataSource, TaskEntity));
    const rows = raw.map((row) => ({
      task: entityFromRow(TaskEntity, row, names),
      scheduleState: row.schedule_state,
      prisonCode: row.prison_code,
      womanName: row.woman_name,
      prisonNumber: row.prison_number,
    }));
    const total = await pageTotal({ ...filter, length: rows.length }, () =>
      (counting ?? settled(countRows(counted)))(),
    );
    return { rows, total };
  }

  /** Tasks under `conditions` that name no column of the woman's. */
  private tasksOnlyQuery(conditions: SqlCondition[], now: Date): SelectQueryBuilder<TaskEntity> {
    const qb = this.tasks.createQueryBuilder('t').setParameter('now', now);
    for (const condition of conditions) qb.andWhere(condition.sql, condition.params);
    return qb;
  }

  async findOneInScope(scope: AccessScope, visibility: TaskVisibility, id: string, now: Date): Promise<TaskRow | null> {
    const { entities, raw } = await this.scopedQuery(scope, visibility, now)
      .andWhere('t.id = :id', { id })
      .getRawAndEntities<{
        schedule_state: ScheduleState;
        prison_code: string;
        woman_name: string;
        prison_number: string;
      }>();
    if (entities.length === 0) return null;
    return {
      task: entities[0],
      scheduleState: raw[0].schedule_state,
      prisonCode: raw[0].prison_code,
      womanName: raw[0].woman_name,
      prisonNumber: raw[0].prison_number,
    };
  }

  /**
   * The task a writer is about to change, read inside her transaction in one statement: only when it is in her scope
   * and visible to her role (else null, her 404), locked until commit so that the checks made on it still hold
   * when it is updated, and with what the change's audit entry and board event need of the woman and her release
   * area's provider, so neither is read again.
   */
  async lockInScopeForChange(
    tx: Tx,
    scope: AccessScope,
    visibility: TaskVisibility,
    id: string,
    now: Date,
  ): Promise<TaskForChange | null> {
    const conditions = visibilityConditions(scope, visibility, 'w', 't');
    const [sql, params] = tx.connection.driver.escapeQueryWithParameters(
      `SELECT ${taskColumnsSql(tx.connection, 't')}, ${SCHEDULE_STATE_SQL} AS schedule_state,
              w.prison_code AS w_prison_code, w.first_name || ' ' || w.last_name AS w_name,
              w.prison_number AS w_prison_number, w.release_area_code AS w_release_area_code,
              w.pom_id AS w_pom_id, w.com_id AS w_com_id,
              (SELECT provider_id FROM release_areas WHERE code = w.release_area_code) AS release_area_provider_id
         FROM tasks t JOIN women w ON w.id = t.woman_id
        WHERE t.id = :id AND ${conditions.map((c) => `(${c.sql})`).join(' AND ')}
          FOR UPDATE OF t`,
      Object.assign({ id, now }, ...conditions.map((c) => c.params)) as Record<string, unknown>,
    );
    const rows = await tx.query<(Record<string, unknown> & TaskForChangeExtras)[]>(sql, params);
    if (rows.length === 0) return null;
    const {
      schedule_state,
      w_prison_code,
      w_name,
      w_prison_number,
      w_release_area_code,
      w_pom_id,
      w_com_id,
      release_area_provider_id,
      ...task
    } = rows[0];
    const entity = toTaskEntity(task);
    return {
      task: entity,
      scheduleState: schedule_state,
      prisonCode: w_prison_code,
      womanName: w_name,
      prisonNumber: w_prison_number,
      woman: {
        id: entity.womanId,
        prisonCode: w_prison_code,
        releaseAreaCode: w_release_area_code,
        pomId: w_pom_id,
        comId: w_com_id,
      },
      releaseAreaProviderId: release_area_provider_id,
    };
  }

  /**
   * Optimistic status change and its status-log row in one statement: applies only when the row still has the
   * version the caller read, and logs only what it applied. Answers the task as it now stands, or null.
   */
  async changeStatusIfVersion(
    tx: Tx,
    id: string,
    expectedVersion: number,
    patch: Pick<TaskEntity, 'status' | 'blockedReason' | 'completedAt'>,
    log: StatusChangeEntry,
  ): Promise<TaskEntity | null> {
    const rows = await tx.query<Record<string, unknown>[]>(
      `WITH changed AS (
         UPDATE tasks t SET status = $3, blocked_reason = $4, completed_at = $5, version = t.version + 1,
                updated_at = CURRENT_TIMESTAMP
          WHERE t.id = $1 AND t.version = $2
         RETURNING ${taskColumnsSql(tx.connection, 't')}),
       logged AS (
         INSERT INTO task_status_changes (task_id, from_status, to_status, reason, actor_id)
         SELECT "id", $6::varchar, "status", $7::text, $8::uuid FROM changed)
       SELECT * FROM changed`,
      [
        id,
        expectedVersion,
        patch.status,
        patch.blockedReason,
        patch.completedAt,
        log.fromStatus,
        log.reason,
        log.actorId,
      ],
    );
    return rows.length === 1 ? toTaskEntity(rows[0]) : null;
  }

  findById(tx: Tx, id: string): Promise<TaskEntity | null> {
    return tx.getRepository(TaskEntity).findOneBy({ id });
  }

  listOpenForWoman(tx: Tx, womanId: string): Promise<TaskEntity[]> {
    return tx
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .where('t.woman_id = :womanId', { womanId })
      .andWhere('t.status = ANY(:open)', { open: OPEN_TASK_STATUSES })
      .getMany();
  }

  /** Women with an open task made from this catalogue entry (or its ineligibility alternative). */
  async womanIdsWithOpenTasksOf(templateKey: string): Promise<string[]> {
    const rows: { woman_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT woman_id FROM tasks WHERE template_key IN ($1, $2) AND status = ANY($3)`,
      [templateKey, `${templateKey}_ALTERNATIVE`, OPEN_TASK_STATUSES],
    );
    return rows.map((r) => r.woman_id);
  }

  /** Open tasks that track one subject (a referral's stages, an ID document application). */
  listOpenForSubject(tx: Tx, subjectId: string): Promise<TaskEntity[]> {
    return tx
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .where('t.subject_id = :subjectId', { subjectId })
      .andWhere('t.status = ANY(:open)', { open: OPEN_TASK_STATUSES })
      .getMany();
  }

  /** Closes whichever of these tasks are still open; a task closed meanwhile by someone else is left alone. */
  async closeOpen(tx: Tx, ids: string[], status: TaskStatus, now: Date): Promise<TaskEntity[]> {
    if (ids.length === 0) return [];
    // TypeORM answers an UPDATE ... RETURNING with [rows, affected].
    const [rows] = await tx.query<[{ id: string }[], number]>(
      `UPDATE tasks SET status = $2, completed_at = $3, blocked_reason = NULL, version = version + 1, updated_at = now()
       WHERE id = ANY($1) AND status = ANY($4) RETURNING id`,
      [ids, status, now, OPEN_TASK_STATUSES],
    );
    if (rows.length === 0) return [];
    return tx.getRepository(TaskEntity).findBy({ id: In(rows.map((r) => r.id)) });
  }

  listForWoman(tx: Tx, womanId: string): Promise<TaskEntity[]> {
    return tx.getRepository(TaskEntity).find({ where: { womanId } });
  }

  insertMany(tx: Tx, tasks: Partial<TaskEntity>[]): Promise<TaskEntity[]> {
    if (tasks.length === 0) return Promise.resolve([]);
    const repo = tx.getRepository(TaskEntity);
    return repo.save(tasks.map((t) => repo.create(t)));
  }

  /**
   * Exclusive claim: one conditional UPDATE, so of many simultaneous claims exactly one matches the row
   * while it is unclaimed and open. The losers get the current holder back.
   */
  async claim(tx: Tx, id: string, userId: string, providerId: string | null, now: Date): Promise<ClaimOutcome> {
    const result = await tx
      .createQueryBuilder()
      .update(TaskEntity)
      .set({ assigneeId: userId, claimedByProviderId: providerId, claimedAt: now, version: () => 'version + 1' })
      .where('id = :id', { id })
      .andWhere('assignee_id IS NULL')
      .andWhere('status = ANY(:open)', { open: OPEN_TASK_STATUSES })
      .returning('*')
      .execute();
    if (result.affected === 1) {
      const task = await tx.getRepository(TaskEntity).findOneByOrFail({ id });
      return { claimed: true, task };
    }
    return { claimed: false, current: await tx.getRepository(TaskEntity).findOneBy({ id }) };
  }

  /** Releases a claim only if the caller's view of the holder is still true. */
  async releaseClaim(tx: Tx, id: string, holderId: string): Promise<TaskEntity | null> {
    const result = await tx
      .createQueryBuilder()
      .update(TaskEntity)
      .set({ assigneeId: null, claimedByProviderId: null, claimedAt: null, version: () => 'version + 1' })
      .where('id = :id', { id })
      .andWhere('assignee_id = :holderId', { holderId })
      .execute();
    return result.affected === 1 ? tx.getRepository(TaskEntity).findOneBy({ id }) : null;
  }

  /** Optimistic update: applies only when the row still has the version the caller read. */
  async updateIfVersion(
    tx: Tx,
    id: string,
    expectedVersion: number,
    patch: Partial<TaskEntity>,
  ): Promise<TaskEntity | null> {
    const result = await tx
      .createQueryBuilder()
      .update(TaskEntity)
      .set({ ...patch, version: () => 'version + 1' })
      .where('id = :id', { id })
      .andWhere('version = :expectedVersion', { expectedVersion })
      .returning(taskColumnsSql(tx.connection, '"tasks"'))
      .execute();
    const rows = result.raw as Record<string, unknown>[];
    return result.affected === 1 && rows.length === 1 ? toTaskEntity(rows[0]) : null;
  }

  /** Moves the deadlines and bumps the deadline revision, so jobs queued for the old ones stand down. */
  async setDeadlines(
    tx: Tx,
    id: string,
    deadline: { dueDate: string | null; dueAt: Date | null; atRiskAt: Date | null; escalationAts: Date[] },
  ): Promise<TaskEntity> {
    await tx
      .createQueryBuilder()
      .update(TaskEntity)
      .set({ ...deadline, deadlineRevision: () => 'deadline_revision + 1', version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
    return tx.getRepository(TaskEntity).findOneByOrFail({ id });
  }

  async appendStatusChanges(tx: Tx, changes: Partial<TaskStatusChangeEntity>[]): Promise<void> {
    if (changes.length > 0) await tx.getRepository(TaskStatusChangeEntity).insert(changes);
  }

  listStatusChanges(taskId: string): Promise<TaskStatusChangeEntity[]> {
    return this.dataSource.getRepository(TaskStatusChangeEntity).find({ where: { taskId }, order: { id: 'ASC' } });
  }

  addNote(tx: Tx, note: Partial<TaskNoteEntity>): Promise<TaskNoteEntity> {
    const repo = tx.getRepository(TaskNoteEntity);
    return repo.save(repo.create(note));
  }

  /**
   * Every note on her tasks, oldest first, with its author's name: one statement, so her detail reads them beside
   * her tasks rather than after them (the caller keeps those of the tasks whose notes the reader may see).
   */
  async listNotesOfWoman(womanId: string): Promise<TaskNoteWithAuthor[]> {
    const rows: TaskNoteWithAuthor[] = await this.dataSource.query(
      `SELECT n.id, n.task_id AS "taskId", n.author_id AS "authorId", n.body, n.created_at AS "createdAt",
              u.display_name AS "authorName"
         FROM task_notes n JOIN tasks t ON t.id = n.task_id LEFT JOIN users u ON u.id = n.author_id
        WHERE t.woman_id = $1
        ORDER BY n.created_at, n.id`,
      [womanId],
    );
    return rows;
  }

  listNotes(taskIds: string[]): Promise<TaskNoteEntity[]> {
    if (taskIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(TaskNoteEntity)
      .createQueryBuilder('n')
      .where('n.task_id = ANY(:taskIds)', { taskIds })
      .orderBy('n.created_at', 'ASC')
      .getMany();
  }

  private scopedQuery(
    scope: AccessScope,
    visibility: TaskVisibility,
    now: Date,
    providerAreas?: readonly string[],
  ): SelectQueryBuilder<TaskEntity> {
    const qb = this.tasks
      .createQueryBuilder('t')
      .innerJoin('t.woman', 'w')
      .addSelect(SCHEDULE_STATE_SQL, 'schedule_state')
      .addSelect('w.prison_code', 'prison_code')
      .addSelect("w.first_name || ' ' || w.last_name", 'woman_name')
      .addSelect('w.prison_number', 'prison_number')
      .setParameter('now', now);
    const [scoped, ...visible] = visibilityConditions(scope, visibility, 'w', 't', providerAreas);
    qb.where(scoped.sql, scoped.params);
    for (const condition of visible) qb.andWhere(condition.sql, condition.params);
    return qb;
  }
}

/** Need to know: the reader's scope on the woman, and what her role may see of the woman's tasks. */
function visibilityConditions(
  scope: AccessScope,
  visibility: TaskVisibility,
  womanAlias: string,
  taskAlias: string,
  providerAreas?: readonly string[],
): SqlCondition[] {
  // A task carries her release area (kept by the database: migration TasksCarryReleaseArea), so a provider's
  // scope is read from the task and its lists filter as they walk the tasks instead of looking up each woman.
  const scopeAlias = scope.kind === 'PROVIDER' ? taskAlias : womanAlias;
  const conditions = [womenScopeCondition(scope, scopeAlias, providerAreas)];
  if (visibility.hiddenPathways.length > 0) {
    conditions.push({
      sql: `${taskAlias}.pathway <> ALL(:hiddenPathways)`,
      params: { hiddenPathways: [...visibility.hiddenPathways] },
    });
  }
  if (visibility.ownerRoleOnly) {
    conditions.push({
      sql: `${taskAlias}.owner_role = :ownerRoleOnly`,
      params: { ownerRoleOnly: visibility.ownerRoleOnly },
    });
  }
  return conditions;
}

/** A task list's own filters (beyond the reader's scope). Only the prison is read from the woman. */
function listFilterConditions(filter: TaskListFilter): SqlCondition[] {
  const conditions: SqlCondition[] = [];
  const add = (sql: string, params: Record<string, unknown>) => conditions.push({ sql, params });
  if (filter.womanId) add('t.woman_id = :womanId', { womanId: filter.womanId });
  if (filter.prisonCode) add('w.prison_code = :prisonCode', { prisonCode: filter.prisonCode });
  if (filter.providerId) {
    add('t.release_area_code IN (SELECT code FROM release_areas WHERE provider_id = :providerId)', {
      providerId: filter.providerId,
    });
  }
  if (filter.assigneeId) add('t.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
  if (filter.ownerRole) add('t.owner_role = :ownerRole', { ownerRole: filter.ownerRole });
  if (filter.pathway) add('t.pathway = :pathway', { pathway: filter.pathway });
  if (filter.status) add('t.status = :status', { status: filter.status });
  if (filter.scheduleState) add(`(${SCHEDULE_STATE_SQL}) = :scheduleState`, { scheduleState: filter.scheduleState });
  return conditions;
}
