/**
 * Keeps the next days of thresholds in Redis as delayed jobs, one per distinct instant (deadline-jobs.ts).
 * PostgreSQL holds every deadline; Redis only the rolling horizon, rebuilt from PostgreSQL here at start and by a
 * repeating job. A national week is a handful of instants (17:00 on each working day), so the rebuild is one
 * query and one addBulk, whatever the number of tasks.
 */
import { Injectable, Logger } from '@nestjs/common';
import { DeadlinesRepository } from '@app/database';
import { HORIZON_MS } from '@app/events';
import { DeadlineScheduler } from '@app/resettlement';

@Injectable()
export class HorizonService {
  private readonly logger = new Logger(HorizonService.name);

  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly scheduler: DeadlineScheduler,
  ) {}

  async topUp(now: Date = new Date()): Promise<number> {
    const started = Date.now();
    const until = new Date(now.getTime() + HORIZON_MS);
    const instants = await this.deadlines.thresholdInstants(now, until);
    const read = Date.now();
    const queued = await this.scheduler.scheduleInstants(instants, now);
    this.logger.log(
      `horizon: ${queued} threshold jobs queued up to ${until.toISOString()} ` +
        `(read ${read - started} ms, queue ${Date.now() - read} ms)`,
    );
    return queued;
  }
}
