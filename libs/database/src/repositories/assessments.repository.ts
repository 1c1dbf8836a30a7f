/** Immediate-needs and pre-release assessments. */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AssessmentEntity } from '../entities';
import { Tx } from './unit-of-work.types';

@Injectable()
export class AssessmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  listForWoman(womanId: string): Promise<AssessmentEntity[]> {
    return this.dataSource.getRepository(AssessmentEntity).find({ where: { womanId }, order: { assessedAt: 'ASC' } });
  }

  insert(tx: Tx, assessment: Partial<AssessmentEntity>): Promise<AssessmentEntity> {
    const repo = tx.getRepository(AssessmentEntity);
    return repo.save(repo.create(assessment));
  }
}
