/**
 * Test 2 as a whole, once per client count (1,000 and 5,000 at full size): the Resettle fan-out, then the bare
 * libraries doing the same work (bare.ts) with the event Resettle's clients got; each side's memory per socket.
 */
import { Bench } from '../lib/stack';
import { bareFanout } from './bare';
import { resettleFanout, ResettleFanout } from './resettle';
import { FanoutResult } from './rounds';

export interface FanoutCase {
  clients: number;
  resettle: ResettleFanout;
  bare: FanoutResult;
}

export interface Fanout {
  cases: FanoutCase[];
  /** When it ran: before the burst (worker idle) or after it. */
  when: string;
}

/** Resettle's p50 and p99 must each be within this many times the bare libraries'. */
export const FANOUT_TARGET_RATIO = 1.3;

export async function measureFanout(bench: Bench, when: string): Promise<Fanout> {
  const { run, settings } = bench;
  const cases: FanoutCase[] = [];
  for (const clients of settings.fanoutClientCounts) {
    run.log(`test 2 (${when}): ${clients} clients, ${settings.changes} task changes through the API`);
    const resettle = await resettleFanout(bench, clients);
    run.log(`test 2: bare http + pg + redis-emitter, two socket.io servers, ${clients} clients`);
    const bare = await bareFanout(bench, clients, resettle.template);
    const met = fanoutTargetMet({ clients, resettle, bare });
    run.log(
      `test 2 (${clients} clients): p50 ${resettle.stats.p50.toFixed(1)} vs ${bare.stats.p50.toFixed(1)} ms, ` +
        `p99 ${resettle.stats.p99.toFixed(1)} vs ${bare.stats.p99.toFixed(1)} ms: target ${FANOUT_TARGET_RATIO}x ${met ? 'met' : 'MISSED'}`,
    );
    cases.push({ clients, resettle, bare });
  }
  return { cases, when };
}

/** Every client got every event, and p50 and p99 are each within the target ratio of the bare libraries'. */
export function fanoutTargetMet({ resettle, bare }: FanoutCase): boolean {
  const within = (p: 'p50' | 'p99') =>
    Math.max(resettle.stats[p], 1) <= FANOUT_TARGET_RATIO * Math.max(bare.stats[p], 1);
  return resettle.delivered === resettle.expected && within('p50') && within('p99');
}

/** How long test 2 needs, so that it runs before the burst only when it fits in the quiet time. */
export function fanoutBudgetMs(clientCounts: number[]): number {
  return clientCounts.reduce((total, clients) => total + 25_000 + clients * 30, 0);
}
