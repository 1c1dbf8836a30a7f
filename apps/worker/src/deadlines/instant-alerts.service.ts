/**
 * Runs instants' jobs: finds, in one statement, every open task with a threshold at those instants and no alert
 * yet (DeadlinesRepository.thresholdsAt), and hands them all to the AlertRaiser, which writes them in a few
 * transactions, the first committed (and on their way to the boards) while the next are written. Instants whose
 * jobs run together (deadlines milliseconds apart) are swept together. AlertFiringService re-checks each threshold
 * under a lock, so a sweep that runs twice, or beside the reconciler, raises nothing twice. Before the sweep, the
 * alerts prepared ahead of each instant are raised (PreparedInstantsService), so the sweep finds only what they do
 * not cover.
 * An instant this worker prepared is also armed (armAt): a timer in this process reads its drafts' ids just before
 * it and sweeps on the instant itself. At the 17:00 burst the instant's BullMQ job started 66-95 ms after its run-at
 * (delayed-job promotion, then the batcher's wait) and read the 20,000 ids then (30-40 ms), all before the first
 * alert was written. The job still runs: on this worker it waits for the armed sweep and sweeps again only if that
 * failed; on another worker it sweeps as before, and the alerts' unique key keeps each threshold to one alert.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger } from '@nestjs/common';
import { DeadlinesRepository } from '@app/database';
import { AlertRaiser } from './alert-raiser.service';
import { Batcher } from './batcher';
import { PreparedInstantsService } from './prepared-instants.service';
import { WorkerMetrics } from '../observability/worker-metrics';

/** How long before an armed instant its drafts' ids are read, so that its first statement starts on the instant. */
const ARMED_READ_AHEAD_MS = 250;
/** Armed instants are forgotten this long after they pass, if their job ran on another worker. */
const ARMED_KEPT_MS = 10 * 60_000;

interface ArmedInstant {
  timer: NodeJS.Timeout;
  /** Set when the timer fires: true once the sweep has committed everything, false if it failed. */
  sweep: Promise<boolean> | null;
}

@Injectable()
export class InstantAlertsService {
  private readonly logger = new Logger(InstantAlertsService.name);
  private readonly sweeps: Batcher<bigint>;
  private readonly armed = new Map<bigint, ArmedInstant>();

  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly raiser: AlertRaiser,
    private readonly prepared: PreparedInstantsService,
    private readonly metrics: WorkerMetrics,
  ) {
    this.sweeps = new Batcher<bigint>(
      async (instants) => {
        await this.sweep(instants);
        this.metrics.instantSwept('job', instants.length);
      },
      1000,
      5,
      2,
    );
  }

  /** Settles once every threshold at this instant was judged in a committed transaction. */
  async raiseAt(atMicros: bigint): Promise<void> {
    const armed = this.armed.get(atMicros);
    if (armed) {
      this.armed.delete(atMicros);
      clearTimeout(armed.timer);
      if (armed.sweep && (await armed.sweep)) return;
    }
    await this.sweeps.add([atMicros]);
  }

  /** Sweeps this instant from this process on the instant itself (see the top); its job still runs. */
  armAt(atMicros: bigint): void {
    const at = Number(atMicros / 1000n);
    for (const [instant, armed] of this.armed) {
      if (Number(instant / 1000n) < Date.now() - ARMED_KEPT_MS) {
        clearTimeout(armed.timer);
        this.armed.delete(instant);
      }
    }
    if (this.armed.has(atMicros) || at - Date.now() <= ARMED_READ_AHEAD_MS) return;
    const armed: ArmedInstant = {
      timer: setTimeout(
        () => {
          armed.sweep = this.sweepArmed(atMicros);
        },
        at - ARMED_READ_AHEAD_MS - Date.now(),
      ),
      sweep: null,
    };
    armed.timer.unref();
    this.armed.set(atMicros, armed);
  }

  private async sweepArmed(atMicros: bigint): Promise<boolean> {
    const at = Number(atMicros / 1000n);
    try {
      const draftIds = await this.prepared.draftIdsAt(atMicros);
      // Never before the instant: a timer may fire a millisecond early against the wall clock.
      for (let wait = at - Date.now(); wait > 0; wait = at - Date.now()) await sleep(wait);
      await this.sweep([atMicros], draftIds);
      this.metrics.instantSwept('armed', 1);
      return true;
    } catch (error) {
      this.logger.warn(`instant ${new Date(at).toISOString()}: armed sweep failed, its job sweeps: ${String(error)}`);
      return false;
    }
  }

  /** `draftIds`, read just before a single instant, spare the release reading them at it. */
  private async sweep(instants: bigint[], draftIds?: string[]): Promise<void> {
    const started = Date.now();
    let fromDrafts = 0;
    for (const instant of instants) fromDrafts += (await this.prepared.releaseAt(instant, draftIds)).length;
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
