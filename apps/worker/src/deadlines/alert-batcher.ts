/**
 * Gathers threshold jobs that arrive together (a whole prison's tasks fall due at 17:00) and fires them in
 * one transaction, so a burst of thousands costs tens of queries, not thousands. Each job's promise
 * settles when its batch commits, so BullMQ retries a job whose batch failed.
 */
import { PassedThreshold } from '@app/database';

interface Pending {
  item: PassedThreshold;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class AlertBatcher {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly fire: (items: PassedThreshold[]) => Promise<unknown>,
    private readonly maxBatch = 500,
    private readonly maxWaitMs = 10,
  ) {}

  add(item: PassedThreshold): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.maxBatch) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.maxWaitMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.fire(batch.map((p) => p.item)).then(
      () => batch.forEach((p) => p.resolve()),
      (error: unknown) => batch.forEach((p) => p.reject(error)),
    );
  }
}
