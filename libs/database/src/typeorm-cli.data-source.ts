/** The data source the TypeORM CLI loads (npm run migration:*); reads DATABASE_URL. */
import { createDataSource } from './data-source';

export default createDataSource();
