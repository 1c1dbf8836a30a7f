/**
 * A CPU profile of any Node process of a benchmark run, for finding where time goes (Node refuses `--cpu-prof` in
 * NODE_OPTIONS, but takes `--require`):
 *
 *   BENCH_CPU_PROF_DIR=/tmp/prof BENCH_CPU_PROF_MATCH='apps/(api|gateway|worker)' \
 *   npm_config_node_options="--experimental-vm-modules --require $PWD/dist/bench/lib/cpu-profile.js" \
 *   npm exec -- node dist/bench/fanout/fanout-only.js
 *
 * (npm replaces NODE_OPTIONS with its `node-options`, which .npmrc sets, so the preload goes through npm's setting.)
 *
 * Every process whose script path matches BENCH_CPU_PROF_MATCH profiles itself from start and writes
 * <dir>/<script name>-<pid>.cpuprofile (open it in Chrome DevTools or speedscope) when it is told to stop (SIGTERM,
 * SIGINT) or exits. The inspector session is on the process's own thread, so stopping is synchronous.
 */
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

function profileThisProcess(dir: string, match: RegExp): void {
  const script = process.argv[1] ?? '';
  if (!match.test(script)) return;
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 200 });
  session.post('Profiler.start');
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      const name = `${basename(join(script, '..', '..'))}-${basename(script, '.js')}-${process.pid}.cpuprofile`;
      writeFileSync(join(dir, name), JSON.stringify(result.profile));
    });
  };
  process.prependListener('SIGTERM', write);
  process.prependListener('SIGINT', write);
  process.on('exit', write);
}

const dir = process.env.BENCH_CPU_PROF_DIR;
if (dir) profileThisProcess(dir, new RegExp(process.env.BENCH_CPU_PROF_MATCH ?? '.'));
