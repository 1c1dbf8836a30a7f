import { DEFAULT_DATABASE_URL, readDatabaseSettings, readMigrationDatabaseSettings } from './database.config';

describe('database settings', () => {
  const app = 'postgres://resettle_app_user:a@db.example:5432/resettle';
  const owner = 'postgres://resettle_owner:b@db.example:5432/resettle';

  it('connects the apps with DATABASE_URL and migrates with MIGRATION_DATABASE_URL', () => {
    const env = { DATABASE_URL: app, MIGRATION_DATABASE_URL: owner };
    expect(readDatabaseSettings(env).url).toBe(app);
    expect(readMigrationDatabaseSettings(env).url).toBe(owner);
    // Only the apps' connection is checked at boot for superuser or owner rights.
    expect(readDatabaseSettings(env).forApp).toBe(true);
    expect(readMigrationDatabaseSettings(env).forApp).toBeUndefined();
  });

  it('migrates with DATABASE_URL when MIGRATION_DATABASE_URL is unset, and with the default when neither is', () => {
    expect(readMigrationDatabaseSettings({ DATABASE_URL: app }).url).toBe(app);
    expect(readMigrationDatabaseSettings({}).url).toBe(DEFAULT_DATABASE_URL);
  });

  it('refuses a MIGRATION_DATABASE_URL that is not a postgres:// URL, naming it, in the apps too', () => {
    const env = { DATABASE_URL: app, MIGRATION_DATABASE_URL: 'mysql://root@db/resettle' };
    expect(() => readMigrationDatabaseSettings(env)).toThrow(/MIGRATION_DATABASE_URL must be a postgres:\/\/ URL/);
    expect(() => readDatabaseSettings(env)).toThrow(/MIGRATION_DATABASE_URL/);
  });
});
