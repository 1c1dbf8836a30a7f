/**
 * BullMQ keeps the last 1,000 completed jobs (removeOnComplete): the start and finish times of a scenario's
 * instant jobs split the alert lateness into queue (job start) and sweep (job finish = its alerts committed).
 */
import { summarise, Summary } from '../lib/stats';
import { Bench } from '../lib/stack';
import type { Scenario } from './burst';

export interface JobTimes {
  /** Instant jobs of the scenario among the completed jobs BullMQ kept. */
  jobs: number;
  /** When BullMQ was told to run the job (its timestamp + delay) − the instant it is for. */
  scheduledSkew: Summary;
  started: Summary;
  finished: Summary;
}

export async function readJobTimes(bench: Bench, scenario: Scenario): Promise<JobTimes> {
  const { run } = bench;
  const queue = run.newQueue('deadlines', `${run.prefix}:bull`);
  try {
    const completed = await queue.getJobs(['completed'], 0, 999);
    const fromUs = BigInt(scenario.firstDue) * 1000n;
    const toUs = BigInt(scenario.firstDue + scenario.windowMs) * 1000n;
    const jobs = completed.flatMap((job) => {
      if (job?.name !== 'instant') return [];
      const at = BigInt((job.data as { atMicros: string }).atMicros);
      return at >= fromUs && at <= toUs ? [{ job, atMs: Number(at / 1000n) }] : [];
    });
    const runAt = ({ job }: (typeof jobs)[number]) => job.timestamp + (job.opts.delay ?? 0);
    return {
      jobs: jobs.length,
      scheduledSkew: summarise(jobs.map((j) => runAt(j) - j.atMs)),
      started: summarise(jobs.map((j) => (j.job.processedOn ?? NaN) - runAt(j))),
      finished: summarise(jobs.map((j) => (j.job.finishedOn ?? NaN) - runAt(j))),
    };
  } finally {
    await run.closeQueue(queue);
  }
}
