import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedUser, CurrentUser } from '@app/auth';
import { RequestId } from '../common/request-id.decorator';
import { fieldError } from '../common/validation-errors';
import { OverdueTasksQueryDto, ReportPeriodQueryDto, ReportScopeQueryDto } from './report-query.dto';
import { ReportResult, tableToCsv } from './report-table';
import { ReportsService } from './reports.service';
import { DataKind } from '@app/domain';
import { ExposesCaseData } from '../common/data-kinds.decorator';

/** What a report answers with: JSON tables, or one table as a CSV download; either way the read is audited. */
type Answer = ReportResult | string;

@ApiTags('reports')
@ApiProduces('application/json', 'text/csv')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('overdue-work')
  @ExposesCaseData(DataKind.TASKS, DataKind.OTHER_ROLES_TASKS, DataKind.SENSITIVE_PATHWAYS)
  overdueWork(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: ReportScopeQueryDto,
    @RequestId() id: string | null,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Answer> {
    return this.answer(user, q, id, res, this.reports.overdueWorkReport(user, q));
  }

  @Get('overdue-work/tasks')
  @ExposesCaseData(DataKind.WOMAN_RECORD, DataKind.TASKS, DataKind.OTHER_ROLES_TASKS, DataKind.SENSITIVE_PATHWAYS)
  overdueTasks(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: OverdueTasksQueryDto,
    @RequestId() id: string | null,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Answer> {
    return this.answer(user, q, id, res, this.reports.overdueTasks(user, q));
  }

  @Get('overdue-trend')
  @ExposesCaseData(DataKind.TASKS, DataKind.OTHER_ROLES_TASKS, DataKind.SENSITIVE_PATHWAYS)
  overdueTrend(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: ReportScopeQueryDto,
    @RequestId() id: string | null,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Answer> {
    return this.answer(user, q, id, res, this.reports.overdueTrendReport(user, q));
  }

  @Get('release-readiness')
  @ExposesCaseData(DataKind.WOMAN_RECORD, DataKind.TASKS, DataKind.OTHER_ROLES_TASKS, DataKind.SENSITIVE_PATHWAYS)
  releaseReadiness(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: ReportScopeQueryDto,
    @RequestId() id: string | null,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Answer> {
    return this.answer(user, q, id, res, this.reports.releaseReadinessReport(user, q));
  }

  @Get('provider-accountability')
  @ExposesCaseData(DataKind.REFERRALS, DataKind.SENSITIVE_PATHWAYS)
  providerAccountability(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: ReportPeriodQueryDto,
    @RequestId() id: string | null,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Answer> {
    return this.answer(user, q, id, res, this.reports.providerAccountabilityReport(user, q));
  }

  @Get('referral-timeliness')
  @ExposesCaseData(DataKind.REFERRALS, DataKind.SENSITIVE_PATHWAYS)
  referralTimeliness(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: ReportPeriodQueryDto,
    @RequestId() id: string | null,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Answer> {
    return this.answer(user, q, id, res, this.reports.referralTimelinessReport(user, q));
  }

  @Get('accommodation-outcomes')
  @ExposesCaseData(DataKind.MOVEMENTS)
  accommodation(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: ReportPeriodQueryDto,
    @RequestId() id: string | null,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Answer> {
    return this.answer(user, q, id, res, this.reports.accommodationReport(user, q));
  }

  @Get('alerts')
  @ExposesCaseData(DataKind.TASKS, DataKind.OTHER_ROLES_TASKS, DataKind.SENSITIVE_PATHWAYS)
  alerts(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: ReportPeriodQueryDto,
    @RequestId() id: string | null,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Answer> {
    return this.answer(user, q, id, res, this.reports.alertsReport(user, q));
  }

  @Get('keywork')
  @ExposesCaseData(DataKind.KEYWORK)
  keywork(
    @CurrentUser() user: AuthenticatedUser,
    @Query() q: ReportPeriodQueryDto,
    @RequestId() id: string | null,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Answer> {
    return this.answer(user, q, id, res, this.reports.keyworkReport(user, q));
  }

  private async answer(
    user: AuthenticatedUser,
    query: ReportScopeQueryDto,
    requestId: string | null,
    res: Response,
    pending: Promise<ReportResult>,
  ): Promise<Answer> {
    const result = await pending;
    if (query.format !== 'csv') {
      await this.reports.recordAccess(user, result, null, requestId);
      return result;
    }
    const table = query.table === undefined ? result.tables[0] : result.tables.find((t) => t.key === query.table);
    if (!table) {
      throw fieldError('table', `table must be one of ${result.tables.map((t) => t.key).join(', ')}`);
    }
    await this.reports.recordAccess(user, result, table.key, requestId);
    const file = `${result.report.toLowerCase().replace(/_/g, '-')}-${table.key}-${result.generatedAt.slice(0, 10)}.csv`;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${file}"`);
    return tableToCsv(table);
  }
}
