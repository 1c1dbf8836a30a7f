import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, Can, CurrentUser } from '@app/auth';
import { DataKind } from '@app/domain';
import { actorOf } from '../common/actor';
import { ExposesCaseData } from '../common/data-kinds.decorator';
import { RequestId } from '../common/request-id.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import { BookSessionDto, RecordAttendanceDto, RescheduleSessionDto } from './delivery-session.dto';
import { DeliverySessionsView, DeliverySessionView } from './delivery-session.view';
import { DeliverySessionsService } from './delivery-sessions.service';

@ApiTags('delivery sessions')
@Controller()
export class DeliverySessionsController {
  constructor(private readonly sessions: DeliverySessionsService) {}

  @Get('referrals/:id/sessions')
  @ExposesCaseData(DataKind.WOMAN_RECORD, DataKind.REFERRALS, DataKind.REFERRAL_DRAFTS, DataKind.RISK_INFORMATION)
  list(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<DeliverySessionsView> {
    return this.sessions.list(user, id);
  }

  @Can('session.book')
  @Post('referrals/:id/sessions')
  book(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: BookSessionDto,
    @RequestId() requestId: string | null,
  ): Promise<DeliverySessionView> {
    return this.sessions.book(user, id, body, actorOf(user, requestId));
  }

  @Can('session.reschedule')
  @Patch('sessions/:id')
  reschedule(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RescheduleSessionDto,
    @RequestId() requestId: string | null,
  ): Promise<DeliverySessionView> {
    return this.sessions.reschedule(user, id, body, actorOf(user, requestId));
  }

  @Can('session.record-attendance')
  @Post('sessions/:id/attendance')
  @HttpCode(200)
  recordAttendance(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RecordAttendanceDto,
    @RequestId() requestId: string | null,
  ): Promise<DeliverySessionView> {
    return this.sessions.recordAttendance(user, id, body, actorOf(user, requestId));
  }
}
