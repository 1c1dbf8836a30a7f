/**
 * Keeps the weekly overdue roll-up current: once a week has ended its figures are taken and kept, and any of
 * the last 12 weeks without figures (a new database, a worker that was down) is filled in. Runs with the
 * reconciler; cheap when nothing is missing (one indexed look-up).
 */
import { Injectable, Logger } from '@nestjs/common';
import { OverdueSnapshotsRepository } from '@app/database';
import { recentWeekEnds } from '@app/domain';

@Injectable()
export class OverdueRollupService {
  private readonly logger = new Logger(OverdueRollupService.name);
  private running: Promise<number> | null = null;

  constructor(private readonly snapshots: OverdueSnapshotsRepository) {}

  /** One run at a time in this process; the repository's advisory lock keeps other workers out. */
  run(now: Date = new Date()): Promise<number> {
    this.running ??= this.snapshots
      .takeMissing(recentWeekEnds(now))
      .then((taken) => {
        if (taken > 0) this.logger.log(`overdue roll-up: took ${taken} week(s)`);
        return taken;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
