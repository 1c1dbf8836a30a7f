/**
 * Reads and writes CRS referrals. Reads apply the reader's scope in SQL: a provider sees the referrals sent
 * to it (never drafts, never another provider's); prison staff the referrals of women in their prisons; a
 * COM those of her caseload. Status changes are conditional on the status the caller saw.
 */
import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { AccessScope, Pathway, ReferralStatus } from '@app/domain';
import { ReferralEntity, ReferralStatusChangeEntity, ReferralTransferEntity } from '../entities';
import { entityColumnsSql } from './entity-columns';
import { countRows, pageTotal, settled } from './page-total';
import { Tx } from './unit-of-work.types';

export interface ReferralListFilter {
  womanId?: string;
  status?: ReferralStatus;
  caseworkerId?: string;
  /** What the visibility policy lets the reader see: drafts, and the pathways that alone hide a referral. */
  visibility: ReferralSqlVisibility;
  limit: number;
  offset: number;
}

export interface ReferralSqlVisibility {
  includeDrafts: boolean;
  /** Referrals with any of these pathways are left out unless they have another (governors' oversight). */
  hiddenPathways: readonly Pathway[];
}

interface ReferralRowExtras {
  woman_name: string;
  prison_number: string;
  prison_code: string;
  release_date: string | null;
  stage_due_at: string | Date | null;
}

export interface ReferralRow {
  referral: ReferralEntity;
  womanName: string;
  prisonNumber: string;
  prisonCode: string;
  releaseDate: string | null;
  /** When the open stage task (first contact, action plan, approval...) falls due. */
  stageDueAt: Date | null;
}

@Injectable()
export class ReferralsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async listInScope(scope: AccessScope, filter: ReferralListFilter): Promise<{ rows: ReferralRow[]; total: number }> {
    const narrow = this.inScope(scope, filter.visibility, false);
    if (filter.womanId) narrow.andWhere('r.woman_id = :womanId', { womanId: filter.womanId });
    if (filter.status) narrow.andWhere('r.status = :status', { status: filter.status });
    if (filter.caseworkerId) narrow.andWhere('r.caseworker_id = :caseworkerId', { caseworkerId: filter.caseworkerId });
    // Beyond one woman's referrals a page is usually full and its total must be counted: counted beside the page.
    const counting = filter.womanId === undefined ? settled(countRows(narrow)) : null;
    // The page's ids, sorted on narrow columns (a provider's queue sorts every referral it was ever sent: 19,409 for
    // the busiest), and those rows in full, in one statement. Most urgent first: the soonest stage deadline, then
    // what has waited longest.
    const page = narrow
      .clone()
      .select('r.id', 'id')
      .leftJoin(
        (stages) =>
          stages
            .select('t.subject_id', 'subject_id')
            .addSelect('min(t.due_at)', 'due_at')
            .from('tasks', 't')
            .where(`t.subject_id IS NOT NULL AND t.status IN ('TODO','IN_PROGRESS','BLOCKED')`)
            .groupBy('t.subject_id'),
        'stage',
        'stage.subject_id = r.id',
      )
      .orderBy('stage.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('COALESCE(r.sent_at, r.created_at)', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .offset(filter.offset)
      .limit(filter.limit);
    // The same order again over the page's rows: stage_due_at is the same minimum over the same open stage tasks.
    const raw = await this.scoped(scope, filter.visibility)
      .andWhere(`r.id IN (${page.getQuery()})`)
      .setParameters(page.getParameters())
      .orderBy('stage_due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('COALESCE(r.sent_at, r.created_at)', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getRawMany<Record<string, unknown> & ReferralRowExtras>();
    const total = await pageTotal({ ...filter, length: raw.length }, () => (counting ?? settled(countRows(narrow)))());
    return { rows: raw.map((r) => this.row(r)), total };
  }

  async findInScope(scope: AccessScope, visibility: ReferralSqlVisibility, id: string): Promise<ReferralRow | null> {
    const [raw] = await this.scoped(scope, visibility)
      .andWhere('r.id = :id', { id })
      .getRawMany<Record<string, unknown> & ReferralRowExtras>();
    return raw ? this.row(raw) : null;
  }

  findForUpdate(tx: Tx, id: string): Promise<ReferralEntity | null> {
    return tx
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
  }

  listOpenForWoman(tx: Tx, womanId: string): Promise<ReferralEntity[]> {
    return tx
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .where('r.woman_id = :womanId', { womanId })
      .andWhere("r.status NOT IN ('ENDED', 'WITHDRAWN')")
      .getMany();
  }

  insert(tx: Tx, referral: Partial<ReferralEntity>): Promise<ReferralEntity> {
    const repo = tx.getRepository(ReferralEntity);
    return repo.save(repo.create(referral));
  }

  async referenceExists(tx: Tx, reference: string): Promise<boolean> {
    return (await tx.getRepository(ReferralEntity).countBy({ reference })) > 0;
  }

  /**
   * Applies the patch only while the referral is still in `expectedStatus` (and, if given, at the caller's
   * version): two caseworkers taking one referral, or a withdrawal racing an approval, cannot both win.
   */
  async updateIf(
    tx: Tx,
    id: string,
    expected: { status: ReferralStatus; version?: number },
    patch: Partial<ReferralEntity>,
  ): Promise<ReferralEntity | null> {
    const qb = tx
      .createQueryBuilder()
      .update(ReferralEntity)
      .set({ ...patch, version: () => 'version + 1' })
      .where('id = :id', { id })
      .andWhere('status = :status', { status: expected.status });
    if (expected.version !== undefined) qb.andWhere('version = :version', { version: expected.version });
    const result = await qb.execute();
    return result.affected === 1 ? tx.getRepository(ReferralEntity).findOneBy({ id }) : null;
  }

  async appendStatusChange(tx: Tx, change: Partial<ReferralStatusChangeEntity>): Promise<void> {
    await tx.getRepository(ReferralStatusChangeEntity).insert(change);
  }

  listStatusChanges(referralId: string): Promise<ReferralStatusChangeEntity[]> {
    return this.dataSource
      .getRepository(ReferralStatusChangeEntity)
      .find({ where: { referralId }, order: { id: 'ASC' } });
  }

  async appendTransfer(tx: Tx, transfer: Partial<ReferralTransferEntity>): Promise<void> {
    await tx.getRepository(ReferralTransferEntity).insert(transfer);
  }

  listTransfers(referralId: string): Promise<ReferralTransferEntity[]> {
    return this.dataSource
      .getRepository(ReferralTransferEntity)
      .find({ where: { referralId }, order: { at: 'ASC', id: 'ASC' } });
  }

  /**
   * The referrals in scope, with her name, prison and release date and the open stage's due time. Her release date
   * comes as 'YYYY-MM-DD' text, as every date does (postgres-types.ts; test/e2e/scope/server-time-zone.e2e-spec.ts).
   */
  private scoped(scope: AccessScope, visibility: ReferralSqlVisibility): SelectQueryBuilder<ReferralEntity> {
    return this.inScope(scope, visibility, true)
      .select(entityColumnsSql(this.dataSource, ReferralEntity, 'r'))
      .addSelect("w.first_name || ' ' || w.last_name", 'woman_name')
      .addSelect('w.prison_number', 'prison_number')
      .addSelect('w.prison_code', 'prison_code')
      .addSelect('w.release_date', 'release_date')
      .addSelect(
        `(SELECT min(t.due_at) FROM tasks t WHERE t.subject_id = r.id AND t.status IN ('TODO','IN_PROGRESS','BLOCKED'))`,
        'stage_due_at',
      );
  }

  /**
   * The referrals in the reader's scope as a query on `r`, joined to her woman `w` when asked or when the scope
   * is decided by the woman (a prison's, a COM's); a provider's and the estate's need no join (every referral has
   * its woman), which keeps a provider's count and sort on the referrals alone.
   */
  private inScope(
    scope: AccessScope,
    visibility: ReferralSqlVisibility,
    withWoman: boolean,
  ): SelectQueryBuilder<ReferralEntity> {
    const { hiddenPathways } = visibility;
    const qb = this.dataSource.getRepository(ReferralEntity).createQueryBuilder('r');
    if (withWoman || scope.kind === 'PRISONS' || scope.kind === 'COM_CASELOAD') {
      qb.innerJoin('women', 'w', 'w.id = r.woman_id');
    }
    switch (scope.kind) {
      case 'ESTATE':
        break;
      case 'PRISONS':
        qb.where('w.prison_code = ANY(:scopePrisonCodes)', { scopePrisonCodes: [...scope.prisonCodes] });
        break;
      case 'PROVIDER':
        // By the provider it was sent to, not her area today: a move of area does not hand the work over.
        qb.where('r.provider_id = :scopeProviderId', { scopeProviderId: scope.providerId }).andWhere(
          "r.status <> 'DRAFT'",
        );
        break;
      case 'COM_CASELOAD':
        if (scope.unallocatedInArea !== undefined) {
          qb.where(
            '(w.com_id = :scopeComUserId OR (w.com_id IS NULL AND w.release_area_code = :scopeUnallocatedArea))',
            {
              scopeComUserId: scope.comUserId,
              scopeUnallocatedArea: scope.unallocatedInArea,
            },
          );
        } else {
          qb.where('w.com_id = :scopeComUserId', { scopeComUserId: scope.comUserId });
        }
        break;
    }
    if (!visibility.includeDrafts) qb.andWhere("r.status <> 'DRAFT'");
    if (hiddenPathways.length > 0) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM jsonb_array_elements(r.pathways) p WHERE p->>'pathway' <> ALL(:hiddenPathways))`,
        { hiddenPathways: [...hiddenPathways] },
      );
    }
    return qb;
  }

  /** A row of scoped(): the referral as the entity by its column list (entity-columns.ts), and her details. */
  private row({
    woman_name,
    prison_number,
    prison_code,
    release_date,
    stage_due_at,
    ...referral
  }: Record<string, unknown> & ReferralRowExtras): ReferralRow {
    return {
      referral: Object.assign(new ReferralEntity(), referral),
      womanName: woman_name,
      prisonNumber: prison_number,
      prisonCode: prison_code,
      releaseDate: release_date,
      stageDueAt: stage_due_at ? new Date(stage_due_at) : null,
    };
  }
}
