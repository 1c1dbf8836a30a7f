/**
 * The database enforces append-only (issue 11): the apps connect as a role that is no superuser and owns nothing,
 * which may read and append to the audit trail, the status logs and the outbox but not rewrite them, nor switch
 * their triggers off; and the triggers refuse even the owner. Every attempt runs in a transaction that is rolled
 * back, so a missing wall could not damage the run's data.
 */
import type { DataSource, QueryRunner } from 'typeorm';
import { openAppRoleConnection, openOwnerConnection } from '../../setup/database-connections';
import { readRunSettings } from '../../setup/run-settings';
import { TestApi, startTestApi } from '../../setup/test-app';

/** What must be append-only today; the oracle below also finds every table named like a log. */
const APPEND_ONLY_TABLES = [
  'audit_events',
  'task_status_changes',
  'referral_status_changes',
  'bank_account_status_changes',
  'outbox_events',
];
const LOG_LIKE_NAME = /^audit_|_status_changes$|_log$|_logs$|_history$/;

/** A row each table accepts (the status logs hold ids without foreign keys, so any uuid will do). */
const MINIMAL_INSERT: Record<string, string> = {
  audit_events: `INSERT INTO audit_events (entity_type, entity_id, action) VALUES ('TEST', 'append-only', 'CHECK') RETURNING id`,
  task_status_changes: `INSERT INTO task_status_changes (task_id, to_status) VALUES (gen_random_uuid(), 'TODO') RETURNING id`,
  referral_status_changes: `INSERT INTO referral_status_changes (referral_id, to_status) VALUES (gen_random_uuid(), 'DRAFT') RETURNING id`,
  bank_account_status_changes: `INSERT INTO bank_account_status_changes (application_id, to_status) VALUES (gen_random_uuid(), 'APPLIED') RETURNING id`,
  outbox_events: `INSERT INTO outbox_events (type, rooms, payload) VALUES ('test.append_only', '{}', '{}') RETURNING id`,
};

const PERMISSION_DENIED = '42501';

interface PgError {
  code?: string;
  message: string;
}

/** Runs `work` in a transaction that is always rolled back, and gives back what it returned. */
async function rolledBack<T>(ds: DataSource, work: (runner: QueryRunner) => Promise<T>): Promise<T> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    return await work(runner);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

/**
 * The error a statement fails with, in a rolled-back transaction (after `arrange`, whose rows build the statement);
 * fails the test if it succeeds.
 */
async function refusalOf(ds: DataSource, statement: string | ((arranged: unknown) => string), arrange?: string) {
  return rolledBack(ds, async (runner): Promise<PgError> => {
    const arranged: unknown = arrange ? await runner.query(arrange) : undefined;
    const sql = typeof statement === 'string' ? statement : statement(arranged);
    try {
      await runner.query(sql);
    } catch (error) {
      const { code, message } = (error as { driverError?: PgError }).driverError ?? (error as PgError);
      return { code, message };
    }
    throw new Error(`${sql} succeeded`);
  });
}

describe('append-only at the database', () => {
  const run = readRunSettings();
  let app: DataSource;
  let owner: DataSource;
  let testApi: TestApi;

  beforeAll(async () => {
    app = await openAppRoleConnection();
    owner = await openOwnerConnection();
    testApi = await startTestApi();
  });

  afterAll(async () => {
    await testApi?.close();
    await app?.destroy();
    await owner?.destroy();
  });

  it('connects the API as the run’s app role, which is no superuser, owns no table, sequence or function, and cannot become a role that does', async () => {
    const [apiUser] = await testApi.dataSource.query<{ name: string }[]>('SELECT current_user AS name');
    expect(apiUser.name).toBe(run.appLoginRole);

    const [self] = await app.query<Record<string, unknown>[]>(
      `SELECT current_user AS name, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
    );
    expect(self).toEqual({
      name: run.appLoginRole,
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
    });
    // Every role it is a member of (itself included, through SET ROLE or inheritance).
    const becomes = await app.query<
      { rolname: string; rolsuper: boolean; rolcreaterole: boolean; rolbypassrls: boolean }[]
    >(
      `SELECT rolname, rolsuper, rolcreaterole, rolbypassrls FROM pg_roles WHERE pg_has_role(current_user, oid, 'MEMBER') ORDER BY rolname`,
    );
    expect(becomes.map((r) => r.rolname)).toEqual([run.appLoginRole, 'resettle_app'].sort());
    expect(becomes.filter((r) => r.rolsuper || r.rolcreaterole || r.rolbypassrls)).toEqual([]);

    const tables = await app.query<{ tablename: string; mine: boolean }[]>(
      `SELECT tablename, pg_has_role(current_user, tableowner, 'MEMBER') AS mine FROM pg_tables WHERE schemaname = current_schema()`,
    );
    expect(tables.length).toBeGreaterThan(20);
    expect(tables.filter((t) => t.mine)).toEqual([]);
    const owned = await app.query<unknown[]>(
      `SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND pg_has_role(current_user, c.relowner, 'MEMBER')
       UNION ALL
       SELECT p.proname, 'f' FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = current_schema() AND pg_has_role(current_user, p.proowner, 'MEMBER')`,
    );
    expect(owned).toEqual([]);
  });

  describe.each(APPEND_ONLY_TABLES)('%s', (table) => {
    it('refuses the app role UPDATE, DELETE and TRUNCATE with a permission error', async () => {
      for (const sql of [`UPDATE "${table}" SET id = id`, `DELETE FROM "${table}"`, `TRUNCATE "${table}"`]) {
        const refusal = await refusalOf(app, sql);
        expect({ sql, ...refusal }).toEqual({
          sql,
          code: PERMISSION_DENIED,
          message: expect.stringMatching(/permission denied/),
        });
      }
    });

    it('refuses the app role switching its triggers off, or skipping them with session_replication_role', async () => {
      const triggers = await owner.query<{ tgname: string }[]>(
        `SELECT tgname FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal ORDER BY tgname`,
        [table],
      );
      expect(triggers.length).toBe(2);
      const attempts = [
        `ALTER TABLE "${table}" DISABLE TRIGGER ALL`,
        `ALTER TABLE "${table}" DISABLE TRIGGER USER`,
        ...triggers.map((t) => `ALTER TABLE "${table}" DISABLE TRIGGER "${t.tgname}"`),
        ...triggers.map((t) => `DROP TRIGGER "${t.tgname}" ON "${table}"`),
        `SET session_replication_role = replica`,
      ];
      for (const sql of attempts) {
        const refusal = await refusalOf(app, sql);
        expect({ sql, ...refusal }).toEqual({ sql, code: PERMISSION_DENIED, message: expect.any(String) });
      }
    });

    it('lets the app role INSERT a row and SELECT it back', async () => {
      const seen = await rolledBack(app, async (runner) => {
        const [inserted] = (await runner.query(MINIMAL_INSERT[table])) as { id: string }[];
        return (await runner.query(`SELECT id FROM "${table}" WHERE id = $1`, [inserted.id])) as unknown[];
      });
      expect(seen).toHaveLength(1);
    });

    it('refuses even the owner UPDATE, DELETE and TRUNCATE, through its trigger', async () => {
      const onInserted = (verb: string) => (rows: unknown) => {
        const [row] = rows as { id: string }[];
        return verb === 'UPDATE'
          ? `UPDATE "${table}" SET id = id WHERE id = ${row.id}`
          : `DELETE FROM "${table}" WHERE id = ${row.id}`;
      };
      for (const refusal of [
        await refusalOf(owner, onInserted('UPDATE'), MINIMAL_INSERT[table]),
        await refusalOf(owner, onInserted('DELETE'), MINIMAL_INSERT[table]),
        await refusalOf(owner, `TRUNCATE "${table}"`),
      ]) {
        expect(refusal.message).toMatch(/append-only/);
      }
    });
  });

  // An oracle over every table, so a table added later is held to the same rules without editing this suite.
  it('gives every log-like table both walls, and the app role the ordinary grants (never TRUNCATE) everywhere else', async () => {
    const tables = (
      await owner.query<{ tablename: string }[]>(
        `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
      )
    ).map((t) => t.tablename);
    const guarded = (
      await owner.query<{ relname: string }[]>(
        `SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
       WHERE p.proname IN ('audit_events_append_only', 'refuse_rewrite') AND t.tgenabled <> 'D'`,
      )
    ).map((t) => t.relname);
    expect(guarded).toEqual(expect.arrayContaining(APPEND_ONLY_TABLES));
    expect(tables.filter((t) => LOG_LIKE_NAME.test(t) && !guarded.includes(t))).toEqual([]);

    const privileges = await owner.query<{ table: string; privilege: string; held: boolean }[]>(
      `SELECT t.tablename AS table, p.privilege, has_table_privilege($1, quote_ident(t.tablename), p.privilege) AS held
       FROM pg_tables t CROSS JOIN unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) AS p(privilege)
       WHERE t.schemaname = current_schema()`,
      [run.appLoginRole],
    );
    const expected = (table: string, privilege: string): boolean => {
      if (table === 'migrations') return false;
      if (privilege === 'SELECT' || privilege === 'INSERT') return true;
      if (privilege === 'UPDATE' || privilege === 'DELETE') return !guarded.includes(table);
      return false;
    };
    const wrong = privileges.filter((p) => p.held !== expected(p.table, p.privilege));
    expect(wrong).toEqual([]);

    const sequences = await owner.query<{ sequencename: string; usable: boolean; settable: boolean }[]>(
      `SELECT sequencename, has_sequence_privilege($1, quote_ident(sequencename), 'USAGE') AS usable,
              has_sequence_privilege($1, quote_ident(sequencename), 'UPDATE') AS settable
       FROM pg_sequences WHERE schemaname = current_schema()`,
      [run.appLoginRole],
    );
    expect(sequences.length).toBeGreaterThan(0);
    expect(sequences.filter((s) => !s.usable || s.settable)).toEqual([]);
  });
});
