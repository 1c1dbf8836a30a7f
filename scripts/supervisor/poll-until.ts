/**
 * Polling with a bound: the one wait loop of the tools and the test set-up (readiness, a log line's effect, a
 * count settling). A wait is for something that must happen, so running out of time is an error naming it.
 */
import { Clock, systemClock } from './clock';

export interface PollOptions {
  /** What is awaited, for the error message: "timed out after 5000 ms waiting for <what>". */
  what: string;
  timeoutMs: number;
  everyMs?: number;
  clock?: Clock;
  /** Checked before each attempt; a message here ends the wait at once (e.g. the process being waited on died). */
  abortIf?: () => string | undefined;
}

export class PollTimeoutError extends Error {}

/**
 * Calls `check` until it returns a truthy value, and returns that value. Checks once more at the deadline so that
 * a slow check that succeeds just then still counts.
 */
export async function pollUntil<T>(check: () => Promise<T> | T, options: PollOptions): Promise<NonNullable<T>> {
  const clock = options.clock ?? systemClock;
  const everyMs = options.everyMs ?? 250;
  const deadline = clock.now() + options.timeoutMs;
  for (;;) {
    const abort = options.abortIf?.();
    if (abort) throw new Error(`${abort} (while waiting for ${options.what})`);
    const value = await check();
    if (value) return value;
    const left = deadline - clock.now();
    if (left <= 0) break;
    await clock.sleep(Math.min(everyMs, left));
  }
  throw new PollTimeoutError(`timed out after ${options.timeoutMs} ms waiting for ${options.what}`);
}
