/**
 * Test 3, Resettle side: every open task's deadline moves inside the 7-day horizon, the worker is stopped and the
 * run's Redis keys deleted, a few tasks fall due while nothing runs; then the worker is started again and timed
 * until its horizon is back, and the alerts are accounted for.
 */
import { Queue } from 'bullmq';
import { pollUntil, systemClock, SupervisedProcess, waitUntilReady } from '../../scripts/supervisor';
import { OPEN_STATUSES } from '../lib/settings';
import { Bench, startWorker } from '../lib/stack';
import { DAY_MS, deleteKeys } from '../lib/storage';
import { horizonCount, isHorizonLine, messageOf } from '../lib/worker-log';
import { AlertAccount, accountForAlerts } from './checks';

export interface Rebuild extends AlertAccount {
  worker: SupervisedProcess;
  /** Worker start -> its horizon log line. */
  restoredMs: number;
  /** Threshold jobs the horizon queued. */
  queued: number;
  /** Delayed jobs in Redis once the count stopped growing. */
  delayedSettled: number;
  reconcilerLine: string;
}

export async function rebuildAfterLoss(bench: Bench, worker: SupervisedProcess): Promise<Rebuild> {
  const { run, settings } = bench;
  const deadlinesQueue = run.newQueue('deadlines', `${run.prefix}:bull`);
  try {
    run.log(`test 3: stopping the worker (${await deadlinesQueue.getDelayedCount()} delayed jobs in Redis)`);
    await worker.stop(20_000);
    const lossDue = await moveDeadlinesInsideHorizon(bench);
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
    return {
      worker: restarted,
      restoredMs: horizon.at - t0,
      queued: horizonCount(horizon.line),
      delayedSettled,
      reconcilerLine: reconciled ? reconciled.msg : 'no "reconciler raised" line',
      ...(await accountForAlerts(bench.stack.db)),
    };
  } finally {
    await run.closeQueue(deadlinesQueue);
  }
}

/**
 * A new deadline revision for every open task, as a real move makes: due in (now + 2 d 10 min, now + 6 d], at risk
 * 2 days before (still ahead). The first `lossWindow` fall due a millisecond apart from 4 s from now, while no
 * worker runs and Redis is empty: only the reconciler can raise those. Returns when the first falls due.
 */
async function moveDeadlinesInsideHorizon(bench: Bench): Promise<number> {
  const now = Date.now();
  const lossDue = now + 4000;
  await bench.stack.db.query(
    `WITH o AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS n
                  FROM tasks WHERE status = ANY($1))
     UPDATE tasks t SET
       deadline_revision = t.deadline_revision + 1,
       due_at = CASE WHEN o.i < $2 THEN to_timestamp(($3::float8 + o.i) / 1000)
                     ELSE to_timestamp(($4::float8 + ($5::float8 - $4::float8) * o.i / o.n) / 1000) END,
       at_risk_at = CASE WHEN o.i < $2 THEN to_timestamp(($3::float8 + o.i) / 1000)
                     ELSE to_timestamp(($4::float8 + ($5::float8 - $4::float8) * o.i / o.n) / 1000) - interval '2 days' END
       FROM o WHERE t.id = o.id`,
    [OPEN_STATUSES, bench.settings.lossWindow, lossDue, now + 2 * DAY_MS + 10 * 60_000, now + 6 * DAY_MS],
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
