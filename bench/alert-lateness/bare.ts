/**
 * Test 1, bare-library side: BullMQ alone, one delayed job per threshold of the scenario, due in the same shape
 * (the burst: all at one instant; the spread: evenly over its window), a no-op worker of the same concurrency in
 * its own process (bench/bare/bullmq-noop-worker.ts), job start time − due time. That is what a job per task
 * threshold costs before any work is done: the design Resettle had before issue 15.
 */
import { join } from 'node:path';
import { JobsOptions, Queue } from 'bullmq';
import { pollUntil } from '../../scripts/supervisor';
import { Bench } from '../lib/stack';
import { Summary, summarise } from '../lib/stats';
import { deleteKeys, ExpectedAlert } from '../lib/storage';
import type { Scenario } from './burst';
import type { BareWorkerMessage } from '../bare/bullmq-noop-worker';

const QUEUE_NAME = 'deadlines';
/** Added a few seconds ahead, as the horizon adds jobs ahead of their due time. */
const LEAD_MS = 8000;

export async function bareAlertLateness(bench: Bench, scenario: Scenario): Promise<Summary> {
  const { run, settings } = bench;
  const prefix = `${run.prefix}-bare1:bull`;
  const worker = run.startNode('bare-bullmq-worker', join(__dirname, '..', 'bare', 'bullmq-noop-worker.js'), {
    env: {
      REDIS_URL: settings.redisUrl,
      QUEUE_PREFIX: prefix,
      QUEUE_NAME,
      CONCURRENCY: String(settings.concurrency),
      EXPECTED: String(scenario.expected.length),
      MAX_WAIT_MS: String(scenario.windowMs + 180_000),
    },
    ipc: true,
  });
  const messages: BareWorkerMessage[] = [];
  worker.child.on('message', (message: BareWorkerMessage) => messages.push(message));
  await pollUntil(() => messages.some((m) => m.type === 'ready'), {
    what: 'the bare BullMQ worker to be ready',
    timeoutMs: 30_000,
  });
  const queue = run.newQueue(QUEUE_NAME, prefix);
  try {
    await queue.waitUntilReady();
    const firstDue = Date.now() + LEAD_MS;
    await addThresholdJobs(queue, scenario.expected, firstDue, scenario.windowMs);
    if (Date.now() > firstDue) run.log('warning: adding the bare jobs took longer than their lead time');
    await worker.waitForExit(scenario.windowMs + 200_000);
    const done = messages.find((m) => m.type === 'done');
    if (!done || done.type !== 'done') throw new Error('the bare BullMQ worker sent no result');
    return summarise(done.lateness);
  } finally {
    await run.closeQueue(queue);
    await deleteKeys(settings.redisUrl, `${run.prefix}-bare1:*`);
  }
}

/** The same job options as the Resettle worker's threshold jobs, in bulks of 1,000. */
async function addThresholdJobs(
  queue: Queue,
  expected: readonly ExpectedAlert[],
  firstDue: number,
  windowMs: number,
): Promise<void> {
  const n = expected.length;
  for (let i = 0; i < n; i += 1000) {
    const now = Date.now();
    const jobs: { name: string; data: object; opts: JobsOptions }[] = [];
    for (let j = i; j < Math.min(n, i + 1000); j += 1) {
      const dueAt = firstDue + Math.floor((windowMs * j) / n);
      const { taskId, kind } = expected[j];
      jobs.push({
        name: 'threshold',
        data: { taskId, kind, level: 0, deadlineRevision: 0, dueAt },
        opts: thresholdJobOptions(`deadline_${taskId}_${kind}_0_r0`, Math.max(0, dueAt - now)),
      });
    }
    await queue.addBulk(jobs);
  }
}

export function thresholdJobOptions(jobId: string, delay: number): JobsOptions {
  return {
    jobId,
    delay,
    removeOnComplete: 1000,
    removeOnFail: 5000,
    attempts: 5,
    backoff: { type: 'exponential', delay: 200 },
  };
}
