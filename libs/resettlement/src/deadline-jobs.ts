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
import { alertThresholds, deadlineJobId, instantJobId, isOpenTaskStatus, prepareJobId } from '@app/domain';
import { DeadlineJobData, HORIZON_MS, InstantJobData } from '@app/events';
import { PREPARE_LEAD_MS, PREPARE_MIN_AHEAD_MS } from './prepare-timing';

export const DEADLINE_JOB_NAMES = { threshold: 'threshold', instant: 'instant', prepare: 'prepare' } as const;

export { PREPARE_LEAD_MS, PREPARE_MIN_AHEAD_MS } from './prepare-timing';

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
  | {
      name: typeof DEADLINE_JOB_NAMES.instant | typeof DEADLINE_JOB_NAMES.prepare;
      data: InstantJobData;
      opts: JobsOptions;
    };

/**
 * BullMQ adds the delay to the job's timestamp: pin it to the same `now`, or a job added late in a long top-up
 * would fire late by that much.
 */
function delayed(at: number, now: number): Pick<JobsOptions, 'delay' | 'timestamp'> {
  return { delay: Math.max(0, at - now), timestamp: now };
}

/**
 * One job per distinct instant; `atMicros` as PostgreSQL gives it (thresholdInstants). Each of `toPrepare` at least
 * PREPARE_MIN_AHEAD_MS ahead also gets its prepare job, PREPARE_LEAD_MS before it (at once if that has passed).
 */
export function instantJobs(
  instantsMicros: readonly bigint[],
  now: number,
  toPrepare: ReadonlySet<bigint> = new Set(),
): DeadlineJob[] {
  return [...new Set(instantsMicros)].flatMap((atMicros): DeadlineJob[] => {
    // Rounded up: the job must not start before its instant (a hair early and the sweep would find nothing due).
    const at = Number((atMicros + 999n) / 1000n);
    const data = { atMicros: atMicros.toString() };
    const instant: DeadlineJob = {
      name: DEADLINE_JOB_NAMES.instant,
      data,
      opts: { ...DEADLINE_JOB_OPTIONS, jobId: instantJobId(atMicros), ...delayed(at, now) },
    };
    if (!toPrepare.has(atMicros) || at - now < PREPARE_MIN_AHEAD_MS) return [instant];
    const prepare: DeadlineJob = {
      name: DEADLINE_JOB_NAMES.prepare,
      data,
      // Once: a prepare that failed leaves the instant to raise its alerts the usual way.
      opts: {
        ...DEADLINE_JOB_OPTIONS,
        attempts: 1,
        jobId: prepareJobId(atMicros),
        ...delayed(at - PREPARE_LEAD_MS, now),
      },
    };
    return [instant, prepare];
  });
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
