/**
 * The whole demo board as plain data: which random streams feed which part, and the marker every seeded
 * audit row carries. Pure; the seed command writes it.
 */
import { IsoDate } from '@app/domain';
import { lengthenSentencesForHandover } from './demo-handover';
import { planDemoReferrals } from './demo-referrals';
import { DemoWoman, generateDemoWomen } from './demo-women';
import { Random } from './random';

/** Fixed so every seed of the same day gives the same board. */
export const DEMO_SEED = 20240507;

/** Stored as the request id of every audit row the seed writes, so seeded history can be told apart. */
export const SEED_REQUEST_ID = 'cli-seed';

export interface DemoBoard {
  women: DemoWoman[];
  /** A separate stream for task progress, so tuning it never reshuffles the women. */
  progressRandom: Random;
}

export function buildDemoBoard(today: IsoDate, seed = DEMO_SEED): DemoBoard {
  const women = generateDemoWomen(new Random(seed), today);
  lengthenSentencesForHandover(women, today);
  // Streams of their own, so neither the referrals nor task progress ever reshuffles the women.
  planDemoReferrals(women, today, new Random(seed + 2));
  return { women, progressRandom: new Random(seed + 1) };
}
