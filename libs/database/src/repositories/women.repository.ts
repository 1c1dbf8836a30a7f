/** Reads and writes women, always through the reader's access scope. */
import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { AccessScope, OPEN_TASK_STATUSES, Pathway, PathwayStatus, Role, TaskVisibility } from '@app/domain';
import { WomanEntity } from '../entities';
import { entityColumnsSql, entityFromRow, entityPropertyNames } from './entity-columns';
import { pageTotal } from './page-total';
import { womenScopeCondition } from './scope-sql';
import { Tx } from './unit-of-work.types';
import type { TaskCounts, WomanTaskCounts } from '@app/contracts';
export type { TaskCounts, TaskCountsByPathway, WomanTaskCounts } from '@app/contracts';

export interface WomenListFilter {
  prisonCode?: string;
  /** Only women whose release date falls between today and today + this many days. */
  releaseWithinDays?: number;
  today: string;
  now: Date;
  /** Task counts include only the tasks the reader may see. */
  visibility: TaskVisibility;
  limit: number;
  offset: number;
}

function emptyCounts(): WomanTaskCounts {
  return { open: 0, atRisk: 0, overdue: 0, byPathway: {}, byOwnerRole: {} };
}

function addTo(total: TaskCounts, counts: TaskCounts): void {
  total.open += counts.open;
  total.atRisk += counts.atRisk;
  total.overdue += counts.overdue;
}

/** One (pathway, owner role) group of a woman's open tasks, as the board's statement answers it. */
type TaskCountRow = [Pathway, Role, number, number, number];

function toTaskCounts(groups: TaskCountRow[]): WomanTaskCounts {
  const total = emptyCounts();
  for (const [pathway, ownerRole, open, atRisk, overdue] of groups) {
    const counts = { open, atRisk, overdue };
    addTo(total, counts);
    addTo((total.byPathway[pathway] ??= { open: 0, atRisk: 0, overdue: 0 }), counts);
    const role = (total.byOwnerRole[ownerRole] ??= { open: 0, atRisk: 0, overdue: 0, byPathway: {} });
    addTo(role, counts);
    role.byPathway[pathway] = counts;
  }
  return total;
}

const OPEN_STATUSES_SQL = OPEN_TASK_STATUSES.map((status) => `'${status}'`).join(', ');

/** Her status on one pathway, as a board card shows it. */
export interface BoardPathwayStatus {
  pathway: Pathway;
  status: PathwayStatus;
  needIdentifiedAt: Date | null;
}

export interface WomanListRow {
  woman: WomanEntity;
  taskCounts: WomanTaskCounts;
  pathways: BoardPathwayStatus[];
}

/** One pathway status as the board's statement answers it: the time as JSON gives it (ISO 8601, with its offset). */
type PathwayStatusRow = [Pathway, PathwayStatus, string | null];

@Injectable()
export class WomenRepository {
  private readonly women: Repository<WomanEntity>;
  private columnsSql?: string;
  private womanPropertyNames?: readonly string[];

  constructor(private readonly dataSource: DataSource) {
    this.women = dataSource.getRepository(WomanEntity);
  }

  /**
   * A board's page of women with their task counts and pathway statuses, in one statement: the counts come from each
   * woman's open tasks in tasks_open_by_woman, and the rows are mapped by hand (entity-columns.ts). The total is counted only when the
   * page does not show it (page-total.ts).
   */
  async listInScope(scope: AccessScope, filter: WomenListFilter): Promise<{ rows: WomanListRow[]; total: number }> {
    const conditions = [womenScopeCondition(scope, 'w')];
    if (filter.prisonCode)
      conditions.push({ sql: 'w.prison_code = :prisonCode', params: { prisonCode: filter.prisonCode } });
    if (filter.releaseWithinDays !== undefined) {
      conditions.push({
        sql: 'w.release_date BETWEEN CAST(:today AS date) AND CAST(:today AS date) + CAST(:within AS integer)',
        params: { today: filter.today, within: filter.releaseWithinDays },
      });
    }
    const where = conditions.map((c) => `(${c.sql})`).join(' AND ');
    const params: Record<string, unknown> = Object.assign(
      {
        now: filter.now,
        hiddenPathways: [...filter.visibility.hiddenPathways],
        ownerRoleOnly: filter.visibility.ownerRoleOnly,
        limit: filter.limit,
        offset: filter.offset,
      },
      ...conditions.map((c) => c.params),
    ) as Record<string, unknown>;
    const rows = await this.query<
      Record<string, unknown> & { taskCountRows: TaskCountRow[] | null; pathwayRows: PathwayStatusRow[] | null }
    >(
      `SELECT ${this.columns()},
              (SELECT json_agg(json_build_array(p.pathway, p.status, p.need_identified_at) ORDER BY p.pathway)
                 FROM pathway_statuses p WHERE p.woman_id = w.id) AS "pathwayRows",
              (SELECT json_agg(json_build_array(c.pathway, c.owner_role, c.open, c.at_risk, c.overdue))
                 FROM (SELECT t.pathway, t.owner_role, count(*) AS open,
                              count(*) FILTER (WHERE t.at_risk_at <= :now AND t.due_at > :now) AS at_risk,
                              count(*) FILTER (WHERE t.due_at <= :now) AS overdue
                         FROM tasks t
                        WHERE t.woman_id = w.id AND t.status IN (${OPEN_STATUSES_SQL})
                          AND t.pathway <> ALL(:hiddenPathways)
                          AND (CAST(:ownerRoleOnly AS text) IS NULL OR t.owner_role = :ownerRoleOnly)
                        GROUP BY t.pathway, t.owner_role) c) AS "taskCountRows"
         FROM women w
        WHERE ${where}
        ORDER BY w.release_date ASC NULLS LAST, w.last_name ASC, w.id ASC
        LIMIT :limit OFFSET :offset`,
      params,
    );
    const total = await pageTotal({ ...filter, length: rows.length }, async () => {
      const [{ total }] = await this.query<{ total: string }>(
        `SELECT count(*) AS total FROM women w WHERE ${where}`,
        params,
      );
      return Number(total);
    });
    return {
      rows: rows.map((row) => ({
        woman: entityFromRow(WomanEntity, row, this.propertyNames()),
        taskCounts: toTaskCounts(row.taskCountRows ?? []),
        pathways: (row.pathwayRows ?? []).map(([pathway, status, needIdentifiedAt]) => ({
          pathway,
          status,
          needIdentifiedAt: needIdentifiedAt === null ? null : new Date(needIdentifiedAt),
        })),
      })),
      total,
    };
  }

  /** Her record if she is in the reader's scope: a plain statement mapped by hand, as for the board. */
  async findOneInScope(scope: AccessScope, id: string): Promise<WomanEntity | null> {
    const condition = womenScopeCondition(scope, 'w');
    const [row] = await this.query<Record<string, unknown>>(
      `SELECT ${this.columns()} FROM women w WHERE w.id = :id AND (${condition.sql})`,
      { ...condition.params, id },
    );
    return row ? Object.assign(new WomanEntity(), row) : null;
  }

  /** Locks the row for the rest of the transaction, so concurrent edits of one woman queue up. */
  findOneInScopeForUpdate(tx: Tx, scope: AccessScope, id: string): Promise<WomanEntity | null> {
    const condition = womenScopeCondition(scope, 'w');
    return tx
      .getRepository(WomanEntity)
      .createQueryBuilder('w')
      .setLock('pessimistic_write')
      .where('w.id = :id', { id })
      .andWhere(condition.sql, condition.params)
      .getOne();
  }

  /**
   * Unscoped, by prison number: for HMPPS events and for a recall on reception's evidence, where the number is
   * only the start (the caller checks surname and date of birth). There is deliberately no unscoped find by id.
   */
  findByPrisonNumberForUpdate(tx: Tx, prisonNumber: string): Promise<WomanEntity | null> {
    return tx
      .getRepository(WomanEntity)
      .createQueryBuilder('w')
      .setLock('pessimistic_write')
      .where('w.prison_number = :prisonNumber', { prisonNumber })
      .getOne();
  }

  /**
   * Prison numbers of the women in prison (not released, not in a secure hospital) with no open task of this
   * template: for planning a task every woman should have on a database from before it was planned at reception.
   */
  async listInCustodyWithoutOpenTask(templateKey: string, releasedPrisonCode: string): Promise<string[]> {
    const rows: { prison_number: string }[] = await this.women.query(
      `SELECT w.prison_number FROM women w
        WHERE w.prison_code <> $2 AND w.transferred_to_hospital_on IS NULL
          AND NOT EXISTS (SELECT 1 FROM tasks t
                           WHERE t.woman_id = w.id AND t.template_key = $1 AND t.status = ANY($3))
        ORDER BY w.prison_number`,
      [templateKey, releasedPrisonCode, OPEN_TASK_STATUSES],
    );
    return rows.map((r) => r.prison_number);
  }

  findById(tx: Tx, id: string): Promise<WomanEntity | null> {
    return tx.getRepository(WomanEntity).findOneBy({ id });
  }

  existsByPrisonNumber(prisonNumber: string): Promise<boolean> {
    return this.women.existsBy({ prisonNumber });
  }

  countAll(): Promise<number> {
    return this.women.count();
  }

  insert(tx: Tx, woman: Partial<WomanEntity>): Promise<WomanEntity> {
    const repo = tx.getRepository(WomanEntity);
    return repo.save(repo.create(woman));
  }

  save(tx: Tx, woman: WomanEntity): Promise<WomanEntity> {
    return tx.getRepository(WomanEntity).save(woman);
  }

  /** A raw statement with :named parameters, as the query builder would send it. */
  private query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    return this.dataSource.query<T[]>(text, values);
  }

  private columns(): string {
    return (this.columnsSql ??= entityColumnsSql(this.dataSource, WomanEntity, 'w'));
  }

  private propertyNames(): readonly string[] {
    return (this.womanPropertyNames ??= entityPropertyNames(this.dataSource, WomanEntity));
  }
}
