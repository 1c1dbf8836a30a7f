import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Can } from '@app/auth';
import { actorOf } from '../common/actor';
import { RequestId } from '../common/request-id.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import { RecordAccommodationOutcomeDto } from './accommodation-outcome.dto';
import { AccommodationOutcomesService } from './accommodation-outcomes.service';
import { DataKind } from '@app/domain';
import { ExposesCaseData } from '../common/data-kinds.decorator';

@ApiTags('accommodation outcomes')
@Controller('women/:womanId/accommodation-outcomes')
export class AccommodationOutcomesController {
  constructor(private readonly outcomes: AccommodationOutcomesService) {}

  @Get()
  @ExposesCaseData(DataKind.MOVEMENTS)
  list(@CurrentUser() user: AuthenticatedUser, @UuidParam('womanId') womanId: string) {
    return this.outcomes.list(user, womanId);
  }

  @Can('accommodation.record')
  @Post()
  record(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('womanId') womanId: string,
    @Body() body: RecordAccommodationOutcomeDto,
    @RequestId() requestId: string | null,
  ) {
    return this.outcomes.record(user, womanId, body, actorOf(user, requestId));
  }
}
