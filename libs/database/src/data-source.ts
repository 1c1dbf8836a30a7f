/**
 * The one TypeORM data source definition, shared by the apps, the CLI and the TypeORM CLI
 * (npm run migration:*). Schema changes only ever come from migrations.
 */
import { DataSource, DataSourceOptions } from 'typeorm';
import { readDatabaseSettings, DatabaseSettings } from './database.config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { UNIT_OF_WORK_ISOLATION } from './repositories/unit-of-work.types';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { POSTGRES_TYPES } from './postgres-types';

export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    // With a replica, TypeORM's replication: every query goes to the primary (defaultMode) unless a query runner
    // is asked for 'slave', which only ReportReads does. Both get the pool settings below.
    ...(settings.replicaUrl
      ? {
          replication: { master: { url: settings.url }, slaves: [{ url: settings.replicaUrl }], defaultMode: 'master' },
        }
      : { url: settings.url }),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: settings.logSql ? ['query', 'error'] : ['error'],
    // Fail a request that cannot get a connection within 10 s rather than wedge behind a full pool. Every
    // connection starts READ COMMITTED (UnitOfWork's level), so a transaction needs no SET TRANSACTION round trip.
    extra: {
      max: settings.poolSize,
      connectionTimeoutMillis: 10_000,
      options: `-c default_transaction_isolation=${UNIT_OF_WORK_ISOLATION.replace(' ', '\\ ')}`,
      // pg's types, but timestamptz text read faster and dates kept as text (postgres-types.ts).
      types: POSTGRES_TYPES,
    },
  };
}

export function createDataSource(settings: DatabaseSettings = readDatabaseSettings()): DataSource {
  return new DataSource(dataSourceOptions(settings));
}
