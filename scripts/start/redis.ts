/**
 * The Redis of `npm start` when REDIS_URL is unset: a redis-server from PATH on a free port with nothing persisted
 * (Redis only ever holds what can be rebuilt from PostgreSQL).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';
import { freePort, pollUntil } from '../supervisor';
import { log } from './console';
import { StartRun } from './run';

const READY_TIMEOUT_MS = 60_000;

/** Checked before anything starts, so that a missing redis-server fails in a second, not after initdb. */
export function findRedisServer(): string {
  const found = findOnPath('redis-server');
  if (found) return found;
  throw new Error(
    'REDIS_URL is not set and there is no redis-server on PATH.\n' +
      'Install one (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis),\n' +
      'or point REDIS_URL at a Redis you already run, e.g. REDIS_URL=redis://127.0.0.1:6379 npm start',
  );
}

/** Starts redis-server and returns its URL once it answers PING. */
export async function startRedis(run: StartRun, redisServer: string): Promise<string> {
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  args.push('--loglevel', 'warning');
  const server = run.start('infra', { name: 'redis', command: redisServer, args, env: process.env });
  await pollUntil(() => redisPing(port), {
    what: `redis-server to answer PING on port ${port}`,
    timeoutMs: READY_TIMEOUT_MS,
    abortIf: () => (server.running ? undefined : `redis exited (${server.describeExit()}); its output is above`),
  });
  log(`Redis on 127.0.0.1:${port} (in memory only).`);
  return `redis://127.0.0.1:${port}`;
}

function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

/** A raw PING over TCP: no client library needed to know the server is up. */
function redisPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let reply = '';
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (!reply.includes('\r\n')) return;
      socket.destroy();
      resolve(reply.startsWith('+PONG'));
    });
  });
}
