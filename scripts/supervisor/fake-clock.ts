/** A clock for unit tests: sleeping moves its time forward at once, and each sleep is recorded. */
import { Clock } from './clock';

export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private time = 0) {}

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
    return Promise.resolve();
  }
}
