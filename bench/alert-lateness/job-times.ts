/**
 * BullMQ keeps the last 1,000 completed jobs (removeOnComplete): their start and finish times split the alert
 * lateness into queue (job start) and firing (job finish = its batch committed).
 */
import { Summary, summarise } from '../lib/stats';
import { Bench } from '../lib/stack';

export interface JobTimes {
  /** When BullMQ was told to run the job (its timestamp + delay) − the threshold it is for. */
  scheduledSkew: Summary;
  started: Summary;
  finished: Summary;
}

interface ThresholdJobData {
  taskId: string;
}

export async function readJobTimes(bench: Bench, burstIds: ReadonlySet<string>): Promise<JobTimes> {
  const { run, stack } = bench;
  const queue = run.newQueue('deadlines', `${run.prefix}:bull`);
  try {
    const completed = await queue.getJobs(['completed'], 0, 999);
    const jobs = completed.filter((j) => j?.name === 'threshold' && burstIds.has((j.data as ThresholdJobData).taskId));
    const { rows: dues } = await stack.db.query<{ id: string; due_at: Date }>(
      `SELECT id, due_at FROM tasks WHERE template_key = 'bench-burst'`,
    );
    const dueOf = new Map(dues.map((r) => [r.id, r.due_at.getTime()]));
    const runAt = (j: (typeof jobs)[number]) => j.timestamp + (j.opts.delay ?? 0);
    return {
      scheduledSkew: summarise(jobs.map((j) => runAt(j) - (dueOf.get((j.data as ThresholdJobData).taskId) ?? NaN))),
      started: summarise(jobs.map((j) => (j.processedOn ?? NaN) - runAt(j))),
      finished: summarise(jobs.map((j) => (j.finishedOn ?? NaN) - runAt(j))),
    };
  } finally {
    await run.closeQueue(queue);
  }
}
