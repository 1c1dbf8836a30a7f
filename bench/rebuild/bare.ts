/**
 * Test 3, bare-library side: the same work as the worker's horizon top-up, with the bare libraries: a plain pg
 * query listing the distinct threshold instants of the open tasks in the next 7 days (the very statement the worker
 * runs, THRESHOLD_INSTANTS_SQL), then
 * BullMQ addBulk of the same jobs with the same options (one delayed job per instant, and a second, its prepare job,
 * for an instant with at least PREPARE_MIN_THRESHOLDS thresholds), in chunks of 1,000, into a prefix of its own.
 */
import { performance } from 'node:perf_hooks';
import { JobsOptions } from 'bullmq';
import { thresholdJobOptions } from '../alert-lateness/bare';
import { OPEN_STATUSES } from '../lib/settings';
import { Bench } from '../lib/stack';
import { THRESHOLD_INSTANTS_SQL } from '../../libs/database/src/repositories/threshold-instants.sql';
import { PREPARE_LEAD_MS } from '../../libs/resettlement/src/prepare-timing';
import { DAY_MS, deleteKeys } from '../lib/storage';

export interface BareRebuild {
  readMs: number;
  queueMs: number;
  added: number;
  delayed: number;
}

export async function bareRebuild(bench: Bench): Promise<BareRebuild> {
  const { run, settings, stack } = bench;
  const queue = run.newQueue('deadlines', `${run.prefix}-bare3:bull`);
  try {
    await queue.waitUntilReady();
    const now = Date.now();
    const t0 = performance.now();
    const { rows } = await stack.db.query<{ at_us: string; thresholds: number }>(THRESHOLD_INSTANTS_SQL, [
      new Date(now),
      new Date(now + 7 * DAY_MS),
      OPEN_STATUSES,
      settings.prepareMinThresholds,
    ]);
    const t1 = performance.now();
    const jobs = rows.flatMap(({ at_us, thresholds }) => [
      instantJob('instant', at_us, now, 0),
      ...(thresholds >= settings.prepareMinThresholds ? [instantJob('prepare', at_us, now, PREPARE_LEAD_MS)] : []),
    ]);
    for (let i = 0; i < jobs.length; i += 1000) await queue.addBulk(jobs.slice(i, i + 1000));
    const t2 = performance.now();
    return { readMs: t1 - t0, queueMs: t2 - t1, added: jobs.length, delayed: await queue.getDelayedCount() };
  } finally {
    await run.closeQueue(queue);
    await deleteKeys(settings.redisUrl, `${run.prefix}-bare3:*`);
  }
}

function instantJob(
  name: 'instant' | 'prepare',
  atMicros: string,
  now: number,
  leadMs: number,
): { name: string; data: object; opts: JobsOptions } {
  const atMs = Math.ceil(Number(atMicros) / 1000) - leadMs;
  return {
    name,
    data: { atMicros },
    opts: { ...thresholdJobOptions(`${name}_${atMicros}`, Math.max(0, atMs - now)), timestamp: now },
  };
}
