/**
 * Timing one piece of work the same way on both sides of a comparison: `runs` calls after `warmUp` unmeasured
 * ones, summarised. The API side is a GET over HTTP (body read in full, anything but 200 an error); the bare side
 * a plain pg query (or several, in order, on one connection). `timedSideBySide` alternates the two sides call by
 * call, so both meet the machine in the same state: timed one after the other, a busy spell (autovacuum, another
 * process) fell on one side only and moved the ratio of their p95s.
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { Summary, summarise } from './stats';

export interface Repetitions {
  warmUp: number;
  runs: number;
}

export async function timed(times: Repetitions, once: () => Promise<unknown>): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < times.warmUp + times.runs; i += 1) {
    const started = performance.now();
    await once();
    if (i >= times.warmUp) samples.push(performance.now() - started);
  }
  return summarise(samples);
}

/**
 * Both sides, call by call: each round times one call of each, the order swapped every round (a call just after
 * the other side's may find a warm cache or a busy core), `warmUp` rounds unmeasured.
 */
export async function timedSideBySide(
  times: Repetitions,
  first: () => Promise<unknown>,
  second: () => Promise<unknown>,
): Promise<[Summary, Summary]> {
  const samples: [number[], number[]] = [[], []];
  const sides = [first, second];
  for (let i = 0; i < times.warmUp + times.runs; i += 1) {
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const side of order) {
      const started = performance.now();
      await sides[side]();
      if (i >= times.warmUp) samples[side].push(performance.now() - started);
    }
  }
  return [summarise(samples[0]), summarise(samples[1])];
}

/** GET `route` with `token`; the body, parsed. Anything but 200 is an error naming the route. */
export async function getJson<T>(port: number, token: string, route: string): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${port}${route}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${route}: ${response.status} ${body.slice(0, 300)}`);
  return JSON.parse(body) as T;
}

export function timeRoute(port: number, token: string, route: string, times: Repetitions): Promise<Summary> {
  return timed(times, () => getJson(port, token, route));
}

export interface BareQuery {
  sql: string;
  params: unknown[];
}

/** The statements run one after another on `db`, as one sample. */
export function timeQueries(db: Client, queries: BareQuery[], times: Repetitions): Promise<Summary> {
  return timed(times, () => runQueries(db, queries));
}

async function runQueries(db: Client, queries: BareQuery[]): Promise<void> {
  for (const { sql, params } of queries) await db.query(sql, params);
}

/** A route through the API against the plain queries reading the same rows, alternated call by call. */
export function timeRouteBesideQueries(
  api: { port: number; token: string; route: string },
  db: Client,
  queries: BareQuery[],
  times: Repetitions,
): Promise<[Summary, Summary]> {
  return timedSideBySide(
    times,
    () => getJson(api.port, api.token, api.route),
    () => runQueries(db, queries),
  );
}
