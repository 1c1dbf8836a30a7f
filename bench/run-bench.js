#!/usr/bin/env node
/**
 * Resettle benchmark (`npm run bench`, after `npm run build`). Runs the built api, two gateways and the
 * worker as real separate processes against a database and a Redis key prefix of its own, and measures:
 *
 *  1. Alert lateness: 10,000 tasks fall due within one minute among 100,000 open tasks; for every
 *     `alert.raised` a subscribed admin client receives (one client on each gateway), receive time −
 *     alert.thresholdAt. Bare library: BullMQ alone, 10,000 delayed jobs due within one minute, a no-op
 *     worker of the same concurrency, job start time − due time.
 *  2. Fan-out: 1,000 clients (half on each gateway) in one prison room; 20 task status changes through
 *     the API, one after another; per client, receive time − the moment before the HTTP request was sent.
 *     Bare library: two plain socket.io servers on the Redis adapter, the same clients, 20 broadcasts.
 *  3. Rebuild after Redis loss: 100,000 open tasks with thresholds inside the 7-day horizon; stop the
 *     worker, delete the run's Redis keys, start the worker, time until its horizon is back. Bare library:
 *     BullMQ addBulk of the same number of delayed jobs in chunks of 1,000. Then checks that no alert was
 *     lost or doubled across the loss.
 *
 * BENCH_SCALE (default 1) shrinks the data (0.1 for a quick run). The run bounds every wait, stops every
 * process it started (also on error and Ctrl+C), drops its database and deletes its Redis keys.
 * Optional: BENCH_DATABASE_URL (admin connection, default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_REDIS_URL (default redis://127.0.0.1:6379), BENCH_KEEP_LOGS=1 (keep the apps' logs).
 */
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { Queue } = require('bullmq');
const { Client } = require('pg');
const { Children } = require('./lib/children');
const { connectMany, emitWithAck, closeAll } = require('./lib/clients');
const { summarise, ms, ratio, table, markdownTable } = require('./lib/stats');
const storage = require('./lib/storage');

const ROOT = path.resolve(__dirname, '..');
const appMain = (app) => path.join(ROOT, 'dist', 'apps', app, 'src', 'main.js');

// ---------------------------------------------------------------------------------------------------
// Settings

const SCALE = Number(process.env.BENCH_SCALE ?? '1');
if (!Number.isFinite(SCALE) || SCALE <= 0 || SCALE > 1) {
  console.error('BENCH_SCALE must be a number in (0, 1], e.g. 0.1 for a quick run');
  process.exit(2);
}
const ADMIN_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const KEEP_LOGS = process.env.BENCH_KEEP_LOGS === '1';

const CFG = {
  tasks: Math.round(100_000 * SCALE),
  burst: Math.round(10_000 * SCALE),
  women: Math.max(12, Math.round(10_000 * SCALE)),
  fanoutClients: Math.max(10, Math.round(1000 * SCALE)),
  changes: 20,
  /** The burst starts this long after the worker is started... */
  leadMs: Math.max(30_000, Math.round(90_000 * SCALE)),
  /** ...and falls due evenly over this window (same rate at every scale). */
  windowMs: Math.max(3000, Math.round(60_000 * SCALE)),
  /** Tasks whose due time passes while the worker is down and Redis is empty (test 3). */
  lossWindow: Math.max(10, Math.round(1000 * SCALE)),
  /** The Resettle worker's default; the bare worker uses the same. */
  concurrency: Number(process.env.DEADLINE_CONCURRENCY ?? '500'),
  /** Whole run, whatever happens. */
  hardLimitMs: 15 * 60 * 1000,
};
const OPEN = ['TODO', 'IN_PROGRESS', 'BLOCKED'];
const PRISON_ROOMS = storage.PRISONS.map((code) => `prison:${code}`);

// ---------------------------------------------------------------------------------------------------
// Run state (everything cleanup must undo)

const runId = crypto.randomBytes(5).toString('hex');
const DB_NAME = `resettle_bench_${runId}`;
const PREFIX = `resettle-bench-${runId}`;
const DATABASE_URL = storage.databaseUrl(ADMIN_DATABASE_URL, DB_NAME);
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), `resettle-bench-${runId}-`));
const children = new Children(logDir);
const openSockets = new Set();
const openQueues = new Set();
let db = null;
let databaseCreated = false;
let failed = false;

const startedAt = Date.now();
const log = (message) =>
  console.log(`[bench ${((Date.now() - startedAt) / 1000).toFixed(1).padStart(6)} s] ${message}`);
const sleep = (msDelay) => new Promise((resolve) => setTimeout(resolve, msDelay));

// ---------------------------------------------------------------------------------------------------
// Small helpers

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` every `everyMs` until it returns a truthy value; throws after `timeoutMs`. */
async function until(what, timeoutMs, check, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; Date.now() < deadline && i < 1_000_000; i += 1) {
    const value = await check();
    if (value) return value;
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

async function httpReady(port) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

async function api(port, method, route, { token, body } = {}) {
  const res = await fetch(`http://127.0.0.1:${port}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route}: HTTP ${res.status} ${text}`);
  return JSON.parse(text);
}

function track(sockets) {
  for (const socket of sockets) openSockets.add(socket);
  return sockets;
}

function closeTracked(sockets) {
  closeAll(sockets);
  for (const socket of sockets) openSockets.delete(socket);
}

function newQueue(name, prefix) {
  if (cleaning) throw new Error('the run is stopping');
  const queue = new Queue(name, { connection: { url: REDIS_URL, maxRetriesPerRequest: null }, prefix });
  openQueues.add(queue);
  return queue;
}

async function closeQueue(queue) {
  openQueues.delete(queue);
  await queue.close().catch(() => undefined);
}

/** pino JSON line → its message (or the raw line). */
function messageOf(line) {
  try {
    const parsed = JSON.parse(line);
    return { msg: String(parsed.msg ?? ''), time: Number(parsed.time ?? 0), context: parsed.context };
  } catch {
    return { msg: line, time: 0, context: undefined };
  }
}

const horizonLine = (line) => /horizon: \d+ threshold jobs queued/.test(messageOf(line).msg);
const horizonCount = (line) => Number(/horizon: (\d+) threshold jobs queued/.exec(messageOf(line).msg)[1]);

// ---------------------------------------------------------------------------------------------------
// Processes

function appEnv(extra) {
  return {
    DATABASE_URL,
    REDIS_URL,
    REDIS_PREFIX: PREFIX,
    JWT_SECRET: CFG.jwtSecret,
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
    ...extra,
  };
}

async function startHttpApp(name, app, portVar, port, extraEnv = {}) {
  if (cleaning) throw new Error('the run is stopping');
  const handle = children.start(name, appMain(app), [], appEnv({ [portVar]: String(port), ...extraEnv }));
  await until(`${name} ready on port ${port}`, 90_000, async () => {
    if (handle.exited)
      throw new Error(`${name} exited: ${JSON.stringify(handle.exited)}\n${children.describe(handle)}`);
    return httpReady(port);
  });
  return handle;
}

function startWorker(port) {
  if (cleaning) throw new Error('the run is stopping');
  return children.start('worker', appMain('worker'), [], appEnv({ WORKER_PORT: String(port) }));
}

// ---------------------------------------------------------------------------------------------------
// 1. Alert lateness

/**
 * For the breakdown only: LISTENs on the outbox channel the relay wakes on, and on each notification (sent
 * at commit) notes the time and the highest outbox id then visible. An event's commit time is then the
 * first notification that covers its sequence number (approximate: a later commit may already be visible).
 */
async function watchOutboxCommits() {
  const listener = new Client({ connectionString: DATABASE_URL });
  await listener.connect();
  const marks = []; // [time, maxId]
  let busy = false;
  let again = false;
  const look = async () => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    const at = Date.now();
    try {
      const { rows } = await listener.query('SELECT coalesce(max(id), 0)::text AS id FROM outbox_events');
      marks.push([at, Number(rows[0].id)]);
    } catch {
      // the listener is closing
    }
    busy = false;
    if (again) {
      again = false;
      void look();
    }
  };
  listener.on('notification', () => void look());
  listener.on('error', () => undefined);
  await listener.query('LISTEN resettle_outbox');
  return {
    commitTimeOf(seq) {
      let lo = 0;
      let hi = marks.length - 1;
      let found = null;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (marks[mid][1] >= seq) {
          found = marks[mid][0];
          hi = mid - 1;
        } else lo = mid + 1;
      }
      return found;
    },
    close: () => listener.end().catch(() => undefined),
  };
}

async function connectAdminClients(gatewayPorts, token) {
  const received = []; // per client: Map taskId -> { at, thresholdAt }
  const stray = { count: 0, duplicates: 0, disconnects: [] };
  const bySlot = [];
  const sockets = await connectMany(
    gatewayPorts.map((p) => `http://127.0.0.1:${p}`),
    gatewayPorts.length,
    { token },
    {
      setup: async (socket, index) => {
        const reply = await emitWithAck(socket, 'board.subscribe', { rooms: PRISON_ROOMS });
        if (reply.joined.length !== PRISON_ROOMS.length) {
          throw new Error(`admin client could not join every prison room: ${JSON.stringify(reply.refused)}`);
        }
        const mine = new Map();
        received[index] = mine;
        bySlot[index] = socket;
        socket.on('disconnect', (reason) => {
          if (reason === 'io client disconnect') return;
          stray.disconnects.push(`client ${index + 1} disconnected after ${mine.size} alerts: ${reason}`);
          log(`warning: admin client ${index + 1} disconnected (${reason})`);
        });
        socket.on('board.event', (event) => {
          const at = Date.now();
          if (event.type !== 'alert.raised') return;
          const key = event.alert.taskId;
          if (!CFG.burstIds.has(key) || event.alert.kind !== 'OVERDUE') {
            stray.count += 1;
            return;
          }
          if (mine.has(key)) {
            stray.duplicates += 1;
            return;
          }
          mine.set(key, { at, thresholdAt: Date.parse(event.alert.thresholdAt), seq: event.seq });
        });
      },
    },
  );
  track(sockets);
  return { sockets, bySlot, received, stray };
}

async function bareAlertLateness() {
  const prefix = `${PREFIX}-bare1:bull`;
  const queueName = 'deadlines';
  const n = CFG.burst;
  const worker = children.start(
    'bare-bullmq-worker',
    path.join(__dirname, 'bare', 'bullmq-noop-worker.js'),
    [],
    {
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      QUEUE_NAME: queueName,
      CONCURRENCY: String(CFG.concurrency),
      EXPECTED: String(n),
      MAX_WAIT_MS: String(CFG.windowMs + 180_000),
    },
    { ipc: true },
  );
  const messages = [];
  worker.child.on('message', (m) => messages.push(m));
  await until('the bare BullMQ worker to be ready', 30_000, () => messages.some((m) => m.type === 'ready'));
  const queue = newQueue(queueName, prefix);
  try {
    await queue.waitUntilReady();
    // Added a few seconds ahead, as the horizon adds jobs ahead of their due time.
    const firstDue = Date.now() + 8000;
    const ids = [...CFG.burstIds];
    for (let i = 0; i < n; i += 1000) {
      const now = Date.now();
      const jobs = [];
      for (let j = i; j < Math.min(n, i + 1000); j += 1) {
        const dueAt = firstDue + (CFG.windowMs * j) / n;
        jobs.push({
          name: 'threshold',
          data: { taskId: ids[j], kind: 'OVERDUE', level: 0, deadlineRevision: 0, dueAt },
          opts: {
            jobId: `deadline_${ids[j]}_OVERDUE_0_r0`,
            delay: Math.max(0, dueAt - now),
            removeOnComplete: 1000,
            removeOnFail: 5000,
            attempts: 5,
            backoff: { type: 'exponential', delay: 200 },
          },
        });
      }
      await queue.addBulk(jobs);
    }
    if (Date.now() > firstDue) log('warning: adding the bare jobs took longer than their lead time');
    await children.waitForExit(worker, CFG.windowMs + 200_000);
    const done = messages.find((m) => m.type === 'done');
    if (!done) throw new Error('the bare BullMQ worker sent no result');
    return summarise(done.lateness);
  } finally {
    await closeQueue(queue);
    await storage.deleteKeys(REDIS_URL, `${PREFIX}-bare1:*`);
  }
}

// ---------------------------------------------------------------------------------------------------
// 2. Fan-out

/** Runs `changes` rounds: `send()` starts one, and every client must receive the event `matches` picks. */
async function fanoutRounds(sockets, makeRound) {
  const samples = [];
  let delivered = 0;
  let disconnected = 0;
  let current = null;
  for (const socket of sockets) {
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') disconnected += 1;
    });
    socket.on('board.event', (event) => {
      const at = performance.now();
      if (current && current.matches(event) && !current.seen.has(socket)) {
        current.seen.add(socket);
        samples.push(at - current.t0);
        delivered += 1;
      }
    });
  }
  for (let round = 0; round < CFG.changes; round += 1) {
    const spec = makeRound(round);
    current = { matches: spec.matches, seen: new Set(), t0: performance.now() };
    current.t0 = performance.now();
    await spec.send();
    await until(
      `round ${round + 1}'s event at every client`,
      10_000,
      () => current.seen.size >= sockets.length,
      5,
    ).catch((error) => log(`warning: ${error.message} (${current.seen.size}/${sockets.length})`));
    current = null;
    await sleep(100);
  }
  return { stats: summarise(samples), delivered, expected: sockets.length * CFG.changes, disconnected };
}

async function resettleFanout(apiPort, gatewayPorts, token) {
  const { rows } = await db.query(
    `SELECT t.id, t.version, t.status FROM tasks t JOIN women w ON w.id = t.woman_id
      WHERE w.prison_code = 'STI' AND t.template_key = 'bench' ORDER BY t.due_at DESC LIMIT 1`,
  );
  const task = rows[0];
  let version = task.version;
  let status = task.status;
  let template = null;
  const sockets = track(
    await connectMany(
      gatewayPorts.map((p) => `http://127.0.0.1:${p}`),
      CFG.fanoutClients,
      { token },
      {
        setup: async (socket) => {
          const reply = await emitWithAck(socket, 'board.subscribe', { rooms: ['prison:STI'] });
          if (!reply.joined.includes('prison:STI')) throw new Error(`refused: ${JSON.stringify(reply.refused)}`);
        },
      },
    ),
  );
  try {
    const result = await fanoutRounds(sockets, () => {
      const next = status === 'TODO' ? 'IN_PROGRESS' : 'TODO';
      const expectVersion = version + 1;
      return {
        matches: (e) => {
          const hit = e.type === 'task.status_changed' && e.task?.id === task.id && e.task.version === expectVersion;
          if (hit) template ??= e;
          return hit;
        },
        send: async () => {
          const view = await api(apiPort, 'PATCH', `/tasks/${task.id}/status`, {
            token,
            body: { status: next, version },
          });
          version = view.version;
          status = view.status;
        },
      };
    });
    return { ...result, template };
  } finally {
    closeTracked(sockets);
  }
}

async function bareFanout(template) {
  const ports = [await freePort(), await freePort()];
  const channel = `${PREFIX}-bare2:socket.io`;
  const servers = ports.map((port, i) =>
    children.start(
      `bare-socketio-${i + 1}`,
      path.join(__dirname, 'bare', 'socketio-server.js'),
      [],
      { PORT: String(port), REDIS_URL, CHANNEL_PREFIX: channel },
      { ipc: true },
    ),
  );
  try {
    await Promise.all(
      servers.map(
        (s) =>
          new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`${s.name} not ready`)), 30_000);
            s.child.once('message', (m) => {
              if (m.type === 'ready') {
                clearTimeout(timer);
                resolve();
              }
            });
          }),
      ),
    );
    const sockets = track(
      await connectMany(
        ports.map((p) => `http://127.0.0.1:${p}`),
        CFG.fanoutClients,
        {},
        { setup: (socket) => emitWithAck(socket, 'join', 'prison:STI') },
      ),
    );
    try {
      // The same payload a Resettle client received (so the same bytes go over the wire), numbered per round.
      const payload = template ?? { type: 'task.status_changed', at: new Date().toISOString(), task: {} };
      return await fanoutRounds(sockets, (round) => ({
        matches: (e) => e.seq === -1 - round,
        send: async () => {
          servers[0].child.send({
            type: 'broadcast',
            room: 'prison:STI',
            event: 'board.event',
            payload: { ...payload, seq: -1 - round },
          });
        },
      }));
    } finally {
      closeTracked(sockets);
    }
  } finally {
    await Promise.all(servers.map((s) => children.stop(s)));
  }
}

// ---------------------------------------------------------------------------------------------------
// 3. Rebuild after Redis loss

/** The reconciler's own question, asked independently: passed thresholds of open tasks with no alert. */
async function passedThresholdsWithoutAlert() {
  const { rows } = await db.query(
    `WITH open_tasks AS (
       SELECT id, at_risk_at, due_at, escalation_ats, deadline_revision FROM tasks
        WHERE status = ANY($1) AND (due_at <= now() OR at_risk_at <= now())
     ), thresholds AS (
       SELECT id AS task_id, 'AT_RISK' AS kind, 0 AS level, deadline_revision FROM open_tasks
        WHERE at_risk_at <= now() AND at_risk_at < due_at AND due_at > now()
       UNION ALL
       SELECT id, 'OVERDUE', 0, deadline_revision FROM open_tasks WHERE due_at <= now()
       UNION ALL
       SELECT t.id, 'ESCALATED', e.level::int, t.deadline_revision
         FROM open_tasks t CROSS JOIN LATERAL unnest(t.escalation_ats) WITH ORDINALITY AS e(at, level)
        WHERE e.at <= now()
     )
     SELECT count(*)::int AS n FROM thresholds th
      WHERE NOT EXISTS (SELECT 1 FROM alerts a WHERE a.task_id = th.task_id AND a.kind = th.kind
                          AND a.level = th.level AND a.deadline_revision = th.deadline_revision)`,
    [OPEN],
  );
  return rows[0].n;
}

async function rebuildAfterLoss(worker, workerPort) {
  const deadlinesQueue = newQueue('deadlines', `${PREFIX}:bull`);
  try {
    const before = await deadlinesQueue.getDelayedCount();
    log(`test 3: stopping the worker (${before} delayed jobs in Redis)`);
    await children.stop(worker, 20_000);

    // Every open task's deadline moves inside the horizon (a new deadline revision, as a real move makes):
    // due in (now + 2 d 10 min, now + 6 d], at risk 2 days before (still ahead). A few fall due while no
    // worker runs and Redis is empty: only the reconciler can raise those.
    const now = Date.now();
    const lossDue = now + 4000;
    await db.query(
      `WITH o AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS n
                    FROM tasks WHERE status = ANY($1))
       UPDATE tasks t SET
         deadline_revision = t.deadline_revision + 1,
         due_at = CASE WHEN o.i < $2 THEN to_timestamp(($3::float8 + o.i) / 1000)
                       ELSE to_timestamp(($4::float8 + ($5::float8 - $4::float8) * o.i / o.n) / 1000) END,
         at_risk_at = CASE WHEN o.i < $2 THEN to_timestamp(($3::float8 + o.i) / 1000)
                       ELSE to_timestamp(($4::float8 + ($5::float8 - $4::float8) * o.i / o.n) / 1000) - interval '2 days' END
         FROM o WHERE t.id = o.id`,
      [OPEN, CFG.lossWindow, lossDue, now + 2 * storage.DAY_MS + 10 * 60_000, now + 6 * storage.DAY_MS],
    );
    const deleted = await storage.deleteKeys(REDIS_URL, `${PREFIX}:*`);
    log(`test 3: deleted ${deleted} Redis keys of ${PREFIX}; ${CFG.lossWindow} tasks fall due while no worker runs`);
    await sleep(Math.max(0, lossDue + CFG.lossWindow + 1000 - Date.now()));

    const t0 = Date.now();
    const restarted = startWorker(workerPort);
    const horizon = await children.waitForLine(restarted, horizonLine, 300_000, 'horizon log line');
    const restoredMs = horizon.at - t0;
    const queued = horizonCount(horizon.line);
    // Cross-check from Redis: the delayed count stops growing (scheduler jobs included).
    let last = -1;
    let stableSince = Date.now();
    const delayed = await until(
      'the delayed count to settle',
      120_000,
      async () => {
        const count = await deadlinesQueue.getDelayedCount();
        if (count !== last) {
          last = count;
          stableSince = Date.now();
        }
        return Date.now() - stableSince >= 3000 ? count : 0;
      },
      200,
    );
    await until('the restarted worker to answer ready', 60_000, () => httpReady(workerPort));
    const reconciled = restarted.tail.map(messageOf).find((m) => /reconciler raised \d+/.test(m.msg));
    const { rows: dup } = await db.query(
      `SELECT count(*)::int AS groups, coalesce(max(c), 0)::int AS worst FROM
         (SELECT count(*) AS c FROM alerts GROUP BY task_id, kind, level, deadline_revision HAVING count(*) > 1) d`,
    );
    const { rows: maxPer } = await db.query(
      `SELECT coalesce(max(c), 0)::int AS m FROM (SELECT count(*) AS c FROM alerts GROUP BY task_id, kind, level, deadline_revision) d`,
    );
    const missing = await passedThresholdsWithoutAlert();
    const { rows: lossAlerts } = await db.query(
      `WITH o AS (SELECT id, deadline_revision FROM tasks WHERE status = ANY($1) AND due_at <= now())
       SELECT count(*)::int AS raised FROM alerts a JOIN o ON a.task_id = o.id
        AND a.deadline_revision = o.deadline_revision AND a.kind = 'OVERDUE'`,
      [OPEN],
    );
    return {
      worker: restarted,
      restoredMs,
      queued,
      delayedSettled: delayed,
      reconcilerLine: reconciled ? reconciled.msg : 'no "reconciler raised" line',
      duplicateGroups: dup[0].groups,
      maxPerThreshold: maxPer[0].m,
      missing,
      lossRaised: lossAlerts[0].raised,
    };
  } finally {
    await closeQueue(deadlinesQueue);
  }
}

async function bareRebuild(count) {
  const prefix = `${PREFIX}-bare3:bull`;
  const queue = newQueue('deadlines', prefix);
  try {
    await queue.waitUntilReady();
    const { rows } = await db.query('SELECT id, due_at, at_risk_at FROM tasks WHERE status = ANY($1) ORDER BY id', [
      OPEN,
    ]);
    const now = Date.now();
    const jobs = [];
    for (const row of rows) {
      for (const [kind, at] of [
        ['AT_RISK', row.at_risk_at],
        ['OVERDUE', row.due_at],
      ]) {
        if (jobs.length >= count) break;
        jobs.push({
          name: 'threshold',
          data: { taskId: row.id, kind, level: 0, deadlineRevision: 1 },
          opts: {
            jobId: `deadline_${row.id}_${kind}_0_r1`,
            delay: Math.max(60_000, at.getTime() - now),
            removeOnComplete: 1000,
            removeOnFail: 5000,
            attempts: 5,
            backoff: { type: 'exponential', delay: 200 },
          },
        });
      }
    }
    const t0 = performance.now();
    for (let i = 0; i < jobs.length; i += 1000) await queue.addBulk(jobs.slice(i, i + 1000));
    const elapsed = performance.now() - t0;
    const delayed = await queue.getDelayedCount();
    return { elapsedMs: elapsed, added: jobs.length, delayed };
  } finally {
    await closeQueue(queue);
    await storage.deleteKeys(REDIS_URL, `${PREFIX}-bare3:*`);
  }
}

// ---------------------------------------------------------------------------------------------------
// The run

async function main() {
  for (const pkg of [
    'pg',
    'ioredis',
    'bullmq',
    'socket.io',
    'socket.io-client',
    '@socket.io/redis-adapter',
    'bcryptjs',
    'typeorm',
  ]) {
    try {
      require.resolve(pkg);
    } catch {
      throw new Error(`the package ${pkg} is missing from node_modules: run npm ci`);
    }
  }
  for (const app of ['api', 'gateway', 'worker', 'cli']) {
    if (!fs.existsSync(appMain(app))) throw new Error(`${appMain(app)} is missing: run npm run build first`);
  }
  CFG.jwtSecret = crypto.randomBytes(32).toString('hex');
  log(`run ${runId}: BENCH_SCALE=${SCALE}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
  log(`database ${DB_NAME}, Redis prefix ${PREFIX}, logs in ${logDir}`);

  await storage.createDatabase(ADMIN_DATABASE_URL, DB_NAME);
  databaseCreated = true;
  const migrate = children.start('migrate', appMain('cli'), ['migrate'], { DATABASE_URL });
  const migrated = await children.waitForExit(migrate, 120_000);
  if (migrated.code !== 0) throw new Error(`migrate failed\n${children.describe(migrate)}`);
  db = new Client({ connectionString: DATABASE_URL });
  await db.connect();

  const loadStart = Date.now();
  await storage.loadDataset(db, {
    womenCount: CFG.women,
    taskCount: CFG.tasks,
    burstCount: CFG.burst,
    now: Date.now(),
  });
  const password = crypto.randomBytes(12).toString('hex');
  await storage.insertUser(db, { username: 'bench.admin', password, role: 'ADMIN', prisonCodes: [] });
  await storage.insertUser(db, { username: 'bench.prt', password, role: 'PRE_RELEASE_TEAM', prisonCodes: ['STI'] });
  log(`loaded ${CFG.women} women, ${CFG.tasks} open tasks (${CFG.burst} in the burst) in ${Date.now() - loadStart} ms`);

  const [apiPort, gw1Port, gw2Port, workerPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const gatewayPorts = [gw1Port, gw2Port];
  // The bench's clients are programs (no Origin header); a browser on the bench's API would be this origin.
  const origins = { GATEWAY_ALLOWED_ORIGINS: `http://127.0.0.1:${apiPort}` };
  await Promise.all([
    startHttpApp('api', 'api', 'API_PORT', apiPort),
    startHttpApp('gateway-1', 'gateway', 'GATEWAY_PORT', gw1Port, origins),
    startHttpApp('gateway-2', 'gateway', 'GATEWAY_PORT', gw2Port, origins),
  ]);
  const adminToken = (await api(apiPort, 'POST', '/auth/login', { body: { username: 'bench.admin', password } }))
    .accessToken;
  const prtToken = (await api(apiPort, 'POST', '/auth/login', { body: { username: 'bench.prt', password } }))
    .accessToken;
  log(`api on ${apiPort}, gateways on ${gw1Port} and ${gw2Port}; signed in`);

  // --- 1. Alert lateness ------------------------------------------------------------------------------
  const workerStart = Date.now();
  const firstDue = workerStart + CFG.leadMs;
  CFG.burstIds = new Set(await storage.setBurstDeadlines(db, firstDue, CFG.windowMs));
  const admins = await connectAdminClients(gatewayPorts, adminToken);
  const commits = await watchOutboxCommits();
  let worker = startWorker(workerPort);
  const horizons = [];
  worker.listeners.add((stamped) => {
    if (horizonLine(stamped.line)) horizons.push(stamped);
  });
  const firstHorizon = await children.waitForLine(worker, horizonLine, CFG.leadMs, 'horizon log line');
  await until('the worker to answer ready', 60_000, () => httpReady(workerPort));
  log(
    `test 1: worker started; horizon ${horizonCount(firstHorizon.line)} jobs after ${firstHorizon.at - workerStart} ms; ` +
      `the burst of ${CFG.burst} falls due in ${((firstDue - Date.now()) / 1000).toFixed(0)} s over ${CFG.windowMs / 1000} s`,
  );
  // The worker's job schedulers run a second top-up straight away: let it finish before measuring anything.
  await until(
    'a second top-up',
    Math.max(1000, Math.min(60_000, firstDue - Date.now() - 5000)),
    () => horizons.length >= 2,
  )
    .then(() => log(`test 1: the scheduler's own top-up finished ${horizons[1].at - workerStart} ms after start`))
    .catch(() => log('test 1: no second top-up seen before the burst'));

  // The fan-out tests run in the quiet time before the burst when there is room for them, else after.
  let fanout = null;
  let bareFan = null;
  const fanoutBudgetMs = 25_000 + CFG.fanoutClients * 30;
  const runFanouts = async (when) => {
    log(`test 2 (${when}): ${CFG.fanoutClients} clients, ${CFG.changes} task changes through the API`);
    fanout = await resettleFanout(apiPort, gatewayPorts, prtToken);
    log(`test 2: bare socket.io on the Redis adapter, the same clients, ${CFG.changes} broadcasts`);
    bareFan = await bareFanout(fanout.template);
    fanout.when = when;
  };
  if (firstDue - Date.now() > fanoutBudgetMs) await runFanouts('before the burst, worker idle');
  if (Date.now() > firstDue - 2000) log('warning: the fan-out test ran into the burst');

  const burstDeadline = firstDue + CFG.windowMs + 150_000;
  // A client that lost its connection (it would reconnect with `since` in real life) is not waited for.
  const complete = () => admins.received.every((m, i) => m.size >= CFG.burst || admins.bySlot[i].disconnected);
  await until(
    'every alert of the burst at both admin clients',
    Math.max(0, burstDeadline - Date.now()),
    complete,
    200,
  ).catch((error) => log(`warning: ${error.message}`));
  // BullMQ keeps the last 1,000 completed jobs (removeOnComplete): their start and finish times split the
  // lateness into queue (job start) and firing (job finish = its batch committed).
  const jobTimes = await (async () => {
    const queue = newQueue('deadlines', `${PREFIX}:bull`);
    try {
      const jobs = (await queue.getJobs(['completed'], 0, 999)).filter(
        (j) => j && j.name === 'threshold' && CFG.burstIds.has(j.data.taskId),
      );
      const { rows: dues } = await db.query(`SELECT id, due_at FROM tasks WHERE template_key = 'bench-burst'`);
      const dueOf = new Map(dues.map((r) => [r.id, r.due_at.getTime()]));
      return {
        /** When BullMQ was told to run the job (its timestamp + delay) − the threshold it is for. */
        scheduledSkew: summarise(jobs.map((j) => j.timestamp + (j.opts.delay ?? 0) - dueOf.get(j.data.taskId))),
        started: summarise(jobs.map((j) => j.processedOn - (j.timestamp + (j.opts.delay ?? 0)))),
        finished: summarise(jobs.map((j) => j.finishedOn - (j.timestamp + (j.opts.delay ?? 0)))),
      };
    } finally {
      await closeQueue(queue);
    }
  })();
  const lateness = summarise(admins.received.flatMap((m) => [...m.values()].map((r) => r.at - r.thresholdAt)));
  const perClient = admins.received.map((m) => m.size);
  const { rows: written } = await db.query(
    `SELECT extract(epoch FROM (created_at - threshold_at)) * 1000 AS ms FROM alerts
      WHERE task_id = ANY($1) AND kind = 'OVERDUE'`,
    [[...CFG.burstIds]],
  );
  const writtenLateness = summarise(written.map((r) => Number(r.ms)));
  const firstClient = [...admins.received[0].values()];
  const committedLateness = summarise(
    firstClient.map((r) => (commits.commitTimeOf(r.seq) ?? Number.NaN) - r.thresholdAt).filter(Number.isFinite),
  );
  const afterCommit = summarise(
    firstClient.map((r) => r.at - (commits.commitTimeOf(r.seq) ?? Number.NaN)).filter(Number.isFinite),
  );
  await commits.close();
  closeTracked(admins.sockets);
  log(
    `test 1: received ${perClient.join(' / ')} of ${CFG.burst}; p99 ${ms(lateness.p99)}; ` +
      `${admins.stray.count} other alerts, ${admins.stray.duplicates} duplicates`,
  );

  if (!fanout) await runFanouts('after the burst');

  // --- 3. Rebuild after Redis loss ------------------------------------------------------------------
  const rebuild = await rebuildAfterLoss(worker, workerPort);
  worker = rebuild.worker;
  log(
    `test 3: horizon of ${rebuild.queued} jobs restored ${rebuild.restoredMs} ms after the worker started ` +
      `(${rebuild.delayedSettled} delayed in Redis); ${rebuild.missing} passed thresholds without an alert`,
  );

  // Resettle is stopped before the bare-library runs, so they have the machine to themselves as it had.
  await children.stopAll(20_000);
  log(`test 3: bare BullMQ addBulk of ${rebuild.queued} delayed jobs`);
  const bareBuild = await bareRebuild(rebuild.queued);
  log(`test 1: bare BullMQ, ${CFG.burst} delayed jobs due within ${CFG.windowMs / 1000} s, no-op worker`);
  const bareLate = await bareAlertLateness();

  // --- Report --------------------------------------------------------------------------------------
  const headers = ['figure', 'Resettle', 'bare library', 'ratio', 'target', 'met?'];
  const rows = [
    ['alert lateness p50', ms(lateness.p50), ms(bareLate.p50), ratio(lateness.p50, bareLate.p50), '', ''],
    ['alert lateness p95', ms(lateness.p95), ms(bareLate.p95), ratio(lateness.p95, bareLate.p95), '', ''],
    [
      'alert lateness p99',
      ms(lateness.p99),
      ms(bareLate.p99),
      ratio(lateness.p99, bareLate.p99),
      '< 1 s',
      lateness.count > 0 && lateness.p99 < 1000 && perClient.every((n) => n === CFG.burst) ? 'yes' : 'no',
    ],
    ['alert lateness max', ms(lateness.max), ms(bareLate.max), ratio(lateness.max, bareLate.max), '', ''],
    [
      'alerts received (per client)',
      `${perClient.join(' / ')} of ${CFG.burst}`,
      `${bareLate.count} of ${CFG.burst} jobs`,
      '',
      'all',
      perClient.every((n) => n === CFG.burst) ? 'yes' : 'no',
    ],
    [
      `  of which: job's run-at in Redis − threshold p50 / max (last ${jobTimes.scheduledSkew.count} jobs)`,
      `${ms(jobTimes.scheduledSkew.p50)} / ${ms(jobTimes.scheduledSkew.max)}`,
      '',
      '',
      '',
      '',
    ],
    [
      `  of which: BullMQ job start − its run-at p50 / p99 (last ${jobTimes.started.count} jobs)`,
      `${ms(jobTimes.started.p50)} / ${ms(jobTimes.started.p99)}`,
      `${ms(bareLate.p50)} / ${ms(bareLate.p99)}`,
      ratio(jobTimes.started.p99, bareLate.p99),
      '',
      '',
    ],
    [
      '  of which: alert transaction began (created_at) p50 / p99',
      `${ms(writtenLateness.p50)} / ${ms(writtenLateness.p99)}`,
      '',
      '',
      '',
      '',
    ],
    [
      '  of which: committed (NOTIFY seen) p50 / p99',
      `${ms(committedLateness.p50)} / ${ms(committedLateness.p99)}`,
      '',
      '',
      '',
      '',
    ],
    [
      `  of which: BullMQ job finished − its run-at p50 / p99 (last ${jobTimes.finished.count} jobs)`,
      `${ms(jobTimes.finished.p50)} / ${ms(jobTimes.finished.p99)}`,
      '',
      '',
      '',
      '',
    ],
    ['  of which: commit → client p50 / p99', `${ms(afterCommit.p50)} / ${ms(afterCommit.p99)}`, '', '', '', ''],
    [
      `fan-out p50 (${CFG.fanoutClients} clients)`,
      ms(fanout.stats.p50),
      ms(bareFan.stats.p50),
      ratio(fanout.stats.p50, bareFan.stats.p50),
      'report',
      '',
    ],
    [
      'fan-out p99',
      ms(fanout.stats.p99),
      ms(bareFan.stats.p99),
      ratio(fanout.stats.p99, bareFan.stats.p99),
      'report',
      '',
    ],
    ['fan-out max', ms(fanout.stats.max), ms(bareFan.stats.max), ratio(fanout.stats.max, bareFan.stats.max), '', ''],
    [
      'fan-out delivered',
      `${fanout.delivered} of ${fanout.expected}`,
      `${bareFan.delivered} of ${bareFan.expected}`,
      '',
      'all',
      fanout.delivered === fanout.expected ? 'yes' : 'no',
    ],
    [
      `rebuild after Redis loss (${rebuild.queued} jobs)`,
      ms(rebuild.restoredMs),
      ms(bareBuild.elapsedMs),
      ratio(rebuild.restoredMs, bareBuild.elapsedMs),
      'report',
      '',
    ],
    [
      'alerts lost across the loss',
      `${rebuild.missing} passed thresholds without alert`,
      '',
      '',
      '0',
      rebuild.missing === 0 ? 'yes' : 'no',
    ],
    [
      'alerts doubled (max per threshold)',
      `${rebuild.maxPerThreshold} (${rebuild.duplicateGroups} thresholds > 1)`,
      '',
      '',
      '≤ 1',
      rebuild.maxPerThreshold <= 1 ? 'yes' : 'no',
    ],
  ];
  const notes = [
    `machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; BENCH_SCALE=${SCALE}`,
    `dataset: ${CFG.women} women in 12 prisons, ${CFG.tasks} open tasks; burst of ${CFG.burst} due over ${CFG.windowMs / 1000} s starting ${CFG.leadMs / 1000} s after the worker started; DEADLINE_CONCURRENCY ${CFG.concurrency}`,
    `test 1: first horizon ${horizonCount(firstHorizon.line)} jobs, ${firstHorizon.at - workerStart} ms after the worker started; other alerts received ${admins.stray.count}, duplicates ${admins.stray.duplicates}; ${admins.stray.disconnects.length ? admins.stray.disconnects.join('; ') : 'no client disconnected'}`,
    `test 2 ran ${fanout.when}; the bare side replays the payload a Resettle client received; clients disconnected mid-test: Resettle ${fanout.disconnected}, bare ${bareFan.disconnected}`,
    `test 3: ${rebuild.reconcilerLine}; ${rebuild.lossRaised} OVERDUE alerts on tasks that fell due while the worker was down (${CFG.lossWindow} expected); ${rebuild.delayedSettled} delayed jobs in Redis after the restart; the bare figure is addBulk alone (${bareBuild.added} jobs, ${bareBuild.delayed} delayed), the Resettle figure includes starting the process`,
    `total run time ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
  ];
  console.log(`\n${table(headers, rows)}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`);
  console.log(`Markdown:\n\n${markdownTable(headers, rows)}\n`);
  fs.writeFileSync(
    path.join(logDir, 'results.json'),
    JSON.stringify(
      {
        scale: SCALE,
        cfg: { ...CFG, burstIds: undefined, jwtSecret: undefined },
        lateness,
        jobTimes,
        writtenLateness,
        committedLateness,
        afterCommit,
        bareLate,
        fanout: { ...fanout, template: undefined },
        bareFan,
        rebuild: { ...rebuild, worker: undefined },
        bareBuild,
      },
      null,
      2,
    ),
  );
  return 0;
}

// ---------------------------------------------------------------------------------------------------
// Cleanup: always, once

let cleaning = null;
function cleanup() {
  cleaning ??= (async () => {
    closeAll([...openSockets]);
    await Promise.all([...openQueues].map((q) => q.close().catch(() => undefined)));
    await children.stopAll(10_000).catch(() => undefined);
    if (db) await db.end().catch(() => undefined);
    try {
      const deleted = await storage.deleteKeys(REDIS_URL, `${PREFIX}*`);
      log(`cleanup: deleted ${deleted} Redis keys matching ${PREFIX}*`);
    } catch (error) {
      console.error(`cleanup: could not delete Redis keys ${PREFIX}*: ${error.message}`);
    }
    if (databaseCreated) {
      try {
        await storage.dropDatabase(ADMIN_DATABASE_URL, DB_NAME);
        log(`cleanup: dropped database ${DB_NAME}`);
      } catch (error) {
        console.error(`cleanup: could not drop database ${DB_NAME}: ${error.message}`);
      }
    }
    // Again, in case the interrupted run created a key while the first pass ran.
    await sleep(500);
    await Promise.all([...openQueues].map((q) => q.close().catch(() => undefined)));
    await children.stopAll(5000).catch(() => undefined);
    await storage.deleteKeys(REDIS_URL, `${PREFIX}*`).catch(() => undefined);
    if (failed || KEEP_LOGS) log(`logs kept in ${logDir}`);
    else fs.rmSync(logDir, { recursive: true, force: true });
  })();
  return cleaning;
}

function abort(reason, code) {
  failed = true;
  console.error(reason);
  const forced = setTimeout(() => {
    children.killAllNow();
    process.exit(code);
  }, 60_000);
  cleanup().finally(() => {
    clearTimeout(forced);
    process.exit(code);
  });
}

process.on('SIGINT', () => abort('interrupted: stopping everything this run started', 130));
process.on('SIGTERM', () => abort('terminated: stopping everything this run started', 143));
process.on('exit', () => children.killAllNow());
const hardLimit = setTimeout(() => abort(`the run exceeded ${CFG.hardLimitMs / 60_000} minutes`, 1), CFG.hardLimitMs);

main()
  .then(async (code) => {
    clearTimeout(hardLimit);
    await cleanup();
    process.exit(code);
  })
  .catch((error) => {
    clearTimeout(hardLimit);
    abort(`benchmark failed: ${error.stack ?? error}`, 1);
  });
