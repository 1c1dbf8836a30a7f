import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Public, Can } from '@app/auth';
import { actorOf } from '../common/actor';
import { RequestId } from '../common/request-id.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import { WomanView } from '../women/woman.view';
import { HmppsDomainEventDto, RecallDto, RecallOnReceptionDto, ReleaseDto, TransferDto } from './movement.dto';
import { HmppsEventReceipt, HmppsEventsService } from './hmpps-events.service';
import { HmppsEventsGuard } from './hmpps-events.guard';
import { MovementRequestsService } from './movement-requests.service';

@ApiTags('movements')
@Controller()
export class MovementsController {
  constructor(
    private readonly requests: MovementRequestsService,
    private readonly hmpps: HmppsEventsService,
  ) {}

  @Can('movement.record')
  @Post('recalls')
  @HttpCode(200)
  @ApiOperation({
    description:
      'For the receiving prison (one of your own). Referrals stay open, her POM returns if he works there, the plan is made again for the new date. A mismatch is audited and answered 404 without saying which part was wrong.',
  })
  recallOnReception(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: RecallOnReceptionDto,
    @RequestId() requestId: string | null,
  ): Promise<WomanView> {
    return this.requests.recallOnReception(user, body, actorOf(user, requestId));
  }

  @Can('movement.record')
  @Post('women/:id/recall')
  @HttpCode(200)
  recall(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RecallDto,
    @RequestId() requestId: string | null,
  ): Promise<WomanView> {
    return this.requests.recall(user, id, body, actorOf(user, requestId));
  }

  @Can('movement.record')
  @Post('women/:id/transfer')
  @HttpCode(200)
  transfer(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: TransferDto,
    @RequestId() requestId: string | null,
  ): Promise<WomanView> {
    return this.requests.transfer(user, id, body, actorOf(user, requestId));
  }

  @Can('movement.record')
  @Post('women/:id/release')
  @HttpCode(200)
  release(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ReleaseDto,
    @RequestId() requestId: string | null,
  ): Promise<WomanView> {
    return this.requests.release(user, id, body, actorOf(user, requestId));
  }

  @Post('hmpps/domain-events')
  @Public()
  @UseGuards(HmppsEventsGuard)
  @HttpCode(200)
  receive(@Body() body: HmppsDomainEventDto, @RequestId() requestId: string | null): Promise<HmppsEventReceipt> {
    return this.hmpps.receive(body, requestId);
  }
}
