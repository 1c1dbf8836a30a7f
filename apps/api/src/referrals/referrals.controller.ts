import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Can } from '@app/auth';
import { ReferralAction, DataKind } from '@app/domain';
import { actorOf } from '../common/actor';
import { Page } from '../common/pagination.dto';
import { RequestId } from '../common/request-id.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import {
  BookAssessmentDto,
  CreateReferralDto,
  EndReferralDto,
  ListReferralsQueryDto,
  ReferralVersionDto,
  ReturnReferralDto,
  SubmitActionPlanDto,
  UpdateReferralDto,
  WithdrawReferralDto,
} from './referral.dto';
import { ReferralDetailView, ReferralView } from './referral.view';
import { ReferralActionBody, ReferralsService } from './referrals.service';
import { ExposesCaseData } from '../common/data-kinds.decorator';

@ApiTags('referrals')
@Controller()
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get('referrals')
  @ExposesCaseData(
    DataKind.WOMAN_RECORD,
    DataKind.REFERRALS,
    DataKind.REFERRAL_DRAFTS,
    DataKind.RISK_INFORMATION,
    DataKind.SENSITIVE_PATHWAYS,
  )
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListReferralsQueryDto): Promise<Page<ReferralView>> {
    return this.referrals.list(user, query);
  }

  @Get('referrals/:id')
  @ExposesCaseData(
    DataKind.WOMAN_RECORD,
    DataKind.REFERRALS,
    DataKind.REFERRAL_DRAFTS,
    DataKind.RISK_INFORMATION,
    DataKind.SENSITIVE_PATHWAYS,
  )
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<ReferralDetailView> {
    return this.referrals.get(user, id);
  }

  @Can('referral.create')
  @Post('women/:womanId/referrals')
  create(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('womanId') womanId: string,
    @Body() body: CreateReferralDto,
    @RequestId() requestId: string | null,
  ): Promise<ReferralDetailView> {
    return this.referrals.create(user, womanId, body, actorOf(user, requestId));
  }

  @Can('referral.edit')
  @Patch('referrals/:id')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateReferralDto,
    @RequestId() requestId: string | null,
  ): Promise<ReferralDetailView> {
    return this.referrals.update(user, id, body, actorOf(user, requestId));
  }

  @Can('referral.send')
  @Post('referrals/:id/send')
  @HttpCode(200)
  send(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ReferralVersionDto,
    @RequestId() requestId: string | null,
  ): Promise<ReferralDetailView> {
    return this.act(user, id, { action: ReferralAction.SEND, body }, requestId);
  }

  @Can('referral.assign')
  @Post('referrals/:id/claim')
  @HttpCode(200)
  claim(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ReferralVersionDto,
    @RequestId() requestId: string | null,
  ): Promise<ReferralDetailView> {
    return this.act(user, id, { action: ReferralAction.ASSIGN, body }, requestId);
  }

  @Can('referral.book-assessment')
  @Post('referrals/:id/book-assessment')
  @HttpCode(200)
  bookAssessment(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: BookAssessmentDto,
    @RequestId() requestId: string | null,
  ): Promise<ReferralDetailView> {
    return this.act(user, id, { action: ReferralAction.BOOK_ASSESSMENT, body }, requestId);
  }

  @Can('referral.submit-action-plan')
  @Post('referrals/:id/action-plan')
  @HttpCode(200)
  submitActionPlan(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: SubmitActionPlanDto,
    @RequestId() requestId: string | null,
  ): Promise<ReferralDetailView> {
    return this.act(user, id, { action: ReferralAction.SUBMIT_ACTION_PLAN, body }, requestId);
  }

  @Can('referral.approve-action-plan')
  @Post('referrals/:id/approve-action-plan')
  @HttpCode(200)
  approveActionPlan(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ReferralVersionDto,
    @RequestId() requestId: string | null,
  ): Promise<ReferralDetailView> {
    return this.act(user, id, { action: ReferralAction.APPROVE_ACTION_PLAN, body }, requestId);
  }

  @Can('referral.start-delivery')
  @Post('referrals/:id/start-delivery')
  @HttpCode(200)
  startDelivery(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ReferralVersionDto,
    @RequestId() requestId: string | null,
  ): Promise<ReferralDetailView> {
    return this.act(user, id, { action: ReferralAction.START_DELIVERY, body }, requestId);
  }

  @Can('referral.end')
  @Post('referrals/:id/end')
  @HttpCode(200)
  end(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: EndReferralDto,
    @RequestId() requestId: string | null,
  ): Promise<ReferralDetailView> {
    return this.act(user, id, { action: ReferralAction.END, body }, requestId);
  }

  @Can('referral.withdraw')
  @Post('referrals/:id/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: WithdrawReferralDto,
    @RequestId() requestId: string | null,
  ): Promise<ReferralDetailView> {
    return this.act(user, id, { action: ReferralAction.WITHDRAW, body }, requestId);
  }

  @Can('referral.return')
  @Post('referrals/:id/return')
  @HttpCode(200)
  returnToReferrer(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ReturnReferralDto,
    @RequestId() requestId: string | null,
  ): Promise<ReferralDetailView> {
    return this.act(user, id, { action: ReferralAction.RETURN, body }, requestId);
  }

  private act(
    user: AuthenticatedUser,
    id: string,
    request: ReferralActionBody,
    requestId: string | null,
  ): Promise<ReferralDetailView> {
    return this.referrals.act(user, id, request, actorOf(user, requestId));
  }
}
