/** Keywork sessions and targets. Callers check scope on the woman first. */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KeyworkSessionEntity, KeyworkTargetEntity } from '../entities';
import { Tx } from './unit-of-work.types';

@Injectable()
export class KeyworkRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Most recent first. */
  listSessions(womanId: string, tx?: Tx): Promise<KeyworkSessionEntity[]> {
    return (tx ?? this.dataSource.manager)
      .getRepository(KeyworkSessionEntity)
      .find({ where: { womanId }, order: { sessionOn: 'DESC', createdAt: 'DESC' } });
  }

  insertSession(tx: Tx, session: Partial<KeyworkSessionEntity>): Promise<KeyworkSessionEntity> {
    const repo = tx.getRepository(KeyworkSessionEntity);
    return repo.save(repo.create(session));
  }

  findTarget(womanId: string, tx?: Tx): Promise<KeyworkTargetEntity | null> {
    return (tx ?? this.dataSource.manager).getRepository(KeyworkTargetEntity).findOneBy({ womanId });
  }

  async saveTarget(tx: Tx, target: Pick<KeyworkTargetEntity, 'womanId' | 'frequencyWeeks' | 'setById'>): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(KeyworkTargetEntity)
      .values(target)
      .orUpdate(['frequency_weeks', 'set_by_id', 'updated_at'], ['woman_id'])
      .execute();
  }
}
