/**
 * Test 2 alone, for work on the fan-out path (`npm run build`, then `npm exec -- node dist/bench/fanout/fanout-only.js`):
 * the same stack as `npm run bench` (BENCH_SCALE sizes the data set), the worker started and ready, then
 * measureFanout and test 2's rows. FANOUT_CLIENTS=1000,5000 overrides the client counts (not scaled).
 */
import { waitUntilReady } from '../../scripts/supervisor';
import { BenchRun } from '../lib/bench-run';
import { readBenchSettings } from '../lib/settings';
import { assertInstalledAndBuilt, prepareStack, startWorker } from '../lib/stack';
import { markdownTable, table } from '../lib/stats';
import { fanoutTargetMet, measureFanout } from './measure';
import { fanoutNote, fanoutRows } from './report-rows';

const HEADERS = ['figure', 'Resettle', 'bare libraries', 'ratio', 'target', 'met?'];

async function main(run: BenchRun): Promise<void> {
  assertInstalledAndBuilt();
  const base = readBenchSettings();
  const counts = process.env.FANOUT_CLIENTS?.split(',').map(Number);
  const settings = counts ? { ...base, fanoutClientCounts: counts } : base;
  const bench = { run, settings, stack: await prepareStack(run, settings) };
  const worker = startWorker(bench);
  await waitUntilReady({ url: `http://127.0.0.1:${bench.stack.workerPort}`, process: worker, timeoutMs: 180_000 });
  const fanout = await measureFanout(bench, 'alone (fanout-only), worker idle');
  const rows = fanoutRows(fanout);
  console.log(`\n${table(HEADERS, rows)}\n\n- ${fanoutNote(fanout)}\n\nMarkdown:\n\n${markdownTable(HEADERS, rows)}\n`);
  if (!fanout.cases.every(fanoutTargetMet)) throw new Error('test 2: the 1.3x target was missed');
}

const { redisUrl, keepLogs } = readBenchSettings();
const run = new BenchRun('fanout', redisUrl, keepLogs);
void run.execute(() => main(run), 20 * 60 * 1000);
