/**
 * A PostgreSQL cluster of the fault suite's own (Debian's binaries, a temporary data directory, a port of its
 * own), so that case 3 can restart it without touching the machine's shared server. PostgreSQL refuses to run
 * as root, so as root the cluster belongs to, and runs as, the OS user `postgres` (as scripts/start.js does).
 * fsync and full-page writes are off (the suite crashes the server, never the machine, so the OS keeps what was
 * written); synchronous_commit stays on, or an immediate shutdown would lose commits the API had acknowledged.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresServer {
  binDir: string;
  dataDir: string;
  logFile: string;
  port: number;
  /** Set when the suite runs as root: the server runs as this OS user. */
  uid?: number;
  gid?: number;
}

function debianBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'pg_ctl')));
  if (!found) throw new Error(`no PostgreSQL binaries under ${root} (apt-get install postgresql)`);
  return found;
}

function owner(): { uid?: number; gid?: number } {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

function run(server: PostgresServer, tool: string, args: string[]): void {
  execFileSync(join(server.binDir, tool), args, { uid: server.uid, gid: server.gid, stdio: 'pipe', timeout: 60_000 });
}

export function initPostgresServer(port: number): PostgresServer {
  const home = mkdtempSync(join(tmpdir(), 'resettle-faults-pg-'));
  const server: PostgresServer = {
    binDir: debianBinDir(),
    dataDir: join(home, 'data'),
    logFile: join(home, 'postgres.log'),
    port,
    ...owner(),
  };
  if (server.uid !== undefined) chownSync(home, server.uid, server.gid as number);
  run(server, 'initdb', ['-D', server.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  return server;
}

export function startPostgresServer(server: PostgresServer): void {
  const options = [
    `-p ${server.port}`,
    '-c listen_addresses=127.0.0.1',
    "-c unix_socket_directories=''",
    '-c fsync=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  run(server, 'pg_ctl', ['-D', server.dataDir, '-l', server.logFile, '-o', options, '-w', '-t', '60', 'start']);
}

/** `immediate` is a crash as far as the clients are concerned: every connection is cut at once. */
export function stopPostgresServer(server: PostgresServer, mode: 'immediate' | 'fast' = 'fast'): void {
  if (!existsSync(join(server.dataDir, 'postmaster.pid'))) return;
  run(server, 'pg_ctl', ['-D', server.dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
}

export function removePostgresServer(server: PostgresServer): void {
  rmSync(join(server.dataDir, '..'), { recursive: true, force: true });
}

/**
 * A streaming replica of `primary`, in a data directory of its own: `pg_basebackup -R` copies the cluster and
 * writes the standby settings (standby.signal, primary_conninfo), so once started on `port` it replays the
 * primary's WAL as it streams in, read-only (hot standby). Start it with startPostgresServer.
 */
export function basebackupReplica(primary: PostgresServer, port: number): PostgresServer {
  const home = mkdtempSync(join(tmpdir(), 'resettle-faults-replica-'));
  const replica: PostgresServer = {
    ...primary,
    dataDir: join(home, 'data'),
    logFile: join(home, 'postgres.log'),
    port,
  };
  if (replica.uid !== undefined) chownSync(home, replica.uid, replica.gid as number);
  run(replica, 'pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    replica.dataDir,
    '-R',
    '-X',
    'stream',
    // An immediate checkpoint: the default (spread) waits out most of checkpoint_timeout.
    '--checkpoint=fast',
    '--no-sync',
  ]);
  return replica;
}
