import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Can } from '@app/auth';
import { DataKind } from '@app/domain';
import { actorOf } from '../common/actor';
import { UuidParam } from '../common/uuid-param.pipe';
import { Page } from '../common/pagination.dto';
import { RequestId } from '../common/request-id.decorator';
import { CreateWomanDto, ListWomenQueryDto, ReleaseDayRequestDto, UpdateWomanDto } from './woman.dto';
import { WomanView } from './woman.view';
import { WomanBoardRow, WomanDetailView, WomenService } from './women.service';
import { ExposesCaseData } from '../common/data-kinds.decorator';

@ApiTags('women')
@Controller('women')
export class WomenController {
  constructor(private readonly women: WomenService) {}

  @Get()
  @ExposesCaseData(
    DataKind.WOMAN_RECORD,
    DataKind.PATHWAYS,
    DataKind.SENSITIVE_FLAGS,
    DataKind.SENSITIVE_PATHWAYS,
    DataKind.TASKS,
    DataKind.OTHER_ROLES_TASKS,
    DataKind.FINANCE_AND_ID,
    DataKind.MOVEMENTS,
    // Her COM's reason for an earlier release day, to the roles that read release-day detail.
    DataKind.RELEASE_DAY_DETAIL,
  )
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListWomenQueryDto): Promise<Page<WomanBoardRow>> {
    return this.women.list(user, query);
  }

  @Get(':id')
  @ExposesCaseData(
    DataKind.WOMAN_RECORD,
    DataKind.PATHWAYS,
    DataKind.SENSITIVE_FLAGS,
    DataKind.SENSITIVE_PATHWAYS,
    DataKind.TASKS,
    DataKind.OTHER_ROLES_TASKS,
    DataKind.TASK_NOTES,
    DataKind.ASSESSMENTS,
    DataKind.REFERRALS,
    DataKind.REFERRAL_DRAFTS,
    DataKind.RISK_INFORMATION,
    DataKind.RELEASE_DAY_PLAN,
    DataKind.RELEASE_DAY_DETAIL,
    DataKind.FINANCE_AND_ID,
    DataKind.MOVEMENTS,
    // Her audit trail holds keywork sessions and targets (the keyworker's name), for the roles that read keywork.
    DataKind.KEYWORK,
  )
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<WomanDetailView> {
    return this.women.get(user, id);
  }

  @Can('woman.create')
  @Post()
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateWomanDto,
    @RequestId() requestId: string | null,
  ): Promise<WomanView> {
    return this.women.create(user, body, actorOf(user, requestId));
  }

  @Can('woman.update')
  @Patch(':id')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateWomanDto,
    @RequestId() requestId: string | null,
  ): Promise<WomanView> {
    return this.women.update(user, id, body, actorOf(user, requestId));
  }

  /** Her COM asks that she go one more working day early; her walk-out day and every task move at once. */
  @Can('release-day.request')
  @Post(':id/release-day-request')
  @HttpCode(200)
  requestExtraReleaseDay(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ReleaseDayRequestDto,
    @RequestId() requestId: string | null,
  ): Promise<WomanView> {
    return this.women.requestExtraReleaseDay(user, id, body, actorOf(user, requestId));
  }

  /** Her COM withdraws the request: she goes back to the day the rules alone give. */
  @Can('release-day.request')
  @Delete(':id/release-day-request')
  withdrawExtraReleaseDay(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @RequestId() requestId: string | null,
  ): Promise<WomanView> {
    return this.women.withdrawExtraReleaseDay(user, id, actorOf(user, requestId));
  }
}
