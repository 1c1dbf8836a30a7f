/**
 * Keeps the next days of thresholds in Redis as delayed jobs, one per distinct instant (deadline-jobs.ts).
 * PostgreSQL holds every deadline; Redis only the rolling horizon, rebuilt from PostgreSQL here at start and by a
 * repeating job. A national week is a handful of instants (17:00 on each working day), so the rebuild is one
 * query and one addBulk, whatever the number of tasks. Instants with many thresholds also get a prepare job.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DeadlinesRepository, PreparedAlertsRepository } from '@app/database';
import { HORIZON_MS } from '@app/events';
import { DeadlineScheduler } from '@app/resettlement';
import { WORKER_SETTINGS, WorkerSettings } from '../config/worker.config';

/**
 * Drafts of an instant this long past are deleted: its job has run (or the reconciler has raised its alerts),
 * and deleting 20,000 rows at 17:00 would compete with the burst they were built for.
 */
const SPENT_DRAFTS_MS = 5 * 60 * 1000;

@Injectable()
export class HorizonService {
  private readonly logger = new Logger(HorizonService.name);

  constructor(
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
    private readonly deadlines: DeadlinesRepository,
    private readonly scheduler: DeadlineScheduler,
    private readonly drafts: PreparedAlertsRepository,
  ) {}

  async topUp(now: Date = new Date()): Promise<number> {
    const started = Date.now();
    const until = new Date(now.getTime() + HORIZON_MS);
    // Counted only as far as the question needs: does an instant have enough thresholds to be prepared?
    const instants = await this.deadlines.thresholdInstants(now, until, this.settings.prepareMinThresholds);
    const read = Date.now();
    // A busy instant (17:00 on a working day) has its alerts built ahead of it (PreparedInstantsService).
    const toPrepare = new Set(
      instants.filter((i) => i.thresholds >= this.settings.prepareMinThresholds).map((i) => i.atMicros),
    );
    const queued = await this.scheduler.scheduleInstants(
      instants.map((i) => i.atMicros),
      now,
      toPrepare,
    );
    await this.drafts.forgetUpTo(new Date(now.getTime() - SPENT_DRAFTS_MS));
    this.logger.log(
      `horizon: ${queued} threshold jobs queued up to ${until.toISOString()} ` +
        `(read ${read - started} ms, queue ${Date.now() - read} ms)`,
    );
    return queued;
  }
}
