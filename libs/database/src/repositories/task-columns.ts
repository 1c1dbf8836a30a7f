/**
 * A task's columns as a raw SELECT list or RETURNING list, aliased to the entity's property names, so a raw
 * statement (UPDATE ... RETURNING, SELECT ... FOR UPDATE) answers rows that are TaskEntity as they stand, without
 * a second read or the query builder's hydration. Built from the entity's metadata, so it cannot drift from it.
 */
import { DataSource } from 'typeorm';
import { TaskEntity } from '../entities';

/** `date` columns are read as text: the entity holds them as 'YYYY-MM-DD', and pg would make a local-midnight Date. */
export function taskColumnsSql(dataSource: DataSource, alias: string): string {
  return dataSource
    .getMetadata(TaskEntity)
    .columns.map((column) => {
      const source = `${alias}.${column.databaseName}`;
      const value = column.type === 'date' ? `${source}::text` : source;
      return `${value} AS "${column.propertyName}"`;
    })
    .join(', ');
}

export function toTaskEntity(row: Record<string, unknown>): TaskEntity {
  return Object.assign(new TaskEntity(), row);
}
