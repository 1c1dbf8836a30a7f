/**
 * Bare-library baseline for alert lateness: a BullMQ Worker alone, in its own process, with a no-op
 * processor and the same concurrency as the Resettle worker. For each job it records job start time −
 * the job's due time (data.dueAt), and sends the samples to the parent (IPC) once it has seen EXPECTED
 * jobs or MAX_WAIT_MS has passed, then exits.
 */
'use strict';

const { Worker } = require('bullmq');

const { REDIS_URL, QUEUE_PREFIX, QUEUE_NAME, CONCURRENCY, EXPECTED, MAX_WAIT_MS } = process.env;
const expected = Number(EXPECTED);
const lateness = [];
let finished = false;

const worker = new Worker(
  QUEUE_NAME,
  async (job) => {
    lateness.push(Date.now() - job.data.dueAt);
    if (lateness.length >= expected) setImmediate(finish);
  },
  {
    connection: { url: REDIS_URL, maxRetriesPerRequest: null },
    prefix: QUEUE_PREFIX,
    concurrency: Number(CONCURRENCY),
  },
);

const deadline = setTimeout(finish, Number(MAX_WAIT_MS));

async function finish() {
  if (finished) return;
  finished = true;
  clearTimeout(deadline);
  process.send({ type: 'done', lateness });
  await worker.close().catch(() => undefined);
  process.disconnect();
  process.exit(0);
}

worker
  .waitUntilReady()
  .then(() => process.send({ type: 'ready' }))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
process.on('SIGTERM', () => process.exit(0));
process.on('disconnect', () => process.exit(0));
