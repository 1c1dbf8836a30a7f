/**
 * The embedded server's database and roles, as in production: the `postgres` superuser owns the tables and runs
 * the migrations and the seed; the apps log in as `resettle_app_user`, a member of the `resettle_app` group role
 * the migrations make and grant to (libs/database/src/migrations/1795370000000-AppRole.ts).
 */
import { Client, QueryResult } from 'pg';

export const PG_USER = 'postgres';
// Local-only credentials: the embedded server listens on 127.0.0.1 and nowhere else.
export const PG_PASSWORD = 'resettle-local';
export const PG_DATABASE = 'resettle';
export const PG_APP_USER = 'resettle_app_user';
export const PG_APP_PASSWORD = 'resettle-local-app';
const PG_APP_GROUP = 'resettle_app';

export async function pgQuery(port: number, database: string, sql: string, params?: unknown[]): Promise<QueryResult> {
  const client = new Client({ host: '127.0.0.1', port, user: PG_USER, password: PG_PASSWORD, database });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await client.query(sql, params);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function acceptsConnections(port: number): Promise<boolean> {
  return pgQuery(port, 'postgres', 'SELECT 1').then(
    () => true,
    () => false,
  );
}

/** Creates the `resettle` database if missing; says whether it did. */
export async function ensureDatabase(port: number): Promise<boolean> {
  const found = await pgQuery(port, 'postgres', 'SELECT 1 FROM pg_database WHERE datname = $1', [PG_DATABASE]);
  if (found.rowCount !== 0) return false;
  await pgQuery(port, 'postgres', `CREATE DATABASE "${PG_DATABASE}"`);
  return true;
}

/** The apps' login role: not a superuser, owns nothing; its rights come from the group role (granted after migrating). */
export async function ensureAppLoginRole(port: number): Promise<void> {
  const found = await pgQuery(port, 'postgres', 'SELECT 1 FROM pg_roles WHERE rolname = $1', [PG_APP_USER]);
  const verb = found.rowCount === 0 ? 'CREATE' : 'ALTER';
  await pgQuery(
    port,
    'postgres',
    `${verb} ROLE ${PG_APP_USER} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${PG_APP_PASSWORD}'`,
  );
}

/** After the migrations, which make the group role on a new cluster. Granting it again is harmless. */
export async function grantAppGroupRole(port: number): Promise<void> {
  await pgQuery(port, 'postgres', `GRANT ${PG_APP_GROUP} TO ${PG_APP_USER}`);
}
