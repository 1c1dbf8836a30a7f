/**
 * The live path proves itself: readiness that fails while a gateway's Redis subscription is gone and comes back
 * by itself, boards that catch up from the heartbeat when their gateway delivers nothing, metrics on every app,
 * and the admins' queue view. Real API (in process), real worker and gateway processes, real PostgreSQL, Redis
 * and socket.io clients; negative checks end on a sentinel (a state or an event), never on a fixed sleep.
 */
import Redis from 'ioredis';
import { Socket, io } from 'socket.io-client';
import { Role } from '@app/domain';
import { connectAdapterClients } from '../../../apps/gateway/src/live-path/adapter-clients';
import { CatchUp, followBoard } from '../../../apps/web/src/board-follower';
import { AppProcess, startApp } from '../../setup/app-process';
import { metricSample } from '../../setup/metrics-text';
import { ReceivedEvent, eventually } from '../../setup/board-client';
import { readRunSettings } from '../../setup/run-settings';
import { TestApi, startTestApi } from '../../setup/test-app';
import { SignedInUser, createSignedInUser, createWoman, recordNeeds, uniqueSuffix } from '../../factories';

jest.setTimeout(120_000);

const FAST = { GATEWAY_CANARY_MS: '1000', GATEWAY_HEARTBEAT_MS: '500' };

describe('a live path that proves itself', () => {
  const run = readRunSettings();
  let api: TestApi;
  let worker: AppProcess;
  let gateway: AppProcess;
  let redis: Redis;
  let prt: SignedInUser;
  let admin: SignedInUser;
  const gatewayName = `e2e-${uniqueSuffix()}`;
  const sockets: Socket[] = [];
  const extraApps: AppProcess[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    redis = new Redis(run.redisUrl, { maxRetriesPerRequest: 1 });
    [gateway, worker] = await Promise.all([
      startApp('gateway', { ...FAST, GATEWAY_NAME: gatewayName, GATEWAY_DEAF_EXIT_MS: '0' }),
      startApp('worker', { HORIZON_EVERY_MS: '1000', RECONCILE_EVERY_MS: '60000' }),
    ]);
    prt = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] });
    admin = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.ADMIN });
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all([worker?.stop(), gateway?.stop(), ...extraApps.map((a) => a.stop())]);
    redis?.disconnect();
    await api?.close();
  });

  async function ready(
    url: string,
  ): Promise<{ status: number; body: { details?: Record<string, Record<string, unknown>> } }> {
    const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(5000) });
    return {
      status: response.status,
      body: (await response.json()) as { details?: Record<string, Record<string, unknown>> },
    };
  }

  /** Polls readiness until it answers `status`; returns the answer (or the last one, which then fails the test). */
  async function readyBecomes(url: string, status: number, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    let last = await ready(url);
    while (last.status !== status && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      last = await ready(url);
    }
    return last;
  }

  /** The pub/sub connection Redis lists under this name, with its id and subscription counts. */
  async function subscriber(name: string): Promise<{ id: string; psub: number; sub: number } | null> {
    const list = (await redis.call('CLIENT', 'LIST', 'TYPE', 'pubsub')) as string;
    const line = list.split('\n').find((l) => l.includes(` name=${name} `));
    if (!line) return null;
    const field = (key: string) => new RegExp(`(?:^| )${key}=(\\S*)`).exec(line)?.[1] ?? '';
    return { id: field('id'), psub: Number(field('psub')), sub: Number(field('sub')) };
  }

  async function metrics(url: string): Promise<string> {
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    return response.text();
  }

  const sample = metricSample;

  it('gives the adapter connections that are ready before it subscribes, so no subscribe lands in the handshake (ioredis#2037)', async () => {
    for (let start = 0; start < 20; start += 1) {
      const name = `e2e-start-${uniqueSuffix()}`;
      const clients = await connectAdapterClients({ url: run.redisUrl, prefix: run.redisPrefix, sentinel: null }, name);
      const errors: string[] = [];
      clients.sub.on('error', (error: Error) => errors.push(error.message));
      try {
        expect([clients.pub.status, clients.sub.status]).toEqual(['ready', 'ready']);
        // What @socket.io/redis-adapter does in its constructor.
        await Promise.all([clients.sub.psubscribe(`${run.redisPrefix}:race#*`), clients.sub.subscribe('a', 'b', 'c')]);
        expect(await subscriber(clients.subName)).toMatchObject({ psub: 1, sub: 3 });
        // Sentinel: a round trip on the same connection after the subscriptions; any refusal was emitted by then.
        await clients.sub.ping();
        expect(errors).toEqual([]);
      } finally {
        clients.pub.disconnect();
        clients.sub.disconnect();
      }
    }
  });

  it('reports the gateway unready while its Redis subscription is gone, and ready again once it re-subscribed by itself', async () => {
    const subName = `${run.redisPrefix}:gateway:${gatewayName}:sub`;
    const before = await ready(gateway.url);
    expect(before.status).toBe(200);
    expect(before.body.details?.adapter).toMatchObject({ status: 'up', subscriber: subName });
    const original = await subscriber(subName);
    expect(original?.psub).toBeGreaterThan(0);
    expect(original?.sub).toBeGreaterThan(0);

    await redis.call('CLIENT', 'KILL', 'ID', original?.id as string);

    const deaf = await readyBecomes(gateway.url, 503, 30_000);
    expect(deaf.status).toBe(503);
    expect(deaf.body.details?.adapter.status).toBe('down');
    const back = await readyBecomes(gateway.url, 200, 60_000);
    expect(back.status).toBe(200);
    // A new connection under the same name, subscribed again.
    const again = await subscriber(subName);
    expect(again?.id).not.toBe(original?.id);
    expect(again?.psub).toBeGreaterThan(0);
    // The loss was logged at error level (pino's 50).
    expect(gateway.output.some((l) => l.includes('lost its Redis subscription') && l.includes('"level":50'))).toBe(
      true,
    );
    const text = await metrics(gateway.url);
    expect(sample(text, 'resettle_adapter_subscription_losses_total')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'resettle_adapter_subscribed')).toBe(1);
  });

  it('catches a board up from the heartbeat when its gateway delivers nothing through Redis', async () => {
    // A gateway on another key prefix is deaf to this run's relay exactly as a gateway that never subscribed
    // (issue 12): ready by its own canary, yet no board.event ever reaches its sockets through Redis.
    const deafGateway = await startApp('gateway', { ...FAST, REDIS_PREFIX: `${run.redisPrefix}-deaf` });
    extraApps.push(deafGateway);
    const socket = io(deafGateway.url, { auth: { token: prt.token }, transports: ['websocket'], forceNew: true });
    sockets.push(socket);
    const live: ReceivedEvent[] = [];
    socket.on('board.event', (event: ReceivedEvent) => live.push(event));
    socket.on('board.events', (events: ReceivedEvent[]) => live.push(...events));
    const received: ReceivedEvent[] = [];
    const catchUps: CatchUp[] = [];
    let reloads = 0;
    let heartbeats = 0;
    socket.on('board.heartbeat', () => (heartbeats += 1));
    const board = followBoard<ReceivedEvent>(socket, ['prison:STI'], {
      onEvent: (event) => received.push(event),
      onReload: () => (reloads += 1),
      onCaughtUp: (catchUp) => catchUps.push(catchUp),
      onSubscribed: () => undefined,
    });
    expect(await eventually(() => socket.connected && heartbeats > 0, 30_000)).toBe(true);

    // First change: nothing to replay from yet, so the page refetches and counts from the heartbeat's sequence.
    const woman = await createWoman(api.baseUrl, prt.token);
    expect(await eventually(() => reloads > 0, 30_000)).toBe(true);
    const baseline = board.lastSeq();
    expect(baseline).toBeGreaterThan(0);

    // Second change: its events never arrive live; the heartbeat shows them and the board catches up by replay.
    const { tasksCreated } = await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
    expect(await eventually(() => catchUps.length > 0, 30_000)).toBe(true);
    const caughtUp = received.filter((e) => e.womanId === woman.id && e.seq > baseline);
    expect(
      caughtUp
        .filter((e) => e.type === 'task.created')
        .map((e) => e.task?.id)
        .sort(),
    ).toEqual(tasksCreated.map((t) => t.id).sort());
    expect(catchUps[0].missed).toBeGreaterThanOrEqual(caughtUp.length);
    const seqs = received.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(live).toEqual([]);
  });

  it('exposes the named metrics on every app, and an alert raised moves the lateness histogram', async () => {
    const socket = io(gateway.url, { auth: { token: prt.token }, transports: ['websocket'], forceNew: true });
    sockets.push(socket);
    await eventually(() => socket.connected, 30_000);
    await socket.timeout(10_000).emitWithAck('board.subscribe', { rooms: ['prison:STI'] });

    const gatewayText = await metrics(gateway.url);
    expect(sample(gatewayText, 'resettle_gateway_sockets_connected')).toBeGreaterThanOrEqual(1);
    expect(sample(gatewayText, 'resettle_gateway_rooms')).toBeGreaterThanOrEqual(1);
    expect(sample(gatewayText, 'resettle_adapter_subscribed')).toBe(1);
    expect(sample(gatewayText, 'process_cpu_user_seconds_total')).not.toBeNull();

    const lateness = (text: string) =>
      sample(text, 'resettle_alert_lateness_seconds_count', { kind: 'AT_RISK', path: 'threshold' }) ?? 0;
    const workerBefore = await metrics(worker.url);
    const woman = await createWoman(api.baseUrl, prt.token);
    const { tasksCreated } = await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
    const task = tasksCreated[0];
    const now = Date.now();
    await api.dataSource.query(
      `UPDATE tasks SET at_risk_at = $2, due_at = $3, deadline_revision = deadline_revision + 1 WHERE id = $1`,
      [task.id, new Date(now + 1500), new Date(now + 3_600_000)],
    );
    // Sentinel: the alert row exists, and then the histogram has counted it (observed just after the commit).
    expect(
      await waitFor(
        async () => (await api.dataSource.query('SELECT 1 FROM alerts WHERE task_id = $1', [task.id])).length > 0,
      ),
    ).toBe(true);
    expect(await waitFor(async () => lateness(await metrics(worker.url)) > lateness(workerBefore))).toBe(true);
    const workerAfter = await metrics(worker.url);
    expect(lateness(workerAfter)).toBe(lateness(workerBefore) + 1);
    expect(
      sample(workerAfter, 'resettle_alert_lateness_seconds_bucket', { kind: 'AT_RISK', path: 'threshold', le: '+Inf' }),
    ).toBe(lateness(workerAfter));
    expect(
      sample(workerAfter, 'resettle_alert_lateness_seconds_sum', { kind: 'AT_RISK', path: 'threshold' }),
    ).toBeLessThan(lateness(workerAfter) * 60);
    expect(sample(workerAfter, 'resettle_outbox_lag_events')).toBeGreaterThanOrEqual(0);
    expect(sample(workerAfter, 'resettle_queue_depth', { queue: 'deadlines' })).toBeGreaterThanOrEqual(0);
    // The task's due time (an hour away) waits as a delayed job.
    expect(sample(workerAfter, 'resettle_queue_delayed', { queue: 'deadlines' })).toBeGreaterThanOrEqual(1);
    expect(sample(workerAfter, 'resettle_reconciler_repairs_total')).toBeGreaterThanOrEqual(0);

    const apiText = await metrics(api.baseUrl);
    expect(
      sample(apiText, 'resettle_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/women/:womanId/assessments',
        status: '201',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(apiText, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('reports the worker ready with its relay, and the API ready with PostgreSQL and Redis', async () => {
    const workerReady = await ready(worker.url);
    expect(workerReady.status).toBe(200);
    expect(Object.keys(workerReady.body.details ?? {}).sort()).toEqual(['postgres', 'redis', 'relay']);
    expect(workerReady.body.details?.relay).toMatchObject({ status: 'up', leader: true });
    const apiReady = await ready(api.baseUrl);
    expect(apiReady.status).toBe(200);
    expect(Object.keys(apiReady.body.details ?? {}).sort()).toEqual(['postgres', 'redis']);
  });

  it('serves the deadline queue view to an admin and refuses everyone else', async () => {
    const page = (headers: Record<string, string>) => fetch(`${api.baseUrl}/admin/queues`, { headers });
    expect((await page({})).status).toBe(401);
    expect((await page({ authorization: 'Bearer not-a-token' })).status).toBe(401);
    const refused = await page({ authorization: `Bearer ${prt.token}` });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toContain('PRE_RELEASE_TEAM');
    expect((await page({ cookie: `resettle_admin_token=${prt.token}` })).status).toBe(403);

    const served = await page({ authorization: `Bearer ${admin.token}` });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toContain('text/html');
    const queues = await fetch(`${api.baseUrl}/admin/queues/api/queues`, {
      headers: { cookie: `resettle_admin_token=${encodeURIComponent(admin.token)}` },
    });
    expect(queues.status).toBe(200);
    const body = (await queues.json()) as { queues: { name: string; readOnlyMode: boolean }[] };
    expect(body.queues.map((q) => [q.name, q.readOnlyMode])).toEqual([['deadlines', true]]);
    expect(
      (await fetch(`${api.baseUrl}/admin/queues/api/queues`, { headers: { authorization: `Bearer ${prt.token}` } }))
        .status,
    ).toBe(403);
  });
});

async function waitFor(predicate: () => Promise<boolean>, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return predicate();
}
