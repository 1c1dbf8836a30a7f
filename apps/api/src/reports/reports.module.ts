/** Governor and provider reports: overdue work, trend, readiness, accountability, outcomes and alerts. */
import { Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  controllers: [ReportsController],
  providers: [Clock, ReportsService],
})
export class ReportsModule {}
