/**
 * Test 2, bare-library side: the same work with the bare libraries. A plain Node http handler
 * (bench/bare/task-http-server.ts) updates the same task row in a pg transaction and emits the change through
 * `@socket.io/redis-emitter`; two plain socket.io servers on `@socket.io/redis-adapter` (bench/bare/socketio-server.ts,
 * the same Redis, a key of the run's own) hold the same number of clients, half on each, spread over the same client
 * processes. The same task changes, through the same HTTP client, timed the same way as the Resettle side.
 */
import { join } from 'node:path';
import { freePort, pollUntil, SupervisedProcess } from '../../scripts/supervisor';
import type { BareServerMessage, BareServerRequest } from '../bare/socketio-server';
import type { TaskServerMessage } from '../bare/task-http-server';
import { callApi } from '../lib/http';
import { Bench } from '../lib/stack';
import { ClientFleet } from './client-fleet';
import { benchTask } from './resettle';
import { FanoutResult, statusChangeRounds, TaskState } from './rounds';
import { MemorySample, perSocket, residentBytes, sumSamples } from './socket-memory';

export async function bareFanout(
  bench: Bench,
  clients: number,
  template: Record<string, unknown>,
): Promise<FanoutResult> {
  const { run, settings, stack } = bench;
  const key = `${run.prefix}-bare-fanout:socket.io`;
  const ports = [await freePort(), await freePort()];
  const httpPort = await freePort();
  const servers = ports.map((port, i) =>
    run.startNode(`bare-socketio-${i + 1}`, helper('socketio-server.js'), {
      env: { PORT: String(port), REDIS_URL: settings.redisUrl, CHANNEL_PREFIX: key },
      ipc: true,
    }),
  );
  const handler = run.startNode('bare-task-http', helper('task-http-server.js'), {
    env: {
      PORT: String(httpPort),
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: settings.redisUrl,
      CHANNEL_PREFIX: key,
      BARE_EVENT_TEMPLATE: JSON.stringify(template),
    },
    ipc: true,
  });
  try {
    await Promise.all([...servers, handler].map(waitForReadyMessage));
    const task = await benchTask(bench);
    const before = await serverMemory(servers);
    const fleet = await ClientFleet.open(run, 'bare-clients', {
      urls: ports.map((port) => `http://127.0.0.1:${port}`),
      count: clients,
      perProcess: settings.clientsPerProcess,
      join: 'join',
    });
    try {
      const memory = perSocket(clients, before, await serverMemory(servers));
      const rounds = await statusChangeRounds(fleet, task, settings.changes, (current, next) =>
        callApi<TaskState>(httpPort, 'PATCH', `/tasks/${current.id}/status`, {
          body: { status: next, version: current.version },
        }),
      );
      return { ...rounds, disconnected: await fleet.close(), memory };
    } finally {
      await fleet.close();
    }
  } finally {
    await Promise.all([...servers, handler].map((server) => server.stop()));
  }
}

function helper(script: string): string {
  return join(__dirname, '..', 'bare', script);
}

async function serverMemory(servers: SupervisedProcess[]): Promise<MemorySample> {
  return sumSamples(await Promise.all(servers.map(askMemory)));
}

/** RSS from the kernel (as for the gateways), heap from the server itself over IPC. */
async function askMemory(server: SupervisedProcess): Promise<MemorySample> {
  const reply = new Promise<number>((resolve) => {
    const onMessage = (message: BareServerMessage) => {
      if (message.type !== 'memory') return;
      server.child.off('message', onMessage);
      resolve(message.heapUsed);
    };
    server.child.on('message', onMessage);
  });
  server.child.send({ type: 'memory' } satisfies BareServerRequest);
  const heapUsed = await Promise.race([
    reply,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${server.name}: no memory reply`)), 10_000)),
  ]);
  if (server.pid === undefined) throw new Error(`${server.name} has no pid`);
  return { rss: residentBytes(server.pid), heapUsed };
}

async function waitForReadyMessage(server: SupervisedProcess): Promise<void> {
  let ready = false;
  server.child.on('message', (message: BareServerMessage | TaskServerMessage) => {
    if (message.type === 'ready') ready = true;
  });
  await pollUntil(() => ready, {
    what: `${server.name} to be ready`,
    timeoutMs: 30_000,
    everyMs: 20,
    abortIf: () => (server.running ? undefined : `${server.name} ${server.describeExit()}\n${server.describe()}`),
  });
}
