/** Timing one report: `runs` requests (or bare queries) after `warmUp` unmeasured ones, summarised. */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { Summary, summarise } from '../lib/stats';

export interface Repetitions {
  warmUp: number;
  runs: number;
}

async function timed(times: Repetitions, once: () => Promise<void>): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < times.warmUp + times.runs; i += 1) {
    const started = performance.now();
    await once();
    if (i >= times.warmUp) samples.push(performance.now() - started);
  }
  return summarise(samples);
}

/** GET `route` over HTTP with `token`, body read in full; anything but 200 is an error. */
export function timeRoute(port: number, token: string, route: string, times: Repetitions): Promise<Summary> {
  return timed(times, async () => {
    const response = await fetch(`http://127.0.0.1:${port}${route}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${route}: ${response.status} ${body.slice(0, 300)}`);
  });
}

export function timeBare(db: Client, sql: string, prisons: string[] | null, times: Repetitions): Promise<Summary> {
  return timed(times, async () => {
    await db.query(sql, [prisons]);
  });
}
