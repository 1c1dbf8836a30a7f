import { Controller, Get, Inject } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Queue } from 'bullmq';
import { DeadlinesRepository, OutboxRepository } from '@app/database';
import { DEADLINES_QUEUE } from '@app/resettlement';
import { WORKER_SETTINGS, WorkerSettings } from './config/worker.config';
import { OutboxRelayService } from './relay/outbox-relay.service';

/**
 * Liveness and readiness of the worker: PostgreSQL, the queue's Redis, and on the relay leader an outbox relay
 * that keeps up (its oldest unpublished event has waited less than WORKER_RELAY_MAX_LAG_MS). Lag is judged by
 * age rather than count: 10,000 alerts committed at 17:00 are a healthy burst, one event stuck for a minute is not.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(DEADLINES_QUEUE) private readonly queue: Queue,
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
    private readonly relay: OutboxRelayService,
    private readonly outbox: OutboxRepository,
    private readonly cursor: DeadlinesRepository,
  ) {}

  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: 1000 }),
      async () => {
        const indicator = this.indicators.check('redis');
        try {
          // A real round trip to the queue's Redis, bounded so a hung Redis reads as down, not as a hang.
          const counts = await within(this.queue.getJobCounts('waiting', 'delayed'), 1000);
          return indicator.up({ waiting: counts.waiting, delayed: counts.delayed });
        } catch (error) {
          return indicator.down({ message: (error as Error).message });
        }
      },
      async () => {
        const indicator = this.indicators.check('relay');
        if (!this.relay.leading) return indicator.up({ leader: false });
        try {
          const lag = await within(
            this.cursor.relayCursor().then((cursor) => this.outbox.lagAfter(cursor)),
            1000,
          );
          const details = { leader: true, lagEvents: lag.events, oldestUnpublishedMs: Math.round(lag.oldestAgeMs) };
          return lag.oldestAgeMs > this.settings.relayMaxLagMs
            ? indicator.down({
                ...details,
                message: `the outbox relay is over ${this.settings.relayMaxLagMs} ms behind`,
              })
            : indicator.up(details);
        } catch (error) {
          return indicator.down({ leader: true, message: (error as Error).message });
        }
      },
    ]);
  }
}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
