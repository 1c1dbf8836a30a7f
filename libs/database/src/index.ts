/** @app/database: entities, migrations, the data source and the repositories (the only TypeORM users). */
export * from './entities';
export * from './repositories';
export * from './database.config';
export * from './database.module';
export { createDataSource, dataSourceOptions } from './data-source';
export { MIGRATIONS } from './migrations';
