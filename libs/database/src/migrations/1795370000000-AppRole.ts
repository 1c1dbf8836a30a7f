/**
 * Least privilege for the apps (issue 11, "the database enforces append-only"). The owner runs the migrations
 * and owns every table; the api, gateway and worker connect as a login role that is a member of the NOLOGIN
 * group role `resettle_app`, which is neither a superuser nor an owner. Only the owner may ALTER a table, so
 * only the owner could disable the append-only triggers; the apps cannot.
 *
 * `resettle_app` has SELECT, INSERT, UPDATE and DELETE on the ordinary tables (the apps delete travel times,
 * release-day appointments and the working calendar) and USAGE on the sequences, but no TRUNCATE, REFERENCES
 * or TRIGGER anywhere, nothing on the migrations table, and only SELECT and INSERT on the append-only tables
 * below. Each append-only table also carries a trigger that refuses UPDATE, DELETE and TRUNCATE, as a second
 * wall that holds for the owner too (it would have to drop the trigger, in a migration, to rewrite history).
 *
 * Tables the owner creates later get the ordinary grants by default (ALTER DEFAULT PRIVILEGES). A migration
 * that adds an append-only table must REVOKE UPDATE, DELETE, TRUNCATE on it FROM resettle_app and give it the
 * refuse_rewrite trigger, as this one does; test/e2e/audit/append-only.e2e-spec.ts checks that every table
 * named like a log (`*_status_changes`, `*_log`, `audit_*`) has both.
 *
 * The role is cluster-wide and made here only if missing, so that `npm run migration:run` needs no setup when
 * the owner may create roles; where it may not (some managed PostgreSQL), an administrator creates it first
 * (README, "Database roles"). Advisory locks, LISTEN/NOTIFY and SET LOCAL of user settings need no grant.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

const APP_ROLE = 'resettle_app';

/** The audit trail, every status log and the outbox the boards replay from: written once, never rewritten. */
const APPEND_ONLY_TABLES = [
  'audit_events',
  'task_status_changes',
  'referral_status_changes',
  'bank_account_status_changes',
  'outbox_events',
];

/** audit_events has had its own trigger since the initial schema; the others get the general one here. */
const NEW_TRIGGER_TABLES = APPEND_ONLY_TABLES.filter((table) => table !== 'audit_events');

export class AppRole1795370000000 implements MigrationInterface {
  name = 'AppRole1795370000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Two test runs may migrate at once: the loser of the race on pg_authid sees unique_violation.
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} NOLOGIN;
        END IF;
      EXCEPTION
        WHEN duplicate_object OR unique_violation THEN NULL;
        WHEN insufficient_privilege THEN
          RAISE EXCEPTION 'the migration role % may not create roles: have an administrator run CREATE ROLE ${APP_ROLE} NOLOGIN, then migrate again', current_user;
      END
      $$
    `);
    // Before PostgreSQL 15 every role may create tables in public, so the app role could come to own one.
    // Only the schema's owner can take that away; elsewhere the README asks the administrator to.
    await queryRunner.query(`
      DO $$
      BEGIN
        IF has_schema_privilege('public', current_schema(), 'CREATE')
           AND pg_has_role(current_user, (SELECT nspowner FROM pg_namespace WHERE nspname = current_schema()), 'MEMBER') THEN
          EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM PUBLIC', current_schema());
        END IF;
      END
      $$
    `);
    const schema = await this.schema(queryRunner);
    await queryRunner.query(`GRANT USAGE ON SCHEMA ${schema} TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${APP_ROLE}`);
    // The apps never migrate: the record of what was applied is the owner's alone.
    await queryRunner.query(`REVOKE ALL ON TABLE ${schema}."migrations" FROM ${APP_ROLE}`);
    // For the role running this (the owner): tables and sequences it creates from now on.
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`,
    );

    for (const table of APPEND_ONLY_TABLES) {
      await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON TABLE "${table}" FROM ${APP_ROLE}`);
    }
    await queryRunner.query(`
      CREATE FUNCTION refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
      END;
      $$
    `);
    for (const table of NEW_TRIGGER_TABLES) {
      await queryRunner.query(`
        CREATE TRIGGER "${table}_no_update_or_delete" BEFORE UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()
      `);
      await queryRunner.query(`
        CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite()
      `);
    }
  }

  /** Takes away what up() granted in this database; the role itself stays, as other databases may use it. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of NEW_TRIGGER_TABLES) {
      await queryRunner.query(`DROP TRIGGER "${table}_no_truncate" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "${table}_no_update_or_delete" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION refuse_rewrite()`);
    const schema = await this.schema(queryRunner);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} REVOKE ALL ON SEQUENCES FROM ${APP_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} REVOKE ALL ON TABLES FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${schema} FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${schema} FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA ${schema} FROM ${APP_ROLE}`);
  }

  /** The schema the tables were made in (public, unless the connection's search_path says otherwise), quoted. */
  private async schema(queryRunner: QueryRunner): Promise<string> {
    const [row] = (await queryRunner.query(`SELECT quote_ident(current_schema()) AS schema`)) as { schema: string }[];
    return row.schema;
  }
}
