/** Immediate-needs and pre-release assessments. */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AssessmentEntity } from '../entities';
import { selectEntities } from './entity-columns';
import { Tx } from './unit-of-work.types';

@Injectable()
export class AssessmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Her assessments, oldest first: a plain statement mapped by the entity's columns (entity-columns.ts). */
  listForWoman(womanId: string): Promise<AssessmentEntity[]> {
    return selectEntities(this.dataSource, AssessmentEntity, 'a', 'WHERE a.woman_id = $1 ORDER BY a.assessed_at', [
      womanId,
    ]);
  }

  insert(tx: Tx, assessment: Partial<AssessmentEntity>): Promise<AssessmentEntity> {
    const repo = tx.getRepository(AssessmentEntity);
    return repo.save(repo.create(assessment));
  }
}
