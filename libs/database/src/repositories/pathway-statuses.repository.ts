/** A woman's status on each pathway. */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PathwayStatusEntity } from '../entities';
import { selectEntities } from './entity-columns';
import { Tx } from './unit-of-work.types';

@Injectable()
export class PathwayStatusesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Read on every detail: a plain statement mapped by the entity's columns (entity-columns.ts). */
  listForWoman(womanId: string): Promise<PathwayStatusEntity[]> {
    return selectEntities(this.dataSource, PathwayStatusEntity, 'p', 'WHERE p.woman_id = $1 ORDER BY p.pathway', [
      womanId,
    ]);
  }

  listForWomanInTx(tx: Tx, womanId: string): Promise<PathwayStatusEntity[]> {
    return tx.getRepository(PathwayStatusEntity).find({ where: { womanId } });
  }

  async upsert(tx: Tx, rows: Partial<PathwayStatusEntity>[]): Promise<void> {
    if (rows.length === 0) return;
    await tx.getRepository(PathwayStatusEntity).upsert(rows, ['womanId', 'pathway']);
  }
}
