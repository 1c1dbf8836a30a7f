import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Can } from '@app/auth';
import { actorOf } from '../common/actor';
import { RequestId } from '../common/request-id.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import { UpdateUserAccessDto } from './update-user-access.dto';
import { UserView, UsersService } from './users.service';
import { ExposesNoCaseData } from '../common/data-kinds.decorator';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Can('user.manage')
  @Get()
  @ExposesNoCaseData()
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  /** Changes take effect at once: the API re-reads users per request and gateways re-check open sockets. */
  @Can('user.manage')
  @Patch(':id')
  updateAccess(
    @UuidParam('id') id: string,
    @Body() body: UpdateUserAccessDto,
    @CurrentUser() user: AuthenticatedUser,
    @RequestId() requestId: string | null,
  ): Promise<UserView> {
    return this.users.updateAccess(id, body, actorOf(user, requestId));
  }
}
