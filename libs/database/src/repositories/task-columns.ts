/** A task's columns for raw statements (UPDATE ... RETURNING, SELECT ... FOR UPDATE): see entity-columns.ts. */
import { DataSource } from 'typeorm';
import { TaskEntity } from '../entities';
import { entityColumnsSql } from './entity-columns';

export function taskColumnsSql(dataSource: DataSource, alias: string): string {
  return entityColumnsSql(dataSource, TaskEntity, alias);
}

export function toTaskEntity(row: Record<string, unknown>): TaskEntity {
  return Object.assign(new TaskEntity(), row);
}
