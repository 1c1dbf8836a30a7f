/**
 * The time source of the supervisor's waits: the real clock in the tools, a fake one in unit tests, so that
 * polling and timeouts can be tested without sleeping.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
