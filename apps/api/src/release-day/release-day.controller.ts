import { Body, Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Can } from '@app/auth';
import { actorOf } from '../common/actor';
import { RequestId } from '../common/request-id.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import { AddAppointmentDto, ReplaceTravelTimesDto, UpdateReleaseDayPlanDto } from './release-day.dto';
import { ReleaseDayPlanView, ReleaseDayService } from './release-day.service';
import { DataKind } from '@app/domain';
import { ExposesCaseData, ExposesNoCaseData } from '../common/data-kinds.decorator';

@ApiTags('release day')
@ApiBearerAuth()
@Controller()
export class ReleaseDayController {
  constructor(private readonly releaseDay: ReleaseDayService) {}

  @Get('women/:womanId/release-day')
  @ExposesCaseData(DataKind.RELEASE_DAY_PLAN, DataKind.RELEASE_DAY_DETAIL)
  @ApiOperation({ summary: 'Her release-day plan with the feasibility warnings' })
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
  @ApiOperation({ summary: 'Replace the travel-time table (admin)' })
  replaceTravelTimes(@CurrentUser() user: AuthenticatedUser, @Body() body: ReplaceTravelTimesDto) {
    return this.releaseDay.replaceTravelTimes(user, body);
  }
}
