/** What the health checks answer, 200 or 503 alike: terminus's result, named for the schema generator. */
import type { HealthCheckResult } from '@nestjs/terminus';

export type HealthAnswer = HealthCheckResult;
