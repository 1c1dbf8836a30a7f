/**
 * Test 3, bare-library side: BullMQ addBulk of as many delayed jobs as the Resettle horizon queued (an AT_RISK and
 * an OVERDUE job per open task), in chunks of 1,000, into a prefix of its own.
 */
import { performance } from 'node:perf_hooks';
import { JobsOptions } from 'bullmq';
import { thresholdJobOptions } from '../alert-lateness/bare';
import { OPEN_STATUSES } from '../lib/settings';
import { Bench } from '../lib/stack';
import { deleteKeys } from '../lib/storage';

export interface BareRebuild {
  elapsedMs: number;
  added: number;
  delayed: number;
}

interface OpenTask {
  id: string;
  due_at: Date;
  at_risk_at: Date;
}

export async function bareRebuild(bench: Bench, count: number): Promise<BareRebuild> {
  const { run, settings, stack } = bench;
  const queue = run.newQueue('deadlines', `${run.prefix}-bare3:bull`);
  try {
    await queue.waitUntilReady();
    const { rows } = await stack.db.query<OpenTask>(
      'SELECT id, due_at, at_risk_at FROM tasks WHERE status = ANY($1) ORDER BY id',
      [OPEN_STATUSES],
    );
    const jobs = thresholdJobs(rows, count, Date.now());
    const t0 = performance.now();
    for (let i = 0; i < jobs.length; i += 1000) await queue.addBulk(jobs.slice(i, i + 1000));
    const elapsedMs = performance.now() - t0;
    return { elapsedMs, added: jobs.length, delayed: await queue.getDelayedCount() };
  } finally {
    await run.closeQueue(queue);
    await deleteKeys(settings.redisUrl, `${run.prefix}-bare3:*`);
  }
}

function thresholdJobs(
  rows: OpenTask[],
  count: number,
  now: number,
): { name: string; data: object; opts: JobsOptions }[] {
  const jobs: { name: string; data: object; opts: JobsOptions }[] = [];
  for (const row of rows) {
    for (const [kind, at] of [
      ['AT_RISK', row.at_risk_at],
      ['OVERDUE', row.due_at],
    ] as const) {
      if (jobs.length >= count) return jobs;
      jobs.push({
        name: 'threshold',
        data: { taskId: row.id, kind, level: 0, deadlineRevision: 1 },
        opts: thresholdJobOptions(`deadline_${row.id}_${kind}_0_r1`, Math.max(60_000, at.getTime() - now)),
      });
    }
  }
  return jobs;
}
