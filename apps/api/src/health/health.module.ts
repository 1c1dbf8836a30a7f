import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { RedisHealthIndicator } from './redis-health.indicator';
import { RedisClientCloser, redisClientProvider } from './redis.provider';

@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [redisClientProvider, RedisClientCloser, RedisHealthIndicator],
})
export class HealthModule {}
