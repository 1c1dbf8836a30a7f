/**
 * The benchmark's report: one table (plain text and Markdown) of every figure beside its bare-library counterpart
 * and target, notes on the run, and results.json in the log folder. Measures nothing itself.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { AlertLateness } from './alert-lateness/burst';
import { Fanout } from './fanout/measure';
import { fanoutForResults, fanoutNote, fanoutRows } from './fanout/report-rows';
import { BenchRun } from './lib/bench-run';
import { BenchSettings } from './lib/settings';
import { markdownTable, ms, ratio, Row, Summary, table } from './lib/stats';
import { BareRebuild } from './rebuild/bare';
import { Rebuild } from './rebuild/resettle';

export interface Results {
  alerts: AlertLateness;
  bareLate: Summary;
  fanout: Fanout;
  rebuild: Rebuild;
  bareBuild: BareRebuild;
}

const HEADERS = ['figure', 'Resettle', 'bare library', 'ratio', 'target', 'met?'];

function row(figure: string, resettle: string, bare = '', ratioText = '', target = '', met = ''): Row {
  return [figure, resettle, bare, ratioText, target, met];
}

const yesNo = (ok: boolean) => (ok ? 'yes' : 'no');
const pair = (a: number, b: number) => `${ms(a)} / ${ms(b)}`;

function latenessRows(s: BenchSettings, { alerts, bareLate }: Results): Row[] {
  const { lateness, perClient, jobTimes } = alerts;
  const allReceived = perClient.every((n) => n === s.burst);
  const line = (p: 'p50' | 'p95' | 'max') =>
    row(`alert lateness ${p}`, ms(lateness[p]), ms(bareLate[p]), ratio(lateness[p], bareLate[p]));
  return [
    line('p50'),
    line('p95'),
    row(
      'alert lateness p99',
      ms(lateness.p99),
      ms(bareLate.p99),
      ratio(lateness.p99, bareLate.p99),
      '< 1 s',
      yesNo(lateness.count > 0 && lateness.p99 < 1000 && allReceived),
    ),
    line('max'),
    row(
      'alerts received (per client)',
      `${perClient.join(' / ')} of ${s.burst}`,
      `${bareLate.count} of ${s.burst} jobs`,
      '',
      'all',
      yesNo(allReceived),
    ),
    row(
      `  of which: job's run-at in Redis − threshold p50 / max (last ${jobTimes.scheduledSkew.count} jobs)`,
      pair(jobTimes.scheduledSkew.p50, jobTimes.scheduledSkew.max),
    ),
    row(
      `  of which: BullMQ job start − its run-at p50 / p99 (last ${jobTimes.started.count} jobs)`,
      pair(jobTimes.started.p50, jobTimes.started.p99),
      pair(bareLate.p50, bareLate.p99),
      ratio(jobTimes.started.p99, bareLate.p99),
    ),
    row(
      '  of which: alert transaction began (created_at) p50 / p99',
      pair(alerts.writtenLateness.p50, alerts.writtenLateness.p99),
    ),
    row(
      '  of which: committed (NOTIFY seen) p50 / p99',
      pair(alerts.committedLateness.p50, alerts.committedLateness.p99),
    ),
    row(
      `  of which: BullMQ job finished − its run-at p50 / p99 (last ${jobTimes.finished.count} jobs)`,
      pair(jobTimes.finished.p50, jobTimes.finished.p99),
    ),
    row('  of which: commit → client p50 / p99', pair(alerts.afterCommit.p50, alerts.afterCommit.p99)),
  ];
}

function rebuildRows({ rebuild, bareBuild }: Results): Row[] {
  return [
    row(
      `rebuild after Redis loss (${rebuild.queued} jobs)`,
      ms(rebuild.restoredMs),
      ms(bareBuild.elapsedMs),
      ratio(rebuild.restoredMs, bareBuild.elapsedMs),
      'report',
    ),
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

function notes(run: BenchRun, s: BenchSettings, { alerts, fanout, rebuild, bareBuild }: Results): string[] {
  const { stray } = alerts;
  return [
    `machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; BENCH_SCALE=${s.scale}`,
    `dataset: ${s.women} women in 12 prisons, ${s.tasks} open tasks; burst of ${s.burst} due over ${s.windowMs / 1000} s starting ${s.leadMs / 1000} s after the worker started; DEADLINE_CONCURRENCY ${s.concurrency}`,
    `test 1: first horizon ${alerts.firstHorizonJobs} jobs, ${alerts.firstHorizonAfterMs} ms after the worker started; other alerts received ${stray.count}, duplicates ${stray.duplicates}; ${stray.disconnects.length ? stray.disconnects.join('; ') : 'no client disconnected'}`,
    fanoutNote(fanout),
    `test 3: ${rebuild.reconcilerLine}; ${rebuild.lossRaised} OVERDUE alerts on tasks that fell due while the worker was down (${s.lossWindow} expected); ${rebuild.delayedSettled} delayed jobs in Redis after the restart; the bare figure is addBulk alone (${bareBuild.added} jobs, ${bareBuild.delayed} delayed), the Resettle figure includes starting the process`,
    `total run time ${(run.elapsedMs / 1000).toFixed(0)} s`,
  ];
}

export function printReport(run: BenchRun, settings: BenchSettings, results: Results): void {
  const rows = [...latenessRows(settings, results), ...fanoutRows(results.fanout), ...rebuildRows(results)];
  const noteLines = notes(run, settings, results).map((n) => `- ${n}`);
  console.log(`\n${table(HEADERS, rows)}\n\n${noteLines.join('\n')}\n`);
  console.log(`Markdown:\n\n${markdownTable(HEADERS, rows)}\n`);
  const saved = {
    settings,
    ...results,
    fanout: fanoutForResults(results.fanout),
    rebuild: { ...results.rebuild, worker: undefined },
  };
  writeFileSync(join(run.logDir, 'results.json'), JSON.stringify(saved, null, 2));
}
