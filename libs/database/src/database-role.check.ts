/**
 * Says at boot when an app connects as a superuser or as a member of a role that owns its tables: the database
 * then cannot hold the audit trail and status logs to append-only, since an owner may drop the triggers (README,
 * "Database roles"). A warning rather than a refusal, so that a deployment or the benchmark still connecting as
 * the owner keeps working while it moves over.
 */
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class DatabaseRoleCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(DatabaseRoleCheck.name);

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const [role] = await this.dataSource.query<{ name: string; superuser: boolean; owned: number }[]>(
      `SELECT current_user AS name,
              (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
              (SELECT count(*)::int FROM pg_tables
                WHERE schemaname = current_schema() AND pg_has_role(current_user, tableowner, 'MEMBER')) AS owned`,
    );
    if (!role.superuser && role.owned === 0) return;
    const what = role.superuser ? 'a superuser' : `the owner of ${role.owned} table(s)`;
    this.logger.warn(
      `DATABASE_URL connects as ${role.name}, ${what}: the database cannot enforce the append-only audit trail. ` +
        'Connect the apps as a member of resettle_app and migrate with MIGRATION_DATABASE_URL (README, "Database roles").',
    );
  }
}
