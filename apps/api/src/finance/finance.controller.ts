import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Can } from '@app/auth';
import { actorOf } from '../common/actor';
import { RequestId } from '../common/request-id.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import {
  ApplyForBankAccountDto,
  ApplyForIdDocumentDto,
  ChangeBankAccountStatusDto,
  RecordBankingBarrierDto,
  RecordIdOutcomeDto,
} from './finance.dto';
import { FinanceService } from './finance.service';
import { DataKind } from '@app/domain';
import { ExposesCaseData } from '../common/data-kinds.decorator';

@ApiTags('finance and ID')
@Controller()
export class FinanceController {
  constructor(private readonly finance: FinanceService) {}

  @Get('women/:womanId/bank-account')
  @ExposesCaseData(DataKind.FINANCE_AND_ID)
  bankAccount(@CurrentUser() user: AuthenticatedUser, @UuidParam('womanId') womanId: string) {
    return this.finance.bankAccount(user, womanId);
  }

  @Can('finance.record')
  @Put('women/:womanId/bank-account/barrier')
  recordBarrier(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('womanId') womanId: string,
    @Body() body: RecordBankingBarrierDto,
    @RequestId() requestId: string | null,
  ) {
    return this.finance.recordBarrier(user, womanId, body, actorOf(user, requestId));
  }

  @Can('finance.record')
  @Post('women/:womanId/bank-account/applications')
  applyForBankAccount(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('womanId') womanId: string,
    @Body() body: ApplyForBankAccountDto,
    @RequestId() requestId: string | null,
  ) {
    return this.finance.applyForBankAccount(user, womanId, body, actorOf(user, requestId));
  }

  @Can('finance.record')
  @Post('bank-account-applications/:id/status')
  @HttpCode(200)
  changeBankAccountStatus(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ChangeBankAccountStatusDto,
    @RequestId() requestId: string | null,
  ) {
    return this.finance.changeBankAccountStatus(user, id, body, actorOf(user, requestId));
  }

  @Get('women/:womanId/id-documents')
  @ExposesCaseData(DataKind.FINANCE_AND_ID)
  idDocuments(@CurrentUser() user: AuthenticatedUser, @UuidParam('womanId') womanId: string) {
    return this.finance.idDocuments(user, womanId);
  }

  @Can('finance.record')
  @Post('women/:womanId/id-documents')
  applyForIdDocument(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('womanId') womanId: string,
    @Body() body: ApplyForIdDocumentDto,
    @RequestId() requestId: string | null,
  ) {
    return this.finance.applyForIdDocument(user, womanId, body, actorOf(user, requestId));
  }

  @Can('finance.record')
  @Post('id-document-applications/:id/outcome')
  @HttpCode(200)
  recordIdOutcome(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RecordIdOutcomeDto,
    @RequestId() requestId: string | null,
  ) {
    return this.finance.recordIdOutcome(user, id, body, actorOf(user, requestId));
  }
}
