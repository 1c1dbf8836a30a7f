import { Body, Controller, Get, Param, ParseEnumPipe, Post, Put } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Can } from '@app/auth';
import { AssessmentEntity } from '@app/database';
import { Pathway, DataKind } from '@app/domain';
import { actorOf } from '../common/actor';
import { RequestId } from '../common/request-id.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import { fieldError } from '../common/validation-errors';
import { SetPathwayStatusDto } from '../pathways/pathway-status.dto';
import { AssessmentsService, RecordedChange } from './assessments.service';
import { RecordAssessmentDto } from './record-assessment.dto';
import { ExposesCaseData } from '../common/data-kinds.decorator';

@ApiTags('assessments and pathways')
@Controller('women/:womanId')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Get('assessments')
  @ExposesCaseData(DataKind.ASSESSMENTS, DataKind.PATHWAYS, DataKind.SENSITIVE_PATHWAYS)
  list(@CurrentUser() user: AuthenticatedUser, @UuidParam('womanId') womanId: string): Promise<AssessmentEntity[]> {
    return this.assessments.list(user, womanId);
  }

  @Can('assessment.record')
  @Post('assessments')
  record(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('womanId') womanId: string,
    @Body() body: RecordAssessmentDto,
    @RequestId() requestId: string | null,
  ): Promise<RecordedChange> {
    return this.assessments.record(user, womanId, body, actorOf(user, requestId));
  }

  @Can('pathway.set-status')
  @Put('pathways/:pathway')
  @ApiParam({ name: 'pathway', enum: Pathway })
  setPathwayStatus(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('womanId') womanId: string,
    @Param(
      'pathway',
      new ParseEnumPipe(Pathway, {
        exceptionFactory: () => fieldError('pathway', `pathway must be one of ${Object.values(Pathway).join(', ')}`),
      }),
    )
    pathway: Pathway,
    @Body() body: SetPathwayStatusDto,
    @RequestId() requestId: string | null,
  ): Promise<RecordedChange> {
    return this.assessments.setPathwayStatus(user, womanId, pathway, body, actorOf(user, requestId));
  }
}
