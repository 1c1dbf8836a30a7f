/**
 * Gathers work that arrives together and does it in batches of up to `maxBatch`, at most `maxInFlight` at a time.
 * The deadline engine uses two: instants whose jobs run together are swept in one query (a spread of deadlines a
 * few milliseconds apart is hundreds of jobs at once), and thresholds are raised in transactions of 1,000 (an
 * instant's sweep hands over all 20,000 thresholds of 17:00 at once, a task's own threshold job one). A burst so
 * costs tens of statements, not thousands, and the first batches are committed (their alerts on their way to the
 * boards) while the next are written. Each caller's promise settles when every batch holding its items is done, or
 * rejects with the first batch that failed, so BullMQ retries that job (a retried sweep raises only what is still
 * missing).
 */

interface Caller {
  left: number;
  settled: boolean;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Pending<T> {
  item: T;
  caller: Caller;
}

export class Batcher<T> {
  private pending: Pending<T>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight = 0;

  constructor(
    private readonly run: (items: T[]) => Promise<unknown>,
    private readonly maxBatch = 1000,
    private readonly maxWaitMs = 10,
    private readonly maxInFlight = 2,
  ) {}

  add(items: readonly T[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const caller: Caller = { left: items.length, settled: false, resolve, reject };
      for (const item of items) this.pending.push({ item, caller });
      this.schedule();
    });
  }

  /** Full batches go at once while there is room in flight; a part batch waits `maxWaitMs` for company. */
  private schedule(): void {
    while (this.inFlight < this.maxInFlight && this.pending.length >= this.maxBatch) this.flush();
    if (this.pending.length > 0 && this.inFlight < this.maxInFlight) {
      this.timer ??= setTimeout(() => {
        this.timer = null;
        if (this.inFlight < this.maxInFlight) this.flush();
        this.schedule();
      }, this.maxWaitMs);
    }
  }

  private flush(): void {
    const batch = this.pending.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    this.inFlight += 1;
    this.run(batch.map((p) => p.item))
      .then(
        () => {
          for (const { caller } of batch) {
            caller.left -= 1;
            if (caller.left === 0 && !caller.settled) {
              caller.settled = true;
              caller.resolve();
            }
          }
        },
        (error: unknown) => {
          for (const { caller } of batch) {
            if (caller.settled) continue;
            caller.settled = true;
            caller.reject(error);
          }
        },
      )
      .finally(() => {
        this.inFlight -= 1;
        this.schedule();
      });
  }
}
