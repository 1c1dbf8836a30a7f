/** Reads and writes women, always through the reader's access scope. */
import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { AccessScope, OPEN_TASK_STATUSES, Pathway, Role, TaskVisibility } from '@app/domain';
import { WomanEntity } from '../entities';
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

export interface WomanListRow {
  woman: WomanEntity;
  taskCounts: WomanTaskCounts;
}

@Injectable()
export class WomenRepository {
  private readonly women: Repository<WomanEntity>;

  constructor(dataSource: DataSource) {
    this.women = dataSource.getRepository(WomanEntity);
  }

  async listInScope(scope: AccessScope, filter: WomenListFilter): Promise<{ rows: WomanListRow[]; total: number }> {
    const qb = this.women.createQueryBuilder('w');
    const condition = womenScopeCondition(scope, 'w');
    qb.where(condition.sql, condition.params);
    if (filter.prisonCode) qb.andWhere('w.prison_code = :prisonCode', { prisonCode: filter.prisonCode });
    if (filter.releaseWithinDays !== undefined) {
      qb.andWhere('w.release_date BETWEEN CAST(:today AS date) AND CAST(:today AS date) + CAST(:within AS integer)', {
        today: filter.today,
        within: filter.releaseWithinDays,
      });
    }
    const women = await qb
      .orderBy('w.release_date', 'ASC', 'NULLS LAST')
      .addOrderBy('w.last_name', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .limit(filter.limit)
      .offset(filter.offset)
      .getMany();
    const total = await pageTotal({ ...filter, length: women.length }, () => qb.getCount());
    const counts = await this.taskCounts(
      women.map((w) => w.id),
      filter.now,
      filter.visibility,
    );
    return {
      rows: women.map((woman) => ({
        woman,
        taskCounts: counts.get(woman.id) ?? emptyCounts(),
      })),
      total,
    };
  }

  findOneInScope(scope: AccessScope, id: string): Promise<WomanEntity | null> {
    const condition = womenScopeCondition(scope, 'w');
    return this.women
      .createQueryBuilder('w')
      .where('w.id = :id', { id })
      .andWhere(condition.sql, condition.params)
      .getOne();
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

  private async taskCounts(
    womanIds: string[],
    now: Date,
    visibility: TaskVisibility,
  ): Promise<Map<string, WomanTaskCounts>> {
    const result = new Map<string, WomanTaskCounts>();
    if (womanIds.length === 0) return result;
    const rows: {
      woman_id: string;
      pathway: Pathway;
      owner_role: Role;
      open: string;
      at_risk: string;
      overdue: string;
    }[] = await this.women.manager.query(
      `SELECT woman_id, pathway, owner_role,
                count(*) AS open,
                count(*) FILTER (WHERE at_risk_at <= $2 AND due_at > $2) AS at_risk,
                count(*) FILTER (WHERE due_at <= $2) AS overdue
           FROM tasks
          WHERE woman_id = ANY($1) AND status = ANY($3)
            AND pathway <> ALL($4) AND ($5::text IS NULL OR owner_role = $5)
          GROUP BY woman_id, pathway, owner_role`,
      [womanIds, now, OPEN_TASK_STATUSES, [...visibility.hiddenPathways], visibility.ownerRoleOnly],
    );
    for (const row of rows) {
      const counts = { open: Number(row.open), atRisk: Number(row.at_risk), overdue: Number(row.overdue) };
      const total = result.get(row.woman_id) ?? emptyCounts();
      addTo(total, counts);
      addTo((total.byPathway[row.pathway] ??= { open: 0, atRisk: 0, overdue: 0 }), counts);
      const role = (total.byOwnerRole[row.owner_role] ??= { open: 0, atRisk: 0, overdue: 0, byPathway: {} });
      addTo(role, counts);
      role.byPathway[row.pathway] = counts;
      result.set(row.woman_id, total);
    }
    return result;
  }
}
