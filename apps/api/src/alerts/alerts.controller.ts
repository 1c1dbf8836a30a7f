import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Can } from '@app/auth';
import { AlertSummary } from '@app/events';
import { actorOf } from '../common/actor';
import { RequestId } from '../common/request-id.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import { ListAlertsQueryDto } from './alerts.dto';
import { AlertsService } from './alerts.service';
import { AlertView } from './alert.view';
import { DataKind } from '@app/domain';
import { ExposesCaseData } from '../common/data-kinds.decorator';

@ApiTags('alerts')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ExposesCaseData(DataKind.WOMAN_RECORD, DataKind.TASKS, DataKind.OTHER_ROLES_TASKS, DataKind.SENSITIVE_PATHWAYS)
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListAlertsQueryDto): Promise<AlertView[]> {
    return this.alerts.list(user, query);
  }

  /** Acknowledging an alert stops the task's escalation ladder for its current deadlines. */
  @Can('alert.acknowledge')
  @Post(':id/acknowledge')
  @HttpCode(200)
  acknowledge(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @RequestId() requestId: string | null,
  ): Promise<AlertSummary> {
    return this.alerts.acknowledge(user, id, actorOf(user, requestId));
  }
}
