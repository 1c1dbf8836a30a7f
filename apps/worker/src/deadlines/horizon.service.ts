/**
 * Keeps the next days of thresholds in Redis as delayed jobs. PostgreSQL holds every deadline; Redis only
 * the rolling horizon, rebuilt from PostgreSQL here at start and by a repeating job.
 */
import { Injectable, Logger } from '@nestjs/common';
import { DeadlinesRepository } from '@app/database';
import { HORIZON_MS } from '@app/events';
import { DeadlineScheduler } from '@app/resettlement';

const PAGE = 5000;

@Injectable()
export class HorizonService {
  private readonly logger = new Logger(HorizonService.name);

  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly scheduler: DeadlineScheduler,
  ) {}

  async topUp(now: Date = new Date()): Promise<number> {
    const until = new Date(now.getTime() + HORIZON_MS);
    let afterId = '00000000-0000-0000-0000-000000000000';
    let queued = 0;
    for (;;) {
      const tasks = await this.deadlines.upcomingThresholdTasks(now, until, afterId, PAGE);
      if (tasks.length === 0) break;
      queued += await this.scheduler.schedule(tasks, now, { futureOnly: true });
      afterId = tasks[tasks.length - 1].id;
      if (tasks.length < PAGE) break;
    }
    this.logger.log(`horizon: ${queued} threshold jobs queued up to ${until.toISOString()}`);
    return queued;
  }
}
