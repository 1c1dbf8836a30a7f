/**
 * Reads and writes a referral's CRS delivery sessions. The referral's own scope is checked by the caller (through
 * ReferralsRepository.findInScope) before any session of it is read; writes are conditional on the version the
 * caller saw, so two caseworkers recording one session cannot both win.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeliverySessionEntity } from '../entities';
import { Tx } from './unit-of-work.types';

@Injectable()
export class DeliverySessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  listForReferral(referralId: string, tx?: Tx): Promise<DeliverySessionEntity[]> {
    const manager = tx ?? this.dataSource.manager;
    return manager.getRepository(DeliverySessionEntity).find({ where: { referralId }, order: { number: 'ASC' } });
  }

  findById(id: string): Promise<DeliverySessionEntity | null> {
    return this.dataSource.getRepository(DeliverySessionEntity).findOneBy({ id });
  }

  /** The next number in the referral (the caller holds the referral's row lock, so two bookings cannot share one). */
  async nextNumber(tx: Tx, referralId: string): Promise<number> {
    const row = await tx
      .getRepository(DeliverySessionEntity)
      .createQueryBuilder('s')
      .select('COALESCE(MAX(s.number), 0) + 1', 'next')
      .where('s.referral_id = :referralId', { referralId })
      .getRawOne<{ next: number | string }>();
    return Number(row?.next ?? 1);
  }

  insert(tx: Tx, session: Partial<DeliverySessionEntity>): Promise<DeliverySessionEntity> {
    const repo = tx.getRepository(DeliverySessionEntity);
    return repo.save(repo.create(session));
  }

  /** Applies the patch only at the caller's version and while attendance is not yet recorded. */
  async updateIfOpen(
    tx: Tx,
    id: string,
    version: number,
    patch: Partial<DeliverySessionEntity>,
  ): Promise<DeliverySessionEntity | null> {
    const result = await tx
      .createQueryBuilder()
      .update(DeliverySessionEntity)
      .set({ ...patch, version: () => 'version + 1' })
      .where('id = :id', { id })
      .andWhere('version = :version', { version })
      .andWhere('attendance IS NULL')
      .execute();
    return result.affected === 1 ? tx.getRepository(DeliverySessionEntity).findOneBy({ id }) : null;
  }
}
