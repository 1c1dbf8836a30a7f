/**
 * PostgreSQL refuses to run as root, so as root `npm start` runs it as the OS user `postgres` (created if missing)
 * and hands it the data folder. Fails early, naming the path, when that user cannot reach the folder or binary.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lchownSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { log } from './console';

export interface OsUser {
  uid?: number;
  gid?: number;
}

const PG_OS_USER = 'postgres';

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Who runs PostgreSQL: ourselves ({}), or as root the `postgres` OS user. */
export function postgresOsUser(): OsUser {
  return isRoot() ? ensurePostgresOsUser() : {};
}

function ensurePostgresOsUser(): OsUser {
  if (spawnSync('id', ['-u', PG_OS_USER], { stdio: 'ignore' }).status !== 0) {
    log(`Running as root: creating the OS user "${PG_OS_USER}" to run PostgreSQL (it refuses to run as root).`);
    try {
      execFileSync('groupadd', ['--system', PG_OS_USER], { stdio: 'pipe' });
      execFileSync('useradd', ['--system', '-g', PG_OS_USER, '--no-create-home', '-s', '/bin/false', PG_OS_USER], {
        stdio: 'pipe',
      });
    } catch (error) {
      const why = error instanceof Error ? error.message.trim() : String(error);
      throw new Error(`Could not create the OS user "${PG_OS_USER}" (${why}). Set DATABASE_URL instead.`);
    }
  }
  const id = (flag: string) => Number(execFileSync('id', [flag, PG_OS_USER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

export function prepareDataDir(dataDir: string, owner: OsUser): void {
  // .data must be traversable by the postgres user even under a restrictive umask.
  mkdirSync(dirname(dataDir), { recursive: true });
  chmodSync(dirname(dataDir), 0o755);
  mkdirSync(dataDir, { recursive: true });
  chownTree(dataDir, owner);
  chmodSync(dataDir, 0o700);
}

/** Gives the tree to `owner` (nothing to do when we run PostgreSQL as ourselves). */
export function chownTree(dir: string, owner: OsUser): void {
  if (owner.uid === undefined || owner.gid === undefined) return;
  chownSync(dir, owner.uid, owner.gid);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full, owner);
    else lchownSync(full, owner.uid, owner.gid);
  }
}

export function assertUsableBy(owner: OsUser, dataDir: string, postgresBinary: string): void {
  if (owner.uid === undefined) return;
  const asOwner = (command: string, args: string[]) =>
    spawnSync(command, args, { uid: owner.uid, gid: owner.gid, stdio: 'ignore' }).status === 0;
  if (!asOwner('/bin/sh', ['-c', 'test -w "$1" && test -x "$1"', 'sh', dataDir])) {
    throw new Error(
      `The "${PG_OS_USER}" OS user cannot write ${dataDir}: one of its parent folders is not traversable ` +
        `by other users (check with: namei -l ${dataDir}). Move the checkout, or set DATABASE_URL.`,
    );
  }
  if (!asOwner(postgresBinary, ['--version'])) {
    throw new Error(
      `The "${PG_OS_USER}" OS user cannot run ${postgresBinary} (check with: namei -l ${postgresBinary}). ` +
        'Move the checkout somewhere other users can read, or set DATABASE_URL.',
    );
  }
}
