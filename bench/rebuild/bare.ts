/**
 * Test 3, bare-library side: the same work as the worker's horizon top-up, with the bare libraries: a plain pg
 * query listing the distinct threshold instants of the open tasks in the next 7 days (the very statement the worker
 * runs, THRESHOLD_INSTANTS_SQL), then
 * BullMQ addBulk of the same jobs with the same options (one delayed job per instant, and a second, its prepare job,
 * for an instant with at least PREPARE_MIN_THRESHOLDS thresholds), in chunks of 1,000, into a prefix of its own.
 *
 * The read runs on a connection of its own, opened for it (the connect is not timed), as the restarted worker's
 * runs on a new backend: a backend's first statement on a table loads its catalog entries (tasks has about twenty
 * indexes for the planner to consider), so the same statement takes 34-39 ms the first time on a new connection,
 * about 15 ms the second and 8 ms from the third on (the national data set, a scratch pg client, five rounds). The
 * benchmark's own long-lived connection had run everything before it, so timing the read there compared a warm
 * backend with a cold one. The same statement run again on the warm connection is reported beside it.
 */
import { performance } from 'node:perf_hooks';
import { JobsOptions } from 'bullmq';
import { Client } from 'pg';
import { thresholdJobOptions } from '../alert-lateness/bare';
import { OPEN_STATUSES } from '../lib/settings';
import { Bench } from '../lib/stack';
import { THRESHOLD_INSTANTS_SQL } from '../../libs/database/src/repositories/threshold-instants.sql';
import { PREPARE_LEAD_MS } from '../../libs/resettlement/src/prepare-timing';
import { DAY_MS, deleteKeys } from '../lib/storage';

export interface BareRebuild {
  /** The statement's first run on a new connection, as the restarted worker's. */
  readMs: number;
  /** The same statement run again on that connection, once its catalog entries are loaded. */
  warmReadMs: number;
  queueMs: number;
  added: number;
  delayed: number;
}

export async function bareRebuild(bench: Bench): Promise<BareRebuild> {
  const { run, settings, stack } = bench;
  const db = new Client({ connectionString: stack.databaseUrl });
  const queue = run.newQueue('deadlines', `${run.prefix}-bare3:bull`);
  try {
    await queue.waitUntilReady();
    await db.connect();
    const now = Date.now();
    const params = [new Date(now), new Date(now + 7 * DAY_MS), OPEN_STATUSES, settings.prepareMinThresholds];
    const t0 = performance.now();
    const { rows } = await db.query<{ at_us: string; thresholds: number }>(THRESHOLD_INSTANTS_SQL, params);
    const t1 = performance.now();
    const jobs = rows.flatMap(({ at_us, thresholds }) => [
      instantJob('instant', at_us, now, 0),
      ...(thresholds >= settings.prepareMinThresholds ? [instantJob('prepare', at_us, now, PREPARE_LEAD_MS)] : []),
    ]);
    for (let i = 0; i < jobs.length; i += 1000) await queue.addBulk(jobs.slice(i, i + 1000));
    const t2 = performance.now();
    for (let i = 0; i < 2; i++) await db.query(THRESHOLD_INSTANTS_SQL, params);
    const t3 = performance.now();
    await db.query(THRESHOLD_INSTANTS_SQL, params);
    const warmReadMs = performance.now() - t3;
    return {
      readMs: t1 - t0,
      warmReadMs,
      queueMs: t2 - t1,
      added: jobs.length,
      delayed: await queue.getDelayedCount(),
    };
  } finally {
    await db.end();
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
