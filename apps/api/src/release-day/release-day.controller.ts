import { Body, Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Can } from '@app/auth';
import { actorOf } from '../common/actor';
import { RequestId } from '../common/request-id.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import { AddAppointmentDto, ReplaceTravelTimesDto, UpdateReleaseDayPlanDto } from './release-day.dto';
import { ReleaseDayPlanView, ReleaseDayService } from './release-day.service';
import { DataKind } from '@app/domain';
import { ExposesCaseData, ExposesNoCaseData } from '../common/data-kinds.decorator';

@ApiTags('release day')
@Controller()
export class ReleaseDayController {
  constructor(private readonly releaseDay: ReleaseDayService) {}

  @Get('women/:womanId/release-day')
  @ExposesCaseData(DataKind.RELEASE_DAY_PLAN, DataKind.RELEASE_DAY_DETAIL)
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('womanId') womanId: string): Promise<ReleaseDayPlanView> {
    return this.releaseDay.get(user, womanId);
  }

  @Can('release-day.plan')
  @Put('women/:womanId/release-day')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('womanId') womanId: string,
    @Body() body: UpdateReleaseDayPlanDto,
    @RequestId() requestId: string | null,
  ): Promise<ReleaseDayPlanView> {
    return this.releaseDay.update(user, womanId, body, actorOf(user, requestId));
  }

  @Can('release-day.plan')
  @Post('women/:womanId/release-day/appointments')
  addAppointment(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('womanId') womanId: string,
    @Body() body: AddAppointmentDto,
    @RequestId() requestId: string | null,
  ): Promise<ReleaseDayPlanView> {
    return this.releaseDay.addAppointment(user, womanId, body, actorOf(user, requestId));
  }

  @Can('release-day.plan')
  @Delete('women/:womanId/release-day/appointments/:appointmentId')
  removeAppointment(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('womanId') womanId: string,
    @UuidParam('appointmentId') appointmentId: string,
    @RequestId() requestId: string | null,
  ): Promise<ReleaseDayPlanView> {
    return this.releaseDay.removeAppointment(user, womanId, appointmentId, actorOf(user, requestId));
  }

  @Get('travel-times')
  @ExposesNoCaseData()
  travelTimes() {
    return this.releaseDay.travelTimes();
  }

  @Can('travel-times.replace')
  @Put('travel-times')
  replaceTravelTimes(@CurrentUser() user: AuthenticatedUser, @Body() body: ReplaceTravelTimesDto) {
    return this.releaseDay.replaceTravelTimes(user, body);
  }
}
