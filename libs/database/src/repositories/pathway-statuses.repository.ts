/** A woman's status on each pathway. */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PathwayStatusEntity } from '../entities';
import { Tx } from './unit-of-work.types';

@Injectable()
export class PathwayStatusesRepository {
  constructor(private readonly dataSource: DataSource) {}

  listForWoman(womanId: string): Promise<PathwayStatusEntity[]> {
    return this.dataSource.getRepository(PathwayStatusEntity).find({ where: { womanId }, order: { pathway: 'ASC' } });
  }

  listForWomen(womanIds: string[]): Promise<PathwayStatusEntity[]> {
    if (womanIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(PathwayStatusEntity)
      .createQueryBuilder('p')
      .where('p.woman_id = ANY(:womanIds)', { womanIds })
      .getMany();
  }

  listForWomanInTx(tx: Tx, womanId: string): Promise<PathwayStatusEntity[]> {
    return tx.getRepository(PathwayStatusEntity).find({ where: { womanId } });
  }

  async upsert(tx: Tx, rows: Partial<PathwayStatusEntity>[]): Promise<void> {
    if (rows.length === 0) return;
    await tx.getRepository(PathwayStatusEntity).upsert(rows, ['womanId', 'pathway']);
  }
}
