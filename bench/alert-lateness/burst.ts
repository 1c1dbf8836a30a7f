/**
 * Test 1, Resettle side: the burst's tasks fall due `leadMs` after the worker starts, evenly over `windowMs`; the
 * admin clients note every `alert.raised`. startBurst() sets it going and returns while the worker is idle (the
 * fan-out test may use that quiet time); collectBurst() waits for every alert and measures.
 */
import { SupervisedProcess, OutputLine, pollUntil, waitUntilReady } from '../../scripts/supervisor';
import { ms, summarise, Summary } from '../lib/stats';
import { Bench, startWorker } from '../lib/stack';
import { setBurstDeadlines } from '../lib/storage';
import { horizonCount, isHorizonLine } from '../lib/worker-log';
import { AdminClients, connectAdminClients } from './admin-clients';
import { readJobTimes, JobTimes } from './job-times';
import { OutboxCommits, watchOutboxCommits } from './outbox-commits';

export interface Burst {
  burstIds: Set<string>;
  workerStart: number;
  firstDue: number;
  worker: SupervisedProcess;
  firstHorizon: OutputLine;
  admins: AdminClients;
  commits: OutboxCommits;
}

export interface AlertLateness {
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
  stray: AdminClients['stray'];
  firstHorizonJobs: number;
  firstHorizonAfterMs: number;
}

export async function startBurst(bench: Bench): Promise<Burst> {
  const { run, settings, stack } = bench;
  const workerStart = Date.now();
  const firstDue = workerStart + settings.leadMs;
  const burstIds = new Set(await setBurstDeadlines(stack.db, firstDue, settings.windowMs));
  const admins = await connectAdminClients(bench, burstIds);
  const commits = await watchOutboxCommits(stack.databaseUrl);
  const worker = startWorker(bench);
  const horizons: OutputLine[] = [];
  worker.onLine((line) => {
    if (isHorizonLine(line.line)) horizons.push(line);
  });
  const firstHorizon = await worker.waitForLine(isHorizonLine, settings.leadMs, 'horizon log line');
  await waitUntilReady({ url: `http://127.0.0.1:${stack.workerPort}`, process: worker, timeoutMs: 60_000 });
  run.log(
    `test 1: worker started; horizon ${horizonCount(firstHorizon.line)} jobs after ${firstHorizon.at - workerStart} ms; ` +
      `the burst of ${settings.burst} falls due in ${((firstDue - Date.now()) / 1000).toFixed(0)} s over ${settings.windowMs / 1000} s`,
  );
  // The worker's job schedulers run a second top-up straight away: let it finish before measuring anything.
  await pollUntil(() => horizons.length >= 2, {
    what: 'a second top-up',
    timeoutMs: Math.max(1000, Math.min(60_000, firstDue - Date.now() - 5000)),
  })
    .then(() => run.log(`test 1: the scheduler's own top-up finished ${horizons[1].at - workerStart} ms after start`))
    .catch(() => run.log('test 1: no second top-up seen before the burst'));
  return { burstIds, workerStart, firstDue, worker, firstHorizon, admins, commits };
}

export async function collectBurst(bench: Bench, burst: Burst): Promise<AlertLateness> {
  const { run, settings } = bench;
  const { admins } = burst;
  const burstDeadline = burst.firstDue + settings.windowMs + 150_000;
  // A client that lost its connection (it would reconnect with `since` in real life) is not waited for.
  const complete = () => admins.received.every((m, i) => m.size >= settings.burst || admins.bySlot[i].disconnected);
  await pollUntil(complete, {
    what: 'every alert of the burst at both admin clients',
    timeoutMs: Math.max(0, burstDeadline - Date.now()),
    everyMs: 200,
  }).catch((error: Error) => run.log(`warning: ${error.message}`));
  const jobTimes = await readJobTimes(bench, burst.burstIds);
  const result = await latenessFigures(bench, burst, jobTimes);
  await burst.commits.close();
  run.closeTracked(admins.sockets);
  run.log(
    `test 1: received ${result.perClient.join(' / ')} of ${settings.burst}; p99 ${ms(result.lateness.p99)}; ` +
      `${admins.stray.count} other alerts, ${admins.stray.duplicates} duplicates`,
  );
  return result;
}

async function latenessFigures(bench: Bench, burst: Burst, jobTimes: JobTimes): Promise<AlertLateness> {
  const { admins, commits } = burst;
  const { rows: written } = await bench.stack.db.query<{ ms: string }>(
    `SELECT extract(epoch FROM (created_at - threshold_at)) * 1000 AS ms FROM alerts
      WHERE task_id = ANY($1) AND kind = 'OVERDUE'`,
    [[...burst.burstIds]],
  );
  const firstClient = [...admins.received[0].values()];
  const commitOf = (seq: number) => commits.commitTimeOf(seq) ?? Number.NaN;
  return {
    lateness: summarise(admins.received.flatMap((m) => [...m.values()].map((r) => r.at - r.thresholdAt))),
    perClient: admins.received.map((m) => m.size),
    jobTimes,
    writtenLateness: summarise(written.map((r) => Number(r.ms))),
    committedLateness: summarise(firstClient.map((r) => commitOf(r.seq) - r.thresholdAt).filter(Number.isFinite)),
    afterCommit: summarise(firstClient.map((r) => r.at - commitOf(r.seq)).filter(Number.isFinite)),
    stray: admins.stray,
    firstHorizonJobs: horizonCount(burst.firstHorizon.line),
    firstHorizonAfterMs: burst.firstHorizon.at - burst.workerStart,
  };
}
