import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, Can, CurrentUser } from '@app/auth';
import type { UserSettingsView } from '@app/contracts';
import { actorOf } from '../common/actor';
import { ExposesNoCaseData } from '../common/data-kinds.decorator';
import { RequestId } from '../common/request-id.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import { UpdateUserSettingsDto } from './update-user-settings.dto';
import { UserSettingsService } from './user-settings.service';

/** Her own settings are hers whatever her role; anyone else's are an administrator's (user.manage). */
@ApiTags('users')
@Controller('users')
export class UserSettingsController {
  constructor(private readonly settings: UserSettingsService) {}

  @Get('me/settings')
  @ExposesNoCaseData()
  mine(@CurrentUser() user: AuthenticatedUser): Promise<UserSettingsView> {
    return this.settings.get(user.id);
  }

  @Patch('me/settings')
  updateMine(
    @Body() body: UpdateUserSettingsDto,
    @CurrentUser() user: AuthenticatedUser,
    @RequestId() requestId: string | null,
  ): Promise<UserSettingsView> {
    return this.settings.update(user.id, body, actorOf(user, requestId));
  }

  @Can('user.manage')
  @Patch(':id/settings')
  updateAnyone(
    @UuidParam('id') id: string,
    @Body() body: UpdateUserSettingsDto,
    @CurrentUser() user: AuthenticatedUser,
    @RequestId() requestId: string | null,
  ): Promise<UserSettingsView> {
    return this.settings.update(id, body, actorOf(user, requestId));
  }
}
