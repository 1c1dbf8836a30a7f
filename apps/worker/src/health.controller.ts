import { Controller, Get, Inject } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Queue } from 'bullmq';
import { DEADLINES_QUEUE } from '@app/resettlement';

/** Liveness and readiness of the worker: PostgreSQL and the queue's Redis. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(DEADLINES_QUEUE) private readonly queue: Queue,
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
          const counts = await Promise.race([
            this.queue.getJobCounts('waiting', 'delayed'),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out after 1s')), 1000)),
          ]);
          return indicator.up({ waiting: counts.waiting, delayed: counts.delayed });
        } catch (error) {
          return indicator.down({ message: (error as Error).message });
        }
      },
    ]);
  }
}
