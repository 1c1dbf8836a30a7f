/**
 * Alerts built ahead of their instant (issue 15: every threshold of a working day passes at 17:00, 20,000 alerts
 * nationally, whose building took seconds at the instant). `prepareAt` runs PREPARE_LEAD_MS before an instant:
 * it finds the thresholds falling then, as the instant's sweep will, and stores their alerts as drafts
 * (AlertFiringService.prepare), in transactions of 1,000, stopping PREPARE_MIN_AHEAD_MS before the instant.
 * `releaseAt` runs first thing in the instant's job: it raises, chunk by chunk, the drafts no change has marked
 * stale (PreparedAlertsRepository.releaseChunk). What no draft covers (a task created, moved or changed since, a prepare
 * that failed or ran short) the sweep that follows raises the usual way, and the alerts' unique key keeps every
 * threshold to one alert. The horizon's top-up deletes the drafts of instants that have run.
 */
import { Injectable, Logger } from '@nestjs/common';
import { DeadlinesRepository, PreparedAlertsRepository, ReleasedAlert, UnitOfWork } from '@app/database';
import { AlertFiringService, NotificationRequests, PREPARE_MIN_AHEAD_MS } from '@app/resettlement';
import { WorkerMetrics } from '../observability/worker-metrics';

const PREPARE_BATCH = 1000;
/** Drafts raised per transaction: the first chunk is on its way to the boards while the next is written. */
const RELEASE_CHUNK = 2500;
const RELEASE_LANES = 2;

@Injectable()
export class PreparedInstantsService {
  private readonly logger = new Logger(PreparedInstantsService.name);

  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly drafts: PreparedAlertsRepository,
    private readonly firing: AlertFiringService,
    private readonly unitOfWork: UnitOfWork,
    private readonly messages: NotificationRequests,
    private readonly metrics: WorkerMetrics,
  ) {}

  /** Stores the drafts of this instant's alerts; returns how many were stored. */
  async prepareAt(atMicros: bigint): Promise<number> {
    const instant = new Date(Number(atMicros / 1000n));
    const stopAt = instant.getTime() - PREPARE_MIN_AHEAD_MS;
    if (Date.now() >= stopAt) return 0;
    const started = Date.now();
    const due = await this.deadlines.thresholdsAt([atMicros]);
    let stored = 0;
    for (let i = 0; i < due.length && Date.now() < stopAt; i += PREPARE_BATCH) {
      stored += await this.firing.prepare(due.slice(i, i + PREPARE_BATCH), instant);
    }
    this.logger.log(
      `instant ${instant.toISOString()}: ${stored} of ${due.length} alerts prepared in ${Date.now() - started} ms`,
    );
    return stored;
  }

  /** The ids of this instant's drafts (InstantAlertsService reads them just before an instant it armed). */
  draftIdsAt(atMicros: bigint): Promise<string[]> {
    return this.drafts.idsAt(new Date(Number(atMicros / 1000n)));
  }

  /** Raises this instant's drafts (those of `draftIds`, if given) not marked stale; returns the alerts raised. */
  async releaseAt(atMicros: bigint, draftIds?: string[]): Promise<ReleasedAlert[]> {
    const ids = draftIds ?? (await this.draftIdsAt(atMicros));
    if (ids.length === 0) return [];
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += RELEASE_CHUNK) chunks.push(ids.slice(i, i + RELEASE_CHUNK));
    const raised: ReleasedAlert[] = [];
    // Two transactions at a time: one writes its alerts while the other holds the outbox's lock to its commit.
    const lane = async (): Promise<void> => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
        const taken = chunk;
        const { alerts, messageIds } = await this.unitOfWork.run(async (tx) => {
          // As AlertFiringService.fire: an alert lost before it reached disk is found again by the reconciler.
          await tx.query('SET LOCAL synchronous_commit = off');
          return this.drafts.releaseChunk(tx, taken);
        });
        this.metrics.alertsRaised(alerts, 'draft');
        await this.messages.dispatch(messageIds);
        raised.push(...alerts);
      }
    };
    await Promise.all(Array.from({ length: RELEASE_LANES }, lane));
    return raised;
  }
}
