/** The workflows around the task board: CRS referrals and their delivery sessions, finance and ID, movements and HMPPS events, release day and her printed release plan, accommodation outcomes, keywork. */
import { Module } from '@nestjs/common';
import { ResettlementModule } from '@app/resettlement';
import { AccommodationOutcomesController } from './accommodation/accommodation-outcomes.controller';
import { AccommodationOutcomesService } from './accommodation/accommodation-outcomes.service';
import { Clock } from './common/clock';
import { DeliverySessionsController } from './delivery-sessions/delivery-sessions.controller';
import { DeliverySessionsService } from './delivery-sessions/delivery-sessions.service';
import { FinanceController } from './finance/finance.controller';
import { FinanceService } from './finance/finance.service';
import { KeyworkController } from './keywork/keywork.controller';
import { KeyworkService } from './keywork/keywork.service';
import { HmppsEventsGuard } from './movements/hmpps-events.guard';
import { HmppsEventsService } from './movements/hmpps-events.service';
import { MovementRequestsService } from './movements/movement-requests.service';
import { MovementsController } from './movements/movements.controller';
import { MovementsService } from './movements/movements.service';
import { ReferralsController } from './referrals/referrals.controller';
import { ReferralsService } from './referrals/referrals.service';
import { ReleaseDayController } from './release-day/release-day.controller';
import { ReleaseDayService } from './release-day/release-day.service';
import { ReleasePlanController } from './release-plan/release-plan.controller';
import { ReleasePlanService } from './release-plan/release-plan.service';

@Module({
  imports: [ResettlementModule],
  controllers: [
    ReferralsController,
    DeliverySessionsController,
    FinanceController,
    MovementsController,
    ReleaseDayController,
    ReleasePlanController,
    AccommodationOutcomesController,
    KeyworkController,
  ],
  providers: [
    Clock,
    ReferralsService,
    DeliverySessionsService,
    FinanceService,
    MovementsService,
    MovementRequestsService,
    HmppsEventsService,
    HmppsEventsGuard,
    ReleaseDayService,
    ReleasePlanService,
    AccommodationOutcomesService,
    KeyworkService,
  ],
})
export class WorkflowsModule {}
