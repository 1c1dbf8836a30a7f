/**
 * The benchmark's report: one table (plain text and Markdown) of every figure beside its bare-library counterpart
 * and target, notes on the run, and results.json in the log folder. Measures nothing itself.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { AlertLateness } from './alert-lateness/burst';
import { Fanout, FANOUT_TARGET_RATIO, fanoutTargetMet } from './fanout/measure';
import { fanoutForResults, fanoutNote, fanoutRows } from './fanout/report-rows';
import { BenchRun } from './lib/bench-run';
import { BenchSettings, TARGETS } from './lib/settings';
import { markdownTable, ms, ratio, Row, Summary, table } from './lib/stats';
import { BareRebuild } from './rebuild/bare';
import { Rebuild } from './rebuild/resettle';

export interface Results {
  burst: AlertLateness;
  bareBurst: Summary;
  spread: AlertLateness;
  bareSpread: Summary;
  fanout: Fanout;
  rebuild: Rebuild;
  bareBuild: BareRebuild;
}

/** A target of issue 15 and whether this run met it; the run exits non-zero when one is missed. */
export interface TargetCheck {
  name: string;
  met: boolean;
}

const HEADERS = ['figure', 'Resettle', 'bare library', 'ratio', 'target', 'met?'];

function row(figure: string, resettle: string, bare = '', ratioText = '', target = '', met = ''): Row {
  return [figure, resettle, bare, ratioText, target, met];
}

const yesNo = (ok: boolean) => (ok ? 'yes' : 'no');
const pair = (a: number, b: number) => `${ms(a)} / ${ms(b)}`;

function allReceived(a: AlertLateness): boolean {
  return a.perClient.length > 0 && a.perClient.every((n) => n === a.expected);
}

/** The burst's target: every alert on the clients, p99 under 1 s and under bare BullMQ's own p99. */
export function burstMet(burst: AlertLateness, bare: Summary): boolean {
  const p99 = burst.lateness.p99;
  return allReceived(burst) && p99 < TARGETS.burstP99Ms && p99 < bare.p99;
}

function latenessRows(title: string, a: AlertLateness, bare: Summary, p99Target: string, p99Met: string): Row[] {
  const { lateness, perClient, jobTimes } = a;
  const line = (p: 'p50' | 'p95' | 'max') =>
    row(`${title}: alert lateness ${p}`, ms(lateness[p]), ms(bare[p]), ratio(lateness[p], bare[p]));
  return [
    line('p50'),
    line('p95'),
    row(
      `${title}: alert lateness p99`,
      ms(lateness.p99),
      ms(bare.p99),
      ratio(lateness.p99, bare.p99),
      p99Target,
      p99Met,
    ),
    line('max'),
    row(
      `${title}: alerts received (per client)`,
      `${perClient.join(' / ')} of ${a.expected}`,
      `${bare.count} of ${a.expected} jobs`,
      '',
      'all',
      yesNo(allReceived(a)),
    ),
    row(
      `  of which: instant job start − its run-at p50 / p99 (${jobTimes.jobs} jobs kept)`,
      pair(jobTimes.started.p50, jobTimes.started.p99),
    ),
    row(
      '  of which: alert transaction began (created_at) p50 / p99',
      pair(a.writtenLateness.p50, a.writtenLateness.p99),
    ),
    row('  of which: committed (NOTIFY seen) p50 / p99', pair(a.committedLateness.p50, a.committedLateness.p99)),
    row(`  of which: instant job finished − its run-at p50 / p99`, pair(jobTimes.finished.p50, jobTimes.finished.p99)),
    row('  of which: commit → client p50 / p99', pair(a.afterCommit.p50, a.afterCommit.p99)),
  ];
}

function rebuildWorkMs(r: Rebuild): number {
  return r.readMs + r.queueMs;
}

function bareWorkMs(b: BareRebuild): number {
  return b.readMs + b.queueMs;
}

function rebuildRows(s: BenchSettings, { rebuild, bareBuild }: Results): Row[] {
  return [
    row(
      `rebuild after Redis loss: worker start → horizon back (${s.tasks} open tasks)`,
      ms(rebuild.restoredMs),
      '',
      '',
      `< ${TARGETS.rebuildMs / 1000} s`,
      yesNo(rebuild.restoredMs < TARGETS.rebuildMs),
    ),
    row(
      `  the top-up's work: read + addBulk of ${rebuild.queued} jobs`,
      `${ms(rebuild.readMs)} + ${ms(rebuild.queueMs)}`,
      `${ms(bareBuild.readMs)} + ${ms(bareBuild.queueMs)} (pg on a new connection, ${ms(bareBuild.warmReadMs)} warm, + addBulk of ${bareBuild.added})`,
      ratio(rebuildWorkMs(rebuild), bareWorkMs(bareBuild)),
      `≤ ${TARGETS.rebuildRatio}x`,
      yesNo(rebuildWorkMs(rebuild) <= TARGETS.rebuildRatio * bareWorkMs(bareBuild)),
    ),
    row('  peak worker memory (VmHWM)', `${rebuild.peakMemoryMiB.toFixed(0)} MiB`, '', '', 'report'),
    row(
      'alerts lost across the loss',
      `${rebuild.missing} passed thresholds without alert`,
      '',
      '',
      '0',
      yesNo(rebuild.missing === 0),
    ),
    row(
      'alerts doubled (max per threshold)',
      `${rebuild.maxPerThreshold} (${rebuild.duplicateGroups} thresholds > 1)`,
      '',
      '',
      '≤ 1',
      yesNo(rebuild.maxPerThreshold <= 1),
    ),
  ];
}

/** Every target of issue 15 this benchmark measures, met or not. */
export function targetChecks(results: Results): TargetCheck[] {
  const { burst, bareBurst, spread, fanout, rebuild, bareBuild } = results;
  return [
    {
      name: 'the 17:00 burst: every alert on the clients, p99 < 1 s and < bare BullMQ',
      met: burstMet(burst, bareBurst),
    },
    { name: 'the spread: every alert on the clients', met: allReceived(spread) },
    ...fanout.cases.map((c) => ({
      name: `fan-out (${c.clients} clients): p50 and p99 within ${FANOUT_TARGET_RATIO}x of the bare libraries, all delivered`,
      met: fanoutTargetMet(c),
    })),
    { name: `rebuild: horizon back < ${TARGETS.rebuildMs / 1000} s`, met: rebuild.restoredMs < TARGETS.rebuildMs },
    {
      name: `rebuild: the top-up's work ≤ ${TARGETS.rebuildRatio}x the bare libraries'`,
      met: rebuildWorkMs(rebuild) <= TARGETS.rebuildRatio * bareWorkMs(bareBuild),
    },
    { name: 'rebuild: no alert lost or doubled', met: rebuild.missing === 0 && rebuild.maxPerThreshold <= 1 },
  ];
}

function notes(run: BenchRun, s: BenchSettings, { burst, spread, fanout, rebuild, bareBuild }: Results): string[] {
  return [
    `machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; BENCH_SCALE=${s.scale}`,
    `dataset: ${s.women} women in 12 prisons, ${s.tasks} open tasks due at 17:00 London on working days 3 to 30 days ahead; DEADLINE_CONCURRENCY ${s.concurrency}`,
    `the burst: ${s.burstDue} tasks fall due and ${s.burstAtRisk} reach their at-risk point at one instant, ${s.leadMs / 1000} s after the worker started; the worker said: ${burst.sweepLine || '(no sweep line)'}`,
    `the spread: ${s.spread} tasks fall due evenly over ${s.spreadWindowMs / 1000} s, ${s.spreadAfterMs / 1000} s after the burst (${spread.jobTimes.jobs} of their instant jobs kept by BullMQ)`,
    `the bare BullMQ side runs one no-op job per threshold in the same shape (what one job per task threshold costs before any work)`,
    fanoutNote(fanout),
    `test 3: ${rebuild.reconcilerLine}; ${rebuild.lossRaised} OVERDUE alerts on tasks that fell due while the worker was down (${s.lossWindow} expected); ${rebuild.delayedSettled} delayed jobs in Redis after the restart (the bare side added ${bareBuild.added}, ${bareBuild.delayed} delayed)`,
    `total run time ${(run.elapsedMs / 1000).toFixed(0)} s`,
  ];
}

/** Prints the table and notes, saves results.json, and returns the targets missed. */
export function printReport(run: BenchRun, settings: BenchSettings, results: Results): TargetCheck[] {
  const burstTarget = `< 1 s and < bare`;
  const rows = [
    ...latenessRows(
      '17:00 burst',
      results.burst,
      results.bareBurst,
      burstTarget,
      yesNo(burstMet(results.burst, results.bareBurst)),
    ),
    ...latenessRows('spread', results.spread, results.bareSpread, 'report', ''),
    ...fanoutRows(results.fanout),
    ...rebuildRows(settings, results),
  ];
  const noteLines = notes(run, settings, results).map((n) => `- ${n}`);
  const missed = targetChecks(results).filter((c) => !c.met);
  const verdict =
    missed.length === 0 ? 'every target met' : `targets missed:\n${missed.map((c) => `  - ${c.name}`).join('\n')}`;
  console.log(`\n${table(HEADERS, rows)}\n\n${noteLines.join('\n')}\n\n${verdict}\n`);
  console.log(`Markdown:\n\n${markdownTable(HEADERS, rows)}\n`);
  const saved = {
    settings,
    ...results,
    fanout: fanoutForResults(results.fanout),
    rebuild: { ...results.rebuild, worker: undefined },
    missed,
  };
  writeFileSync(join(run.logDir, 'results.json'), JSON.stringify(saved, null, 2));
  return missed;
}
