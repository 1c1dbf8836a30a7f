/**
 * An entity's columns as a raw SELECT or RETURNING list, aliased to its property names, so a raw statement answers
 * rows that are the entity as it stands, without the query builder's hydration (on a board of 196 women, TypeORM's
 * mapping of their 60 columns each cost more than the statement). Built from the entity's metadata, so it cannot
 * drift from it.
 */
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/** `date` columns come as 'YYYY-MM-DD' text, as the entities hold them: the pool keeps them so (postgres-types.ts). */
export function entityColumnsSql(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  return dataSource
    .getMetadata(entity)
    .columns.map((column) => `${alias}.${column.databaseName} AS "${column.propertyName}"`)
    .join(', ');
}

/**
 * One table's rows as entities, read by a plain statement: `SELECT <its columns> FROM <its table> <alias> <rest>`,
 * where `rest` holds the WHERE, ORDER BY and LIMIT with their parameters in `params`.
 */
export async function selectEntities<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: new () => T,
  alias: string,
  rest: string,
  params: unknown[],
): Promise<T[]> {
  const table = dataSource.getMetadata(entity).tableName;
  const rows: Record<string, unknown>[] = await dataSource.query(
    `SELECT ${entityColumnsSql(dataSource, entity, alias)} FROM ${table} ${alias} ${rest}`,
    params,
  );
  return rows.map((row) => Object.assign(new entity(), row));
}

/** The entity's property names: the keys entityColumnsSql gives its columns. */
export function entityPropertyNames(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): readonly string[] {
  return dataSource.getMetadata(entity).columns.map((column) => column.propertyName);
}

/**
 * The entity out of a row that also carries other fields, its properties copied by name. A rest pattern
 * (`({ extra, ...entity }) => ...`) gives the same, but on a list it cost as much as the statement's row parsing
 * (the alerts panel's CPU profile: 0.54 ms of each answer of 500 alerts).
 */
export function entityFromRow<T extends ObjectLiteral>(
  entity: new () => T,
  row: Record<string, unknown>,
  propertyNames: readonly string[],
): T {
  const target = new entity() as Record<string, unknown>;
  for (const name of propertyNames) target[name] = row[name];
  return target as T;
}
