/**
 * Resettle benchmark (`npm run bench`, after `npm run build`). Runs the built api, two gateways and the
 * worker as real separate processes against a database and a Redis key prefix of its own, on 1,000,000 open tasks
 * whose deadlines have the real shape (17:00 London on working days), and measures:
 *
 *  1. Alert lateness at the 17:00 burst: 10,000 tasks fall due and 10,000 others reach their at-risk point at one
 *     instant; for every `alert.raised` a subscribed admin client receives (one client on each gateway), receive
 *     time − alert.thresholdAt. Then the spread: 10,000 tasks fall due evenly over a minute. Bare library: BullMQ
 *     alone, one delayed job per threshold in the same shape, a no-op worker of the same concurrency.
 *  2. Fan-out, with 1,000 and with 5,000 clients (half on each gateway) in one prison room; 20 task status
 *     changes through the API, one after another; per client, receive time − the moment before the HTTP request
 *     was sent; memory per socket of the gateways. Bare libraries: a plain http handler that updates the task in
 *     a pg transaction and emits through @socket.io/redis-emitter to two plain socket.io servers on the Redis
 *     adapter holding the same clients; target: Resettle within 1.3x at p50 and p99 (bench/fanout/).
 *  3. Rebuild after Redis loss: every open task moved inside the 7-day horizon; stop the worker, delete the run's
 *     Redis keys, start the worker, time until its horizon is back. Bare library: the same read with pg and BullMQ
 *     addBulk of the same jobs. Then checks that no alert was lost or doubled across the loss.
 *
 * Exits 1 when a target of issue 15 is missed (bench/report.ts, targetChecks). Sizes and servers:
 * bench/lib/settings.ts (BENCH_SCALE=0.1 for a quick run). The run bounds every wait, stops every process it
 * started (also on error and Ctrl+C), drops its database and deletes its Redis keys.
 */

import { cpus, totalmem } from 'node:os';
import { bareAlertLateness } from './alert-lateness/bare';
import { closeDeadlines, collectScenario, startDeadlines } from './alert-lateness/burst';
import { fanoutBudgetMs, measureFanout } from './fanout/measure';
import { BenchRun } from './lib/bench-run';
import { BenchSettings, readBenchSettings } from './lib/settings';
import { assertInstalledAndBuilt, Bench, prepareStack } from './lib/stack';
import { bareRebuild } from './rebuild/bare';
import { rebuildAfterLoss } from './rebuild/resettle';
import { printReport } from './report';

async function main(run: BenchRun, settings: BenchSettings): Promise<number> {
  assertInstalledAndBuilt();
  const machine = `${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`;
  run.log(`run ${run.runId}: BENCH_SCALE=${settings.scale}, ${machine}`);
  const bench: Bench = { run, settings, stack: await prepareStack(run, settings) };

  // 1 and 2: the fan-out test runs in the quiet time before the burst when there is room for it, else after.
  const deadlines = await startDeadlines(bench);
  const roomBeforeBurst = deadlines.burst.firstDue - Date.now() > fanoutBudgetMs(settings.fanoutClientCounts);
  let fanout = roomBeforeBurst ? await measureFanout(bench, 'before the burst, worker idle') : undefined;
  if (Date.now() > deadlines.burst.firstDue - 2000) run.log('warning: the fan-out test ran into the burst');
  const burst = await collectScenario(bench, deadlines, deadlines.burst);
  const spread = await collectScenario(bench, deadlines, deadlines.spread);
  await closeDeadlines(bench, deadlines);
  fanout ??= await measureFanout(bench, 'after the burst');

  // 3.
  const rebuild = await rebuildAfterLoss(bench, deadlines.worker);
  run.log(
    `test 3: horizon of ${rebuild.queued} jobs restored ${rebuild.restoredMs} ms after the worker started ` +
      `(${rebuild.delayedSettled} delayed in Redis); ${rebuild.missing} passed thresholds without an alert`,
  );

  // Resettle is stopped before the bare-library runs, so they have the machine to themselves as it had.
  await run.group.stopAll(20_000);
  run.log('test 3: bare pg read and BullMQ addBulk of the same instants');
  const bareBuild = await bareRebuild(bench);
  run.log(`test 1: bare BullMQ, ${deadlines.burst.expected.length} delayed jobs due at one instant, no-op worker`);
  const bareBurst = await bareAlertLateness(bench, deadlines.burst);
  run.log(`test 1: bare BullMQ, ${deadlines.spread.expected.length} delayed jobs spread as the spread, no-op worker`);
  const bareSpread = await bareAlertLateness(bench, deadlines.spread);

  const missed = printReport(run, settings, { burst, bareBurst, spread, bareSpread, fanout, rebuild, bareBuild });
  return missed.length === 0 ? 0 : 1;
}

function settingsOrExit(): BenchSettings {
  try {
    return readBenchSettings();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}

const settings = settingsOrExit();
const run = new BenchRun('bench', settings.redisUrl, settings.keepLogs);
void run.execute(() => main(run, settings), settings.hardLimitMs);
