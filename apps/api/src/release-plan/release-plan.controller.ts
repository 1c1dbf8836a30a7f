import { Body, Controller, HttpCode, Post, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, Can, CurrentUser } from '@app/auth';
import { actorOf } from '../common/actor';
import { RequestId } from '../common/request-id.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import { PrintReleasePlanDto } from './release-plan.dto';
import { ReleasePlanService } from './release-plan.service';

@ApiTags('release plan')
@Controller('women/:id/release-plan')
export class ReleasePlanController {
  constructor(private readonly releasePlan: ReleasePlanService) {}

  /** A POST, not a GET: each print is a change (an audit entry), and what is ticked in travels in the body. */
  @Can('release-plan.print')
  @Post()
  @HttpCode(200)
  @ApiProduces('application/pdf')
  async print(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') womanId: string,
    @Body() body: PrintReleasePlanDto,
    @RequestId() requestId: string | null,
  ): Promise<StreamableFile> {
    const { pdf, fileName } = await this.releasePlan.print(user, womanId, body, actorOf(user, requestId));
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${fileName}"`,
      length: pdf.length,
    });
  }
}
