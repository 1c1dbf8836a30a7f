import { TaskStatus } from '@app/domain';
import { HORIZON_MS } from '@app/events';
import {
  deadlineJobs,
  instantJobs,
  NEAR_MS,
  PREPARE_LEAD_MS,
  PREPARE_MIN_AHEAD_MS,
  SchedulableTask,
} from './deadline-jobs';

const NOW = Date.parse('2026-11-30T09:00:00Z');
const FIVE_PM = new Date('2026-12-02T17:00:00Z');
const HOUR = 60 * 60 * 1000;

function task(id: string, dueAt: Date, extra: Partial<SchedulableTask> = {}): SchedulableTask {
  return {
    id,
    status: TaskStatus.TODO,
    atRiskAt: new Date(dueAt.getTime() - 48 * HOUR),
    dueAt,
    escalationAts: [],
    deadlineRevision: 3,
    ...extra,
  };
}

describe('deadlineJobs', () => {
  it('queues one instant job for every task whose threshold falls at the same 17:00, and no prepare job', () => {
    const tasks = Array.from({ length: 50 }, (_, i) => task(`t${i}`, FIVE_PM, { atRiskAt: FIVE_PM }));
    const jobs = deadlineJobs(tasks, NOW);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      name: 'instant',
      data: { atMicros: `${FIVE_PM.getTime()}000` },
      opts: { jobId: `instant_${FIVE_PM.getTime()}000`, delay: FIVE_PM.getTime() - NOW, timestamp: NOW },
    });
  });

  it('queues an instant job for each distinct instant of the ladder, at risk and due', () => {
    const ladder = [new Date(FIVE_PM.getTime() + 48 * HOUR), new Date(FIVE_PM.getTime() + 72 * HOUR)];
    const jobs = deadlineJobs([task('a', FIVE_PM, { escalationAts: ladder })], NOW);
    expect(jobs.map((j) => j.opts.jobId)).toEqual(
      [FIVE_PM.getTime() - 48 * HOUR, FIVE_PM.getTime(), ...ladder.map((d) => d.getTime())].map(
        (ms) => `instant_${ms}000`,
      ),
    );
  });

  it('gives a threshold near now, or passed, a job of its own task that runs at once', () => {
    const near = new Date(NOW + NEAR_MS - 1);
    const passed = new Date(NOW - HOUR);
    const jobs = deadlineJobs(
      [task('near', near, { atRiskAt: near }), task('late', passed, { atRiskAt: passed })],
      NOW,
    );
    expect(jobs).toEqual([
      expect.objectContaining({
        name: 'threshold',
        data: { taskId: 'near', kind: 'OVERDUE', level: 0, deadlineRevision: 3 },
        opts: expect.objectContaining({ jobId: 'deadline_near_OVERDUE_0_r3', delay: NEAR_MS - 1 }),
      }),
      expect.objectContaining({
        name: 'threshold',
        data: { taskId: 'late', kind: 'OVERDUE', level: 0, deadlineRevision: 3 },
        opts: expect.objectContaining({ delay: 0 }),
      }),
    ]);
  });

  it('leaves thresholds beyond the horizon, and closed tasks, to PostgreSQL', () => {
    const far = new Date(NOW + HORIZON_MS + HOUR);
    expect(deadlineJobs([task('far', far, { atRiskAt: far })], NOW)).toEqual([]);
    expect(deadlineJobs([task('done', FIVE_PM, { status: TaskStatus.DONE })], NOW)).toEqual([]);
  });
});

describe('instantJobs', () => {
  it('keeps PostgreSQL microseconds in the id and never starts before the instant', () => {
    const atMicros = BigInt(FIVE_PM.getTime()) * 1000n + 1n;
    const jobs = instantJobs([atMicros, atMicros], NOW);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].opts.jobId).toBe(`instant_${atMicros}`);
    expect(jobs[0].opts.delay).toBe(FIVE_PM.getTime() + 1 - NOW);
  });

  it('prepares each instant asked for PREPARE_LEAD_MS ahead, once, and at once when that time has passed', () => {
    const far = BigInt(NOW + 10 * PREPARE_LEAD_MS) * 1000n;
    const soon = BigInt(NOW + PREPARE_LEAD_MS / 2) * 1000n;
    const quiet = BigInt(NOW + 20 * PREPARE_LEAD_MS) * 1000n;
    const jobs = instantJobs([far, soon, far, quiet], NOW, new Set([far, soon]));
    expect(jobs.filter((j) => j.name === 'instant')).toHaveLength(3);
    const prepares = jobs.filter((j) => j.name === 'prepare');
    expect(prepares).toEqual([
      expect.objectContaining({
        data: { atMicros: far.toString() },
        opts: expect.objectContaining({ jobId: `prepare_${far}`, delay: 9 * PREPARE_LEAD_MS, attempts: 1 }),
      }),
      expect.objectContaining({
        data: { atMicros: soon.toString() },
        opts: expect.objectContaining({ jobId: `prepare_${soon}`, delay: 0 }),
      }),
    ]);
  });

  it('does not prepare an instant nearer than PREPARE_MIN_AHEAD_MS: the instant raises it the usual way', () => {
    const near = BigInt(NOW + PREPARE_MIN_AHEAD_MS - 1) * 1000n;
    expect(instantJobs([near], NOW, new Set([near])).map((j) => j.name)).toEqual(['instant']);
  });
});
