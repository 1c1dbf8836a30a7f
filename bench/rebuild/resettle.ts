/**
 * Test 3, Resettle side: the worker is stopped, every open task gets a new deadline revision inside the 7-day
 * horizon (17:00 London on the days ahead, as the domain dates them: the worst case for the horizon's read, every
 * task in it), the table is vacuumed, the run's Redis keys are deleted and a few tasks fall due while nothing runs;
 * then the worker is started again and timed until its horizon is back, and the alerts are accounted for.
 */
import { readFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import { pollUntil, SupervisedProcess, systemClock, waitUntilReady } from '../../scripts/supervisor';
import { OPEN_STATUSES } from '../lib/settings';
import { Bench, startWorker } from '../lib/stack';
import { deleteKeys } from '../lib/storage';
import { horizonCount, isHorizonLine, messageOf } from '../lib/worker-log';
import { accountForAlerts, AlertAccount } from './checks';

export interface Rebuild extends AlertAccount {
  worker: SupervisedProcess;
  /** Worker start -> its horizon log line. */
  restoredMs: number;
  /** The top-up's own work, as the worker logged it: its PostgreSQL read and its addBulk. */
  readMs: number;
  queueMs: number;
  /** Jobs the horizon queued. */
  queued: number;
  /** Delayed jobs in Redis once the count stopped growing. */
  delayedSettled: number;
  /** The worker's peak resident memory (VmHWM) once the horizon was back, in MiB. */
  peakMemoryMiB: number;
  reconcilerLine: string;
}

export async function rebuildAfterLoss(bench: Bench, worker: SupervisedProcess): Promise<Rebuild> {
  const { run, settings } = bench;
  const deadlinesQueue = run.newQueue('deadlines', `${run.prefix}:bull`);
  try {
    run.log(`test 3: stopping the worker (${await deadlinesQueue.getDelayedCount()} delayed jobs in Redis)`);
    await worker.stop(20_000);
    const moveStarted = Date.now();
    const lossDue = await moveDeadlinesInsideHorizon(bench);
    run.log(`test 3: every open task moved inside the horizon in ${Date.now() - moveStarted} ms`);
    // Autovacuum cleans up after a change of every open task within a minute or two; the bench does it at once, so
    // that neither side's read pays for it. Unvacuumed, the first read after the move visits the old versions' index
    // entries and marks them dead, and the worker's read always comes first: 400 ms against the bare side's 38 ms for
    // the same statement just after it (one run, 2 Dec 2026).
    const vacuumStarted = Date.now();
    await bench.stack.db.query('VACUUM (ANALYZE) tasks');
    run.log(`test 3: tasks vacuumed in ${Date.now() - vacuumStarted} ms`);
    const deleted = await deleteKeys(settings.redisUrl, `${run.prefix}:*`);
    run.log(
      `test 3: deleted ${deleted} Redis keys of ${run.prefix}; ${settings.lossWindow} tasks fall due while no worker runs`,
    );
    await systemClock.sleep(Math.max(0, lossDue + settings.lossWindow + 1000 - Date.now()));

    const t0 = Date.now();
    const restarted = startWorker(bench);
    const horizon = await restarted.waitForLine(isHorizonLine, 300_000, 'horizon log line');
    const delayedSettled = await settledDelayedCount(deadlinesQueue);
    await waitUntilReady({ url: `http://127.0.0.1:${bench.stack.workerPort}`, process: restarted, timeoutMs: 60_000 });
    const reconciled = restarted.lines.map(messageOf).find((m) => /reconciler raised \d+/.test(m.msg));
    const work = /read (\d+) ms, queue (\d+) ms/.exec(messageOf(horizon.line).msg);
    return {
      worker: restarted,
      restoredMs: horizon.at - t0,
      readMs: Number(work?.[1] ?? Number.NaN),
      queueMs: Number(work?.[2] ?? Number.NaN),
      queued: horizonCount(horizon.line),
      delayedSettled,
      peakMemoryMiB: peakMemoryMiB(restarted.pid),
      reconcilerLine: reconciled ? reconciled.msg : 'no "reconciler raised" line',
      ...(await accountForAlerts(bench.stack.db)),
    };
  } finally {
    await run.closeQueue(deadlinesQueue);
  }
}

/**
 * A new deadline revision for every open task, as a real move makes: due at 17:00 London 3 to 6 days ahead, at risk
 * the day before (still ahead), the ladder 2 and 4 days after. The first `lossWindow` fall due a millisecond apart
 * from 4 s from now, while no worker runs and Redis is empty: only the reconciler can raise those. Returns when the
 * first falls due.
 */
async function moveDeadlinesInsideHorizon(bench: Bench): Promise<number> {
  const lossDue = Date.now() + 4000;
  const at = `timestamptz 'epoch' + ($3::bigint + o.i) * interval '1 millisecond'`;
  const day = `(CURRENT_DATE + 3 + (o.i % 4)::int + time '17:00') AT TIME ZONE 'Europe/London'`;
  await bench.stack.db.query(
    `WITH o AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM tasks WHERE status = ANY($1))
     UPDATE tasks t SET
       deadline_revision = t.deadline_revision + 1,
       due_at = CASE WHEN o.i < $2 THEN ${at} ELSE ${day} END,
       at_risk_at = CASE WHEN o.i < $2 THEN ${at} ELSE ${day} - interval '1 day' END,
       escalation_ats = CASE WHEN o.i < $2 THEN '{}'
                             ELSE ARRAY[${day} + interval '2 days', ${day} + interval '4 days'] END
       FROM o WHERE t.id = o.id`,
    [OPEN_STATUSES, bench.settings.lossWindow, lossDue],
  );
  return lossDue;
}

/** Cross-check from Redis: the delayed count once it has not changed for 3 s (scheduler jobs included). */
async function settledDelayedCount(queue: Queue): Promise<number> {
  let last = -1;
  let stableSince = Date.now();
  return pollUntil(
    async () => {
      const count = await queue.getDelayedCount();
      if (count !== last) {
        last = count;
        stableSince = Date.now();
      }
      return Date.now() - stableSince >= 3000 ? count : 0;
    },
    { what: 'the delayed count to settle', timeoutMs: 120_000, everyMs: 200 },
  );
}

/** VmHWM from /proc (Linux): the most memory the process has held at once. */
function peakMemoryMiB(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? Number.NaN : Number(kb) / 1024;
  } catch {
    return Number.NaN;
  }
}
