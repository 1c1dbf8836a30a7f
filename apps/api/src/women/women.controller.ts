import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@app/auth';
import { Role } from '@app/domain';
import { actorOf } from '../common/actor';
import { UuidParam } from '../common/uuid-param.pipe';
import { Page } from '../common/pagination.dto';
import { RequestId } from '../common/request-id.decorator';
import { CreateWomanDto, ListWomenQueryDto, UpdateWomanDto } from './woman.dto';
import { WomanView } from './woman.view';
import { WomanBoardRow, WomanDetailView, WomenService } from './women.service';

@ApiTags('women')
@ApiBearerAuth()
@Controller('women')
export class WomenController {
  constructor(private readonly women: WomenService) {}

  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListWomenQueryDto): Promise<Page<WomanBoardRow>> {
    return this.women.list(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<WomanDetailView> {
    return this.women.get(user, id);
  }

  @Roles(Role.PRE_RELEASE_TEAM, Role.POM, Role.ADMIN)
  @Post()
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateWomanDto,
    @RequestId() requestId: string | null,
  ): Promise<WomanView> {
    return this.women.create(user, body, actorOf(user, requestId));
  }

  @Roles(Role.PRE_RELEASE_TEAM, Role.POM, Role.COM, Role.ADMIN)
  @Patch(':id')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateWomanDto,
    @RequestId() requestId: string | null,
  ): Promise<WomanView> {
    return this.women.update(user, id, body, actorOf(user, requestId));
  }
}
