import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, Can, CurrentUser } from '@app/auth';
import { DataKind } from '@app/domain';
import { actorOf } from '../common/actor';
import { ExposesCaseData } from '../common/data-kinds.decorator';
import { RequestId } from '../common/request-id.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import { RecordKeyworkSessionDto, SetKeyworkTargetDto } from './keywork.dto';
import { KeyworkService } from './keywork.service';

@ApiTags('keywork')
@Controller('women/:womanId/keywork')
export class KeyworkController {
  constructor(private readonly keywork: KeyworkService) {}

  @Get()
  @ExposesCaseData(DataKind.KEYWORK)
  view(@CurrentUser() user: AuthenticatedUser, @UuidParam('womanId') womanId: string) {
    return this.keywork.view(user, womanId);
  }

  @Can('keywork.record')
  @Post('sessions')
  recordSession(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('womanId') womanId: string,
    @Body() body: RecordKeyworkSessionDto,
    @RequestId() requestId: string | null,
  ) {
    return this.keywork.recordSession(user, womanId, body, actorOf(user, requestId));
  }

  @Can('keywork.set-target')
  @Put('target')
  setTarget(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('womanId') womanId: string,
    @Body() body: SetKeyworkTargetDto,
    @RequestId() requestId: string | null,
  ) {
    return this.keywork.setTarget(user, womanId, body, actorOf(user, requestId));
  }
}
