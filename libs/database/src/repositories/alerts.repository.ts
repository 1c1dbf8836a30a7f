/** Alerts: raised at most once per task, threshold and deadline revision; acknowledged by a person. */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessScope, Pathway, Role, TaskVisibility } from '@app/domain';
import { AlertEntity } from '../entities';
import { entityColumnsSql, entityFromRow, entityPropertyNames } from './entity-columns';
import { womenScopeCondition } from './scope-sql';
import { Tx } from './unit-of-work.types';

/** An alert with the words a person needs to act on it: the task's title and whom it is about. */
export interface AlertRow {
  alert: AlertEntity;
  task: { title: string; pathway: Pathway; ownerRole: Role };
  woman: { id: string; prisonNumber: string; firstName: string; lastName: string; prisonCode: string };
}

/** What raising an alert writes; the database adds its id and time. */
export type NewAlert = Pick<
  AlertEntity,
  'taskId' | 'womanId' | 'kind' | 'level' | 'deadlineRevision' | 'thresholdAt' | 'recipients'
>;

interface InsertedAlertRow {
  id: string;
  task_id: string;
  woman_id: string;
  kind: AlertEntity['kind'];
  level: number;
  deadline_revision: number;
  threshold_at: Date;
  recipients: AlertEntity['recipients'];
  created_at: Date;
  acknowledged_by_id: string | null;
  acknowledged_at: Date | null;
}

function alertFromRow(row: InsertedAlertRow): AlertEntity {
  return Object.assign(new AlertEntity(), {
    id: row.id,
    taskId: row.task_id,
    womanId: row.woman_id,
    kind: row.kind,
    level: row.level,
    deadlineRevision: row.deadline_revision,
    thresholdAt: row.threshold_at,
    recipients: row.recipients,
    createdAt: row.created_at,
    acknowledgedById: row.acknowledged_by_id,
    acknowledgedAt: row.acknowledged_at,
  });
}

interface AlertRowExtras {
  task_title: string;
  task_pathway: Pathway;
  task_owner_role: Role;
  prison_number: string;
  first_name: string;
  last_name: string;
  prison_code: string;
}

@Injectable()
export class AlertsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private alertPropertyNames?: readonly string[];

  /** Inserts the alerts that do not exist yet and returns only those (the others were raised before). */
  /**
   * Inserts the alerts that do not exist yet (the unique key per threshold makes a second raising a no-op) and
   * returns those it inserted. One statement over column arrays, whatever the number: a burst's batch of 1,000 was
   * a 7,000-parameter INSERT built by the query builder, then read back.
   */
  async insertNew(tx: Tx, alerts: NewAlert[]): Promise<AlertEntity[]> {
    if (alerts.length === 0) return [];
    const rows: InsertedAlertRow[] = await tx.query(
      `INSERT INTO alerts (task_id, woman_id, kind, level, deadline_revision, threshold_at, recipients)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::int[], $5::int[], $6::timestamptz[], $7::jsonb[])
       ON CONFLICT DO NOTHING
       RETURNING id, task_id, woman_id, kind, level, deadline_revision, threshold_at, recipients, created_at,
                 acknowledged_by_id, acknowledged_at`,
      [
        alerts.map((a) => a.taskId),
        alerts.map((a) => a.womanId),
        alerts.map((a) => a.kind),
        alerts.map((a) => a.level),
        alerts.map((a) => a.deadlineRevision),
        alerts.map((a) => a.thresholdAt),
        alerts.map((a) => JSON.stringify(a.recipients)),
      ],
    );
    return rows.map(alertFromRow);
  }

  /** Task ids (of these) that have an acknowledged alert at their current deadline revision. */
  async acknowledgedTaskIds(tx: Tx, tasks: { id: string; deadlineRevision: number }[]): Promise<Set<string>> {
    if (tasks.length === 0) return new Set();
    const rows: { task_id: string }[] = await tx.query(
      `SELECT DISTINCT a.task_id FROM alerts a
         JOIN unnest($1::uuid[], $2::int[]) AS t(id, rev) ON a.task_id = t.id AND a.deadline_revision = t.rev
        WHERE a.acknowledged_at IS NOT NULL`,
      [tasks.map((t) => t.id), tasks.map((t) => t.deadlineRevision)],
    );
    return new Set(rows.map((r) => r.task_id));
  }

  findById(id: string): Promise<AlertEntity | null> {
    return this.dataSource.getRepository(AlertEntity).findOneBy({ id });
  }

  async acknowledge(tx: Tx, id: string, userId: string, at: Date): Promise<AlertEntity | null> {
    const result = await tx
      .createQueryBuilder()
      .update(AlertEntity)
      .set({ acknowledgedById: userId, acknowledgedAt: at })
      .where('id = :id', { id })
      .andWhere('acknowledged_at IS NULL')
      .execute();
    return result.affected === 1 ? tx.getRepository(AlertEntity).findOneBy({ id }) : null;
  }

  /** Alerts on tasks the reader may see, newest first, named by task and woman. */
  async listInScope(
    scope: AccessScope,
    visibility: TaskVisibility,
    filter: { onlyOpen: boolean; prisonCode?: string; womanId?: string; alertId?: string; limit: number },
  ): Promise<AlertRow[]> {
    // A prison's panel asks for its women's alerts by id, the ids read first in the same statement: joined on the
    // prison code instead, the planner chose a parallel scan of all 140,450 women for one prison's 514 (66 ms
    // against 15 ms; bench:national's alerts panel).
    const condition =
      scope.kind === 'PRISONS' && !filter.alertId && !filter.womanId
        ? {
            sql: 'a.woman_id = ANY(ARRAY(SELECT id FROM women WHERE prison_code = ANY(:scopePrisonCodes)))',
            params: { scopePrisonCodes: [...scope.prisonCodes] },
          }
        : womenScopeCondition(scope, 'w');
    const qb = this.dataSource
      .getRepository(AlertEntity)
      .createQueryBuilder('a')
      .innerJoin('tasks', 't', 't.id = a.task_id')
      .innerJoin('women', 'w', 'w.id = a.woman_id')
      // The alert as the entity by its column list (entity-columns.ts): 500 rows through TypeORM's hydration
      // cost more than the statement.
      .select(entityColumnsSql(this.dataSource, AlertEntity, 'a'))
      .addSelect('t.title', 'task_title')
      .addSelect('t.pathway', 'task_pathway')
      .addSelect('t.owner_role', 'task_owner_role')
      .addSelect('w.prison_number', 'prison_number')
      .addSelect('w.first_name', 'first_name')
      .addSelect('w.last_name', 'last_name')
      .addSelect('w.prison_code', 'prison_code')
      .where(condition.sql, condition.params)
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .limit(filter.limit);
    if (visibility.hiddenPathways.length > 0)
      qb.andWhere('t.pathway <> ALL(:hidden)', { hidden: [...visibility.hiddenPathways] });
    if (visibility.ownerRoleOnly)
      qb.andWhere('t.owner_role = :ownerRoleOnly', { ownerRoleOnly: visibility.ownerRoleOnly });
    if (filter.onlyOpen) qb.andWhere('a.acknowledged_at IS NULL');
    if (filter.prisonCode) qb.andWhere('w.prison_code = :prisonCode', { prisonCode: filter.prisonCode });
    if (filter.womanId) qb.andWhere('a.woman_id = :womanId', { womanId: filter.womanId });
    if (filter.alertId) qb.andWhere('a.id = :alertId', { alertId: filter.alertId });
    const rows = await qb.getRawMany<Record<string, unknown> & AlertRowExtras>();
    const names = (this.alertPropertyNames ??= entityPropertyNames(this.dataSource, AlertEntity));
    return rows.map((row) => ({
      alert: entityFromRow(AlertEntity, row, names),
      task: { title: row.task_title, pathway: row.task_pathway, ownerRole: row.task_owner_role },
      woman: {
        id: row.womanId as string,
        prisonNumber: row.prison_number,
        firstName: row.first_name,
        lastName: row.last_name,
        prisonCode: row.prison_code,
      },
    }));
  }
}
