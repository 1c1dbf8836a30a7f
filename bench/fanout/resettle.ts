/**
 * Test 2, Resettle side: `clients` clients (half on each gateway, spread over client processes) subscribed to the
 * STI prison room; `changes` status changes of one STI task through the API (`PATCH /tasks/:id/status`), one after
 * another. Also returns the event the clients received, as the template the bare side sends (the same bytes).
 */
import { callApi } from '../lib/http';
import { Bench } from '../lib/stack';
import { ClientFleet } from './client-fleet';
import { FanoutResult, statusChangeRounds, TaskState } from './rounds';
import { heapFromMetrics, MemorySample, perSocket, residentBytes, sumSamples } from './socket-memory';

export interface ResettleFanout extends FanoutResult {
  template: Record<string, unknown>;
}

/** The bench task of STI whose status both sides flip. */
export async function benchTask(bench: Bench): Promise<TaskState> {
  const { rows } = await bench.stack.db.query<TaskState>(
    `SELECT t.id, t.version, t.status FROM tasks t JOIN women w ON w.id = t.woman_id
      WHERE w.prison_code = 'STI' AND t.template_key = 'bench' ORDER BY t.due_at DESC LIMIT 1`,
  );
  return { ...rows[0] };
}

export async function resettleFanout(bench: Bench, clients: number): Promise<ResettleFanout> {
  const { run, settings, stack } = bench;
  const task = await benchTask(bench);
  const before = await gatewayMemory(bench);
  const urls = stack.gatewayPorts.map((port) => `http://127.0.0.1:${port}`);
  const fleet = await ClientFleet.open(run, 'fanout-clients', {
    urls,
    count: clients,
    perProcess: settings.clientsPerProcess,
    join: 'subscribe',
    token: stack.prtToken,
  });
  try {
    const memory = perSocket(clients, before, await gatewayMemory(bench));
    const rounds = await statusChangeRounds(fleet, task, settings.changes, (current, next) =>
      callApi<TaskState>(stack.apiPort, 'PATCH', `/tasks/${current.id}/status`, {
        token: stack.prtToken,
        body: { status: next, version: current.version },
      }),
    );
    const template = await lastPublishedEvent(bench, task.id);
    return { ...rounds, disconnected: await fleet.close(), memory, template };
  } finally {
    await fleet.close();
  }
}

/** Both gateways: RSS from the kernel, heap from their /metrics. */
async function gatewayMemory(bench: Bench): Promise<MemorySample> {
  const { run, stack } = bench;
  const samples = await Promise.all(
    stack.gatewayPorts.map(async (port, i) => {
      const gateway = run.group.running.find((p) => p.name === `gateway-${i + 1}`);
      if (gateway?.pid === undefined) throw new Error(`gateway-${i + 1} is not running`);
      const heapUsed = await heapFromMetrics(`http://127.0.0.1:${port}/metrics`);
      return { rss: residentBytes(gateway.pid), heapUsed };
    }),
  );
  return sumSamples(samples);
}

/** The task's newest event as the relay published it (the outbox payload with its sequence). */
async function lastPublishedEvent(bench: Bench, taskId: string): Promise<Record<string, unknown>> {
  const { rows } = await bench.stack.db.query<{ id: string; payload: Record<string, unknown> }>(
    `SELECT id, payload FROM outbox_events WHERE payload -> 'task' ->> 'id' = $1 ORDER BY id DESC LIMIT 1`,
    [taskId],
  );
  if (!rows[0]) throw new Error(`no outbox event for task ${taskId}`);
  return { ...rows[0].payload, seq: Number(rows[0].id) };
}
