/** Test 2 as a whole: the Resettle fan-out, then the bare socket.io one with the payload Resettle's clients got. */
import { Bench } from '../lib/stack';
import { bareFanout } from './bare';
import { resettleFanout, ResettleFanout } from './resettle';
import { FanoutResult } from './rounds';

export interface Fanout {
  resettle: ResettleFanout;
  bare: FanoutResult;
  /** When it ran: before the burst (worker idle) or after it. */
  when: string;
}

export async function measureFanout(bench: Bench, when: string): Promise<Fanout> {
  const { run, settings } = bench;
  run.log(`test 2 (${when}): ${settings.fanoutClients} clients, ${settings.changes} task changes through the API`);
  const resettle = await resettleFanout(bench);
  run.log(`test 2: bare socket.io on the Redis adapter, the same clients, ${settings.changes} broadcasts`);
  const bare = await bareFanout(bench, resettle.template);
  return { resettle, bare, when };
}

/** How long test 2 needs, so that it runs before the burst only when it fits in the quiet time. */
export function fanoutBudgetMs(fanoutClients: number): number {
  return 25_000 + fanoutClients * 30;
}
