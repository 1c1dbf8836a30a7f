import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Can } from '@app/auth';
import type { PrisonView } from '@app/contracts';
import { ProviderEntity } from '@app/database';
import { actorOf } from '../common/actor';
import { UuidParam } from '../common/uuid-param.pipe';
import { RequestId } from '../common/request-id.decorator';
import { AssignAreaProviderDto, CreateProviderDto, UpdateProviderDto } from './provider.dto';
import { ReferenceService, ReleaseAreaView } from './reference.service';
import { ExposesNoCaseData } from '../common/data-kinds.decorator';

@ApiTags('reference data')
@Controller()
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('prisons')
  @ExposesNoCaseData()
  prisons(): Promise<PrisonView[]> {
    return this.reference.listPrisons();
  }

  @Get('release-areas')
  @ExposesNoCaseData()
  releaseAreas(): Promise<ReleaseAreaView[]> {
    return this.reference.listReleaseAreas();
  }

  @Get('providers')
  @ExposesNoCaseData()
  providers(): Promise<ProviderEntity[]> {
    return this.reference.listProviders();
  }

  @Can('provider.manage')
  @Post('providers')
  createProvider(
    @Body() body: CreateProviderDto,
    @CurrentUser() user: AuthenticatedUser,
    @RequestId() requestId: string | null,
  ): Promise<ProviderEntity> {
    return this.reference.createProvider(body, actorOf(user, requestId));
  }

  @Can('provider.manage')
  @Patch('providers/:id')
  updateProvider(
    @UuidParam('id') id: string,
    @Body() body: UpdateProviderDto,
    @CurrentUser() user: AuthenticatedUser,
    @RequestId() requestId: string | null,
  ): Promise<ProviderEntity> {
    return this.reference.updateProvider(id, body, actorOf(user, requestId));
  }

  @Can('provider.manage')
  @Put('release-areas/:code/provider')
  assignAreaProvider(
    @Param('code') code: string,
    @Body() body: AssignAreaProviderDto,
    @CurrentUser() user: AuthenticatedUser,
    @RequestId() requestId: string | null,
  ): Promise<ReleaseAreaView> {
    return this.reference.assignAreaProvider(code, body, actorOf(user, requestId));
  }
}
