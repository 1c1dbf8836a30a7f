/**
 * The demo board's keywork (recommendation 7): most women have had sessions, a few are overdue for one, a few have a
 * fortnightly target, and some have none recorded yet, so a new user sees every state. Deterministic: the plan
 * depends only on her place on the board and the day the seed runs.
 */
import { addCalendarDays, daysBetween, IsoDate } from '@app/domain';
import { KEYWORKER_NAMES } from './demo-names';

export interface DemoKeywork {
  /** Oldest first, never before she arrived nor after today. */
  sessionDates: IsoDate[];
  keyworkerName: string;
  /** A target set for her, or null for the default (a session a week). */
  frequencyWeeks: number | null;
}

/** Days since her last session and her target, in turn: weekly and on track, overdue, fortnightly, none yet. */
const PATTERNS: readonly { lastDaysAgo: number | null; frequencyWeeks: number | null }[] = [
  { lastDaysAgo: 2, frequencyWeeks: null },
  { lastDaysAgo: 5, frequencyWeeks: null },
  { lastDaysAgo: 12, frequencyWeeks: null },
  { lastDaysAgo: null, frequencyWeeks: null },
  { lastDaysAgo: 10, frequencyWeeks: 2 },
  { lastDaysAgo: 3, frequencyWeeks: null },
  { lastDaysAgo: 4, frequencyWeeks: null },
];

export function demoKeywork(
  index: number,
  woman: { receptionDate: IsoDate; keyworkerName: string | null },
  today: IsoDate,
): DemoKeywork | null {
  const pattern = PATTERNS[index % PATTERNS.length];
  if (pattern.lastDaysAgo === null) return null;
  const last = addCalendarDays(today, -pattern.lastDaysAgo);
  const weeks = pattern.frequencyWeeks ?? 1;
  const sessionDates = [addCalendarDays(last, -7 * weeks), last].filter(
    (d) => daysBetween(woman.receptionDate, d) >= 0,
  );
  if (sessionDates.length === 0) return null;
  return {
    sessionDates,
    keyworkerName: woman.keyworkerName ?? KEYWORKER_NAMES[index % KEYWORKER_NAMES.length],
    frequencyWeeks: pattern.frequencyWeeks,
  };
}
