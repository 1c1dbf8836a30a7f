/** The data source the TypeORM CLI loads (npm run migration:*): the owner's, MIGRATION_DATABASE_URL else DATABASE_URL. */
import { createDataSource } from './data-source';
import { readMigrationDatabaseSettings } from './database.config';

export default createDataSource(readMigrationDatabaseSettings());
