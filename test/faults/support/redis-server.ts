/**
 * A redis-server of the fault suite's own, on a port of its own, with nothing persisted: so a restart is a
 * restart to empty, as Redis without persistence comes back in production. Found on PATH (as npm start does).
 * Started detached, so that killing it (SIGKILL, by the process id Redis itself reports) is the only way it dies
 * early; the suite's teardown shuts it down by port.
 */
import { spawn } from 'node:child_process';
import Redis from 'ioredis';

async function answers(port: number): Promise<boolean> {
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

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} within ${timeoutMs} ms`);
}

export async function startRedisServer(port: number): Promise<void> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no'],
    { detached: true, stdio: 'ignore' },
  );
  child.once('error', (error) => {
    throw new Error(`redis-server could not start (${error.message}): install it (apt-get install redis-server)`);
  });
  child.unref();
  await until(`redis-server did not answer on port ${port}`, () => answers(port), 15_000);
}

/** SIGKILL, as a crashed or evicted Redis dies; resolves once the port refuses connections. */
export async function killRedisServer(port: number): Promise<void> {
  const client = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
  const info = await client.info('server');
  client.disconnect();
  const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
  if (!pid) throw new Error('redis-server did not report its process id');
  process.kill(pid, 'SIGKILL');
  await until(`redis-server on ${port} still answered after SIGKILL`, async () => !(await answers(port)), 10_000);
}

export async function stopRedisServer(port: number): Promise<void> {
  if (!(await answers(port))) return;
  const client = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 0 });
  client.on('error', () => undefined);
  await client.call('SHUTDOWN', 'NOSAVE').catch(() => undefined);
  client.disconnect();
}
