/**
 * Which delayed jobs stand for a set of thresholds (pure: no queue, no clock). Every due, at-risk and escalation
 * time is 17:00 on a working day, so thousands of tasks share each instant: the queue holds one job per distinct
 * instant (`instant_<µs>`), and that job raises every threshold falling then in one set-based sweep (issue 15:
 * 20,000 per-task jobs at 17:00 cost the queue 20,000 round trips for one statement's work).
 *
 * A threshold close to now (within NEAR_MS) or already passed gets a job of its own instead, for its task: the
 * instant's job may be running or done already, and a second job with the same id would be dropped by BullMQ.
 * Ids are deterministic, so a job queued twice (two API processes, the horizon's top-up) is queued once.
 */
import { JobsOptions } from 'bullmq';
import { TaskEntity } from '@app/database';
import { alertThresholds, deadlineJobId, instantJobId, isOpenTaskStatus } from '@app/domain';
import { DeadlineJobData, HORIZON_MS, InstantJobData } from '@app/events';

export const DEADLINE_JOB_NAMES = { threshold: 'threshold', instant: 'instant' } as const;

/** A threshold this close to now is queued for its task alone (see above). */
export const NEAR_MS = 5000;

export const DEADLINE_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: 1000,
  removeOnFail: 5000,
  attempts: 5,
  backoff: { type: 'exponential', delay: 200 },
};

export type SchedulableTask = Pick<
  TaskEntity,
  'id' | 'status' | 'atRiskAt' | 'dueAt' | 'escalationAts' | 'deadlineRevision'
>;

export type DeadlineJob =
  | { name: typeof DEADLINE_JOB_NAMES.threshold; data: DeadlineJobData; opts: JobsOptions }
  | { name: typeof DEADLINE_JOB_NAMES.instant; data: InstantJobData; opts: JobsOptions };

/**
 * BullMQ adds the delay to the job's timestamp: pin it to the same `now`, or a job added late in a long top-up
 * would fire late by that much.
 */
function delayed(at: number, now: number): Pick<JobsOptions, 'delay' | 'timestamp'> {
  return { delay: Math.max(0, at - now), timestamp: now };
}

/** One job per distinct instant; `atMicros` as PostgreSQL gives it (thresholdInstants). */
export function instantJobs(instantsMicros: readonly bigint[], now: number): DeadlineJob[] {
  return [...new Set(instantsMicros)].map((atMicros) => ({
    name: DEADLINE_JOB_NAMES.instant,
    data: { atMicros: atMicros.toString() },
    opts: {
      ...DEADLINE_JOB_OPTIONS,
      jobId: instantJobId(atMicros),
      // Rounded up: the job must not start before its instant (a hair early and the sweep would find nothing due).
      ...delayed(Number((atMicros + 999n) / 1000n), now),
    },
  }));
}

/**
 * The jobs for these tasks' thresholds up to now + horizon: an instant job for each threshold further than
 * NEAR_MS ahead, a job of the task's own for each nearer or already passed one (those fire at once).
 */
export function deadlineJobs(tasks: readonly SchedulableTask[], now: number, horizonMs = HORIZON_MS): DeadlineJob[] {
  const until = now + horizonMs;
  const instants: bigint[] = [];
  const own: DeadlineJob[] = [];
  for (const task of tasks) {
    if (!isOpenTaskStatus(task.status)) continue;
    for (const threshold of alertThresholds(task)) {
      const at = threshold.at.getTime();
      if (at > until) continue;
      if (at > now + NEAR_MS) {
        instants.push(BigInt(at) * 1000n);
        continue;
      }
      own.push({
        name: DEADLINE_JOB_NAMES.threshold,
        data: {
          taskId: task.id,
          kind: threshold.kind,
          level: threshold.level,
          deadlineRevision: task.deadlineRevision,
        },
        opts: {
          ...DEADLINE_JOB_OPTIONS,
          jobId: deadlineJobId(task.id, threshold, task.deadlineRevision),
          ...delayed(at, now),
        },
      });
    }
  }
  return [...instantJobs(instants, now), ...own];
}
