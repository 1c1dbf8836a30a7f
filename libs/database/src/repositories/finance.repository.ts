/** Bank account and ID document applications with their status logs. Callers check scope on the woman first. */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BankAccountApplicationEntity, BankAccountStatusChangeEntity, IdDocumentApplicationEntity } from '../entities';
import { Tx } from './unit-of-work.types';

@Injectable()
export class FinanceRepository {
  constructor(private readonly dataSource: DataSource) {}

  listBankAccountApplications(womanId: string, tx?: Tx): Promise<BankAccountApplicationEntity[]> {
    return (tx ?? this.dataSource.manager)
      .getRepository(BankAccountApplicationEntity)
      .find({ where: { womanId }, order: { createdAt: 'DESC' } });
  }

  listBankAccountStatusChanges(applicationIds: string[]): Promise<BankAccountStatusChangeEntity[]> {
    if (applicationIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(BankAccountStatusChangeEntity)
      .createQueryBuilder('c')
      .where('c.application_id = ANY(:applicationIds)', { applicationIds })
      .orderBy('c.id', 'ASC')
      .getMany();
  }

  insertBankAccountApplication(
    tx: Tx,
    application: Partial<BankAccountApplicationEntity>,
  ): Promise<BankAccountApplicationEntity> {
    const repo = tx.getRepository(BankAccountApplicationEntity);
    return repo.save(repo.create(application));
  }

  findBankAccountApplicationForUpdate(tx: Tx, id: string): Promise<BankAccountApplicationEntity | null> {
    return tx
      .getRepository(BankAccountApplicationEntity)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id })
      .getOne();
  }

  async updateBankAccountApplication(
    tx: Tx,
    id: string,
    patch: Partial<BankAccountApplicationEntity>,
  ): Promise<BankAccountApplicationEntity> {
    await tx
      .createQueryBuilder()
      .update(BankAccountApplicationEntity)
      .set({ ...patch, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
    return tx.getRepository(BankAccountApplicationEntity).findOneByOrFail({ id });
  }

  async appendBankAccountStatusChange(tx: Tx, change: Partial<BankAccountStatusChangeEntity>): Promise<void> {
    await tx.getRepository(BankAccountStatusChangeEntity).insert(change);
  }

  listIdDocumentApplications(womanId: string, tx?: Tx): Promise<IdDocumentApplicationEntity[]> {
    return (tx ?? this.dataSource.manager)
      .getRepository(IdDocumentApplicationEntity)
      .find({ where: { womanId }, order: { createdAt: 'DESC' } });
  }

  insertIdDocumentApplication(
    tx: Tx,
    application: Partial<IdDocumentApplicationEntity>,
  ): Promise<IdDocumentApplicationEntity> {
    const repo = tx.getRepository(IdDocumentApplicationEntity);
    return repo.save(repo.create(application));
  }

  findIdDocumentApplicationForUpdate(tx: Tx, id: string): Promise<IdDocumentApplicationEntity | null> {
    return tx
      .getRepository(IdDocumentApplicationEntity)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id })
      .getOne();
  }

  async updateIdDocumentApplication(
    tx: Tx,
    id: string,
    patch: Partial<IdDocumentApplicationEntity>,
  ): Promise<IdDocumentApplicationEntity> {
    await tx
      .createQueryBuilder()
      .update(IdDocumentApplicationEntity)
      .set({ ...patch, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
    return tx.getRepository(IdDocumentApplicationEntity).findOneByOrFail({ id });
  }
}
