/**
 * Fires every threshold that has passed with no alert recorded: after a Redis flush or restart, a worker
 * killed mid-job, or a deadline moved into the past. Runs at worker start and every few minutes.
 */
import { Injectable, Logger } from '@nestjs/common';
import { DeadlinesRepository } from '@app/database';
import { AlertFiringService } from '@app/resettlement';
import { WorkerMetrics } from '../observability/worker-metrics';

const PAGE = 2000;

@Injectable()
export class ReconcilerService {
  private readonly logger = new Logger(ReconcilerService.name);

  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly firing: AlertFiringService,
    private readonly metrics: WorkerMetrics,
  ) {}

  async run(now: Date = new Date()): Promise<number> {
    const started = Date.now();
    let raised = 0;
    // Bounded: each page either raises alerts or is skipped by the firing rules, so at most a few rounds.
    for (let round = 0; round < 50; round += 1) {
      const missed = await this.deadlines.passedThresholdsWithoutAlert(now, PAGE);
      if (missed.length === 0) break;
      const fired = await this.firing.fire(missed, now);
      this.metrics.alertsRaised(fired, 'reconciler');
      raised += fired.length;
      if (fired.length === 0 || missed.length < PAGE) break;
    }
    if (raised > 0) this.logger.log(`reconciler raised ${raised} missed alerts in ${Date.now() - started} ms`);
    return raised;
  }
}
