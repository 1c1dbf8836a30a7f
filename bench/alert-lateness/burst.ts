/**
 * Test 1, Resettle side. Two scenarios on one worker: the 17:00 burst (burstDue tasks fall due and burstAtRisk
 * others reach their at-risk point at one instant, `leadMs` after the worker starts, as every threshold of a
 * working day does at 17:00) and, `spreadAfterMs` later, the spread (tasks falling due evenly over a minute, the
 * kind shape). The admin clients note every `alert.raised`. startDeadlines() sets both going and returns while the
 * worker is idle (the fan-out test may use that quiet time); collectScenario() waits for one scenario's alerts and
 * measures them.
 */
import { SupervisedProcess, OutputLine, pollUntil, waitUntilReady } from '../../scripts/supervisor';
import { ms, summarise, Summary } from '../lib/stats';
import { Bench, startWorker } from '../lib/stack';
import { ExpectedAlert, setBurstDeadlines, setSpreadDeadlines } from '../lib/storage';
import { horizonCount, isHorizonLine } from '../lib/worker-log';
import { AdminClients, alertKey, connectAdminClients } from './admin-clients';
import { readJobTimes, JobTimes } from './job-times';
import { OutboxCommits, watchOutboxCommits } from './outbox-commits';

export interface Scenario {
  name: 'burst' | 'spread';
  expected: ExpectedAlert[];
  /** The first threshold instant, and the window the thresholds fall in (0 for the burst). */
  firstDue: number;
  windowMs: number;
}

export interface Deadlines {
  burst: Scenario;
  spread: Scenario;
  workerStart: number;
  worker: SupervisedProcess;
  firstHorizon: OutputLine;
  admins: AdminClients;
  commits: OutboxCommits;
}

export interface AlertLateness {
  scenario: Scenario['name'];
  expected: number;
  /** Threshold -> alert at a client, over every client. */
  lateness: Summary;
  perClient: number[];
  jobTimes: JobTimes;
  /** Threshold -> the alert's transaction began (created_at). */
  writtenLateness: Summary;
  /** Threshold -> its outbox row committed (NOTIFY seen). */
  committedLateness: Summary;
  /** Commit -> client. */
  afterCommit: Summary;
  /** The worker's own account of the burst's sweep ("instant ...: raised N of M ..."), if it logged one. */
  sweepLine: string;
}

export async function startDeadlines(bench: Bench): Promise<Deadlines> {
  const { run, settings, stack } = bench;
  const workerStart = Date.now();
  const burstAt = workerStart + settings.leadMs;
  const spreadFrom = burstAt + settings.spreadAfterMs;
  const burst: Scenario = {
    name: 'burst',
    expected: await setBurstDeadlines(stack.db, burstAt),
    firstDue: burstAt,
    windowMs: 0,
  };
  const spread: Scenario = {
    name: 'spread',
    expected: await setSpreadDeadlines(stack.db, spreadFrom, settings.spreadWindowMs),
    firstDue: spreadFrom,
    windowMs: settings.spreadWindowMs,
  };
  const admins = await connectAdminClients(bench, [...burst.expected, ...spread.expected]);
  const commits = await watchOutboxCommits(stack.databaseUrl);
  const worker = startWorker(bench);
  const firstHorizon = await worker.waitForLine(isHorizonLine, settings.leadMs, 'horizon log line');
  await waitUntilReady({ url: `http://127.0.0.1:${stack.workerPort}`, process: worker, timeoutMs: 60_000 });
  run.log(
    `test 1: worker started; horizon ${horizonCount(firstHorizon.line)} jobs after ${firstHorizon.at - workerStart} ms; ` +
      `the burst of ${burst.expected.length} thresholds falls due at one instant in ` +
      `${((burstAt - Date.now()) / 1000).toFixed(0)} s, the spread of ${spread.expected.length} over ` +
      `${settings.spreadWindowMs / 1000} s from ${settings.spreadAfterMs / 1000} s after it`,
  );
  return { burst, spread, workerStart, worker, firstHorizon, admins, commits };
}

export async function collectScenario(bench: Bench, deadlines: Deadlines, scenario: Scenario): Promise<AlertLateness> {
  const { run } = bench;
  const { admins } = deadlines;
  const keys = scenario.expected.map(alertKey);
  const deadline = scenario.firstDue + scenario.windowMs + 150_000;
  // A client that lost its connection (it would reconnect with `since` in real life) is not waited for.
  const complete = () => admins.received.every((m, i) => keys.every((k) => m.has(k)) || admins.bySlot[i].disconnected);
  await pollUntil(complete, {
    what: `every alert of the ${scenario.name} at both admin clients`,
    timeoutMs: Math.max(0, deadline - Date.now()),
    everyMs: 200,
  }).catch((error: Error) => run.log(`warning: ${error.message}`));
  const result = await latenessFigures(bench, deadlines, scenario, keys);
  run.log(
    `test 1 (${scenario.name}): received ${result.perClient.join(' / ')} of ${keys.length}; ` +
      `lateness p50 / p99 ${ms(result.lateness.p50)} / ${ms(result.lateness.p99)} (written ` +
      `${ms(result.writtenLateness.p50)} / ${ms(result.writtenLateness.p99)}, committed ` +
      `${ms(result.committedLateness.p50)} / ${ms(result.committedLateness.p99)}, commit to client ` +
      `${ms(result.afterCommit.p50)} / ${ms(result.afterCommit.p99)}); ${admins.stray.count} other alerts, ${admins.stray.duplicates} duplicates so far` +
      (admins.stray.duplicateSeqs.length > 0 ? ` (${admins.stray.duplicateSeqs.join('; ')})` : ''),
  );
  return result;
}

/** After the last scenario: stop listening and close the admin clients. */
export async function closeDeadlines(bench: Bench, deadlines: Deadlines): Promise<void> {
  await deadlines.commits.close();
  bench.run.closeTracked(deadlines.admins.sockets);
}

async function latenessFigures(
  bench: Bench,
  deadlines: Deadlines,
  scenario: Scenario,
  keys: string[],
): Promise<AlertLateness> {
  const { admins, commits } = deadlines;
  const { rows: written } = await bench.stack.db.query<{ ms: string }>(
    `SELECT extract(epoch FROM (a.created_at - a.threshold_at)) * 1000 AS ms
       FROM alerts a JOIN unnest($1::uuid[], $2::text[]) AS e(task_id, kind)
         ON a.task_id = e.task_id AND a.kind::text = e.kind`,
    [scenario.expected.map((e) => e.taskId), scenario.expected.map((e) => e.kind)],
  );
  const mine = admins.received.map((m) => keys.flatMap((k) => m.get(k) ?? []));
  const commitOf = (seq: number) => commits.commitTimeOf(seq) ?? Number.NaN;
  const sweep = deadlines.worker.lines.find((l) => l.includes(`instant ${new Date(scenario.firstDue).toISOString()}`));
  return {
    scenario: scenario.name,
    expected: keys.length,
    lateness: summarise(mine.flatMap((list) => list.map((r) => r.at - r.thresholdAt))),
    perClient: mine.map((list) => list.length),
    jobTimes: await readJobTimes(bench, scenario),
    writtenLateness: summarise(written.map((r) => Number(r.ms))),
    committedLateness: summarise(mine[0].map((r) => commitOf(r.seq) - r.thresholdAt).filter(Number.isFinite)),
    afterCommit: summarise(mine[0].map((r) => r.at - commitOf(r.seq)).filter(Number.isFinite)),
    sweepLine: sweep ? (/"msg":"([^"]*)"/.exec(sweep)?.[1] ?? sweep) : '',
  };
}
