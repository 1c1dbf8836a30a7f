import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Can } from '@app/auth';
import { TaskCatalogueEntryEntity } from '@app/database';
import { actorOf } from '../common/actor';
import { RequestId } from '../common/request-id.decorator';
import { CatalogueService } from './catalogue.service';
import { UpdateCatalogueEntryDto } from './update-catalogue-entry.dto';
import { ExposesNoCaseData } from '../common/data-kinds.decorator';

@ApiTags('task catalogue')
@Controller('task-catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @ExposesNoCaseData()
  list(): Promise<TaskCatalogueEntryEntity[]> {
    return this.catalogue.list();
  }

  @Can('catalogue.edit')
  @Patch(':key')
  update(
    @Param('key') key: string,
    @Body() body: UpdateCatalogueEntryDto,
    @CurrentUser() user: AuthenticatedUser,
    @RequestId() requestId: string | null,
  ): Promise<TaskCatalogueEntryEntity> {
    return this.catalogue.update(key, body, actorOf(user, requestId));
  }
}
