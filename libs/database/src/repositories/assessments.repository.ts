/** Immediate-needs and pre-release assessments. */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AssessmentEntity } from '../entities';
import { entityColumnsSql } from './entity-columns';
import { Tx } from './unit-of-work.types';

@Injectable()
export class AssessmentsRepository {
  private columnsSql?: string;

  constructor(private readonly dataSource: DataSource) {}

  /** Her assessments, oldest first: a plain statement mapped by the entity's columns (entity-columns.ts). */
  async listForWoman(womanId: string): Promise<AssessmentEntity[]> {
    this.columnsSql ??= entityColumnsSql(this.dataSource, AssessmentEntity, 'a');
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${this.columnsSql} FROM assessments a WHERE a.woman_id = $1 ORDER BY a.assessed_at`,
      [womanId],
    );
    return rows.map((row) => Object.assign(new AssessmentEntity(), row));
  }

  insert(tx: Tx, assessment: Partial<AssessmentEntity>): Promise<AssessmentEntity> {
    const repo = tx.getRepository(AssessmentEntity);
    return repo.save(repo.create(assessment));
  }
}
