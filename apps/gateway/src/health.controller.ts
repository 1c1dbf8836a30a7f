import { Controller, Get } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { SubscriptionWatch } from './live-path/subscription-watch.service';

/**
 * Liveness and readiness of a gateway process. Ready means the live path works, not only that the process
 * runs: PostgreSQL answers (handshakes and replays need it) and the adapter is subscribed in Redis with a
 * canary that came back through it recently.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly watch: SubscriptionWatch,
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
      () => {
        const indicator = this.indicators.check('adapter');
        const { subscribed, ...details } = this.watch.verdict();
        return subscribed ? indicator.up(details) : indicator.down(details);
      },
    ]);
  }
}
