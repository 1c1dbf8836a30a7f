/**
 * A redis-server of the fault suite's own, on a port of its own, with nothing persisted: so a restart is a
 * restart to empty, as Redis without persistence comes back in production. Found on PATH (as npm start does).
 * Started detached, so that killing it (SIGKILL, by the process id Redis itself reports) is the only way it dies
 * early; the suite's teardown shuts it down by port.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { pollUntil } from '../../../scripts/supervisor';

/** Whether a Redis (or a Sentinel) answers PING on this port of 127.0.0.1. */
export async function answers(port: number): Promise<boolean> {
  const probe = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/**
 * Each server's working directory, removed when it is stopped. A replica writes the copy it receives from its
 * primary there as dump.rdb, even with saving off (it once landed in the repository, the suite's directory).
 */
const workingDirs = new Map<number, string>();

/** `extra` adds options, e.g. `--replicaof 127.0.0.1 <port>` for a replica. */
export async function startRedisServer(port: number, extra: string[] = []): Promise<void> {
  const dir = workingDirs.get(port) ?? mkdtempSync(join(tmpdir(), `resettle-redis-${port}-`));
  workingDirs.set(port, dir);
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'no',
      '--dir',
      dir,
      ...extra,
    ],
    { detached: true, stdio: 'ignore' },
  );
  child.once('error', (error) => {
    throw new Error(`redis-server could not start (${error.message}): install it (apt-get install redis-server)`);
  });
  child.unref();
  await pollUntil(() => answers(port), {
    what: `redis-server to answer on port ${port}`,
    timeoutMs: 15_000,
    everyMs: 50,
  });
}

/** SIGKILL, as a crashed or evicted Redis dies; resolves once the port refuses connections. */
export async function killRedisServer(port: number): Promise<void> {
  const client = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
  const info = await client.info('server');
  client.disconnect();
  const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
  if (!pid) throw new Error('redis-server did not report its process id');
  process.kill(pid, 'SIGKILL');
  await pollUntil(async () => !(await answers(port)), {
    what: `redis-server on ${port} to stop answering after SIGKILL`,
    timeoutMs: 10_000,
    everyMs: 50,
  });
}

export async function stopRedisServer(port: number): Promise<void> {
  if (await answers(port)) {
    const client = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 0 });
    client.on('error', () => undefined);
    await client.call('SHUTDOWN', 'NOSAVE').catch(() => undefined);
    client.disconnect();
  }
  const dir = workingDirs.get(port);
  if (dir) rmSync(dir, { recursive: true, force: true });
  workingDirs.delete(port);
}
