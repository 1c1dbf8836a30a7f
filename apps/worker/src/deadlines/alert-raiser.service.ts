/**
 * The one way the worker's timely paths raise alerts: a task's own threshold job and an instant's sweep both hand
 * their thresholds here, and one Batcher turns whatever arrives together into a few transactions. (The
 * reconciler, a repair, fires on its own and is counted apart.)
 */
import { Injectable } from '@nestjs/common';
import { PassedThreshold } from '@app/database';
import { AlertFiringService } from '@app/resettlement';
import { WorkerMetrics } from '../observability/worker-metrics';
import { Batcher } from './batcher';

@Injectable()
export class AlertRaiser {
  private readonly batcher: Batcher<PassedThreshold>;

  constructor(firing: AlertFiringService, metrics: WorkerMetrics) {
    this.batcher = new Batcher<PassedThreshold>(async (items) => {
      const raised = await firing.fire(items);
      metrics.alertsRaised(raised, 'threshold');
      return raised;
    });
  }

  /** Settles once every one of these thresholds was judged in a committed transaction. */
  raise(thresholds: PassedThreshold[]): Promise<void> {
    return this.batcher.add(thresholds);
  }
}
