/**
 * Runs instants' jobs: finds, in one statement, every open task with a threshold at those instants and no alert
 * yet (DeadlinesRepository.thresholdsAt), and hands them all to the AlertRaiser, which writes them in a few
 * transactions, the first committed (and on their way to the boards) while the next are written. Instants whose
 * jobs run together (deadlines milliseconds apart) are swept together. AlertFiringService re-checks each threshold
 * under a lock, so a sweep that runs twice, or beside the reconciler, raises nothing twice. Before the sweep, the
 * alerts prepared ahead of each instant are raised (PreparedInstantsService), so the sweep finds only what they do
 * not cover.
 */
import { Injectable, Logger } from '@nestjs/common';
import { DeadlinesRepository } from '@app/database';
import { AlertRaiser } from './alert-raiser.service';
import { Batcher } from './batcher';
import { PreparedInstantsService } from './prepared-instants.service';

@Injectable()
export class InstantAlertsService {
  private readonly logger = new Logger(InstantAlertsService.name);
  private readonly sweeps: Batcher<bigint>;

  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly raiser: AlertRaiser,
    private readonly prepared: PreparedInstantsService,
  ) {
    this.sweeps = new Batcher<bigint>((instants) => this.sweep(instants), 1000, 5, 2);
  }

  /** Settles once every threshold at this instant was judged in a committed transaction. */
  raiseAt(atMicros: bigint): Promise<void> {
    return this.sweeps.add([atMicros]);
  }

  private async sweep(instants: bigint[]): Promise<void> {
    const started = Date.now();
    let fromDrafts = 0;
    for (const instant of instants) fromDrafts += (await this.prepared.releaseAt(instant)).length;
    const released = Date.now();
    const due = await this.deadlines.thresholdsAt(instants);
    const found = Date.now();
    await this.raiser.raise(due);
    if (due.length > 0 || fromDrafts > 0) {
      const first = new Date(Number(instants[0] / 1000n)).toISOString();
      const more = instants.length > 1 ? ` and ${instants.length - 1} more` : '';
      this.logger.log(
        `instant ${first}${more}: ${fromDrafts} alerts raised from drafts in ${released - started} ms; ` +
          `${due.length} more thresholds found in ${found - released} ms, raised in ${Date.now() - found} ms`,
      );
    }
  }
}
