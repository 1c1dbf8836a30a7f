/**
 * Bare-library baseline for alert lateness: a BullMQ Worker alone, in its own process, with a no-op
 * processor and the same concurrency as the Resettle worker. For each job it records job start time −
 * the job's due time (data.dueAt), and sends the samples to the parent (IPC) once it has seen EXPECTED
 * jobs or MAX_WAIT_MS has passed, then exits.
 */
import { Job, Worker } from 'bullmq';

export type BareWorkerMessage = { type: 'ready' } | { type: 'done'; lateness: number[] };

function main(): void {
  const { REDIS_URL, QUEUE_PREFIX, QUEUE_NAME, CONCURRENCY, EXPECTED, MAX_WAIT_MS } = process.env;
  const expected = Number(EXPECTED);
  const lateness: number[] = [];
  let finished = false;
  const send = (message: BareWorkerMessage) => process.send?.(message);

  const worker = new Worker(
    QUEUE_NAME ?? 'deadlines',
    (job: Job<{ dueAt: number }>) => {
      lateness.push(Date.now() - job.data.dueAt);
      if (lateness.length >= expected) setImmediate(() => void finish());
      return Promise.resolve();
    },
    {
      connection: { url: REDIS_URL, maxRetriesPerRequest: null },
      prefix: QUEUE_PREFIX,
      concurrency: Number(CONCURRENCY),
    },
  );
  const deadline = setTimeout(() => void finish(), Number(MAX_WAIT_MS));

  async function finish(): Promise<void> {
    if (finished) return;
    finished = true;
    clearTimeout(deadline);
    send({ type: 'done', lateness });
    await worker.close().catch(() => undefined);
    process.disconnect?.();
    process.exit(0);
  }

  worker
    .waitUntilReady()
    .then(() => send({ type: 'ready' }))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  process.on('SIGTERM', () => process.exit(0));
  process.on('disconnect', () => process.exit(0));
}

// Imported for its message type by the parent; runs only as the child's entry point.
if (require.main === module) main();
