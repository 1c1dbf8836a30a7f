import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Pathway, Role } from '@app/domain';
import { Type } from 'class-transformer';
import { IsIsoDate } from '../common/is-iso-date.decorator';

export class ReportScopeQueryDto {
  @ApiPropertyOptional({ description: 'One prison (its code); leave out for all the prisons you oversee' })
  @IsOptional()
  @Matches(/^[A-Z0-9]{3}$/, { message: 'prison must be a three-character prison code' })
  prison?: string;

  @ApiPropertyOptional({ description: 'One region (its code)' })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{2,16}$/, { message: 'region must be a region code such as KSS' })
  region?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv answers one table (see table) as a download' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';

  @ApiPropertyOptional({ description: 'With format=csv: which table (defaults to the first)' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9]{1,40}$/, { message: 'table must be the key of one of the report’s tables' })
  table?: string;
}

export class ReportPeriodQueryDto extends ReportScopeQueryDto {
  @ApiPropertyOptional({ description: 'First day of the period (YYYY-MM-DD); defaults to 90 days before to' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Last day of the period (YYYY-MM-DD); defaults to today' })
  @IsOptional()
  @IsIsoDate()
  to?: string;
}

export class OverdueTasksQueryDto extends ReportScopeQueryDto {
  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role, { message: `ownerRole must be one of ${Object.values(Role).join(', ')}` })
  ownerRole?: Role;

  @ApiPropertyOptional({ description: 'A team key as the overdue report gives it' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  team?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'A CRS provider’s id' })
  @IsOptional()
  @IsUUID('4', { message: 'provider must be a provider id (UUID)' })
  provider?: string;

  @ApiPropertyOptional({ enum: Pathway })
  @IsOptional()
  @IsEnum(Pathway, { message: `pathway must be one of ${Object.values(Pathway).join(', ')}` })
  pathway?: Pathway;

  @ApiPropertyOptional({ enum: ['OVERDUE', 'AT_RISK'] })
  @IsOptional()
  @IsIn(['OVERDUE', 'AT_RISK'], { message: 'state must be OVERDUE or AT_RISK' })
  state?: 'OVERDUE' | 'AT_RISK';

  @ApiPropertyOptional({ enum: ['overdue1to2', 'overdue3to7', 'overdue8to14', 'overdueOver14'] })
  @IsOptional()
  @IsIn(['overdue1to2', 'overdue3to7', 'overdue8to14', 'overdueOver14'], {
    message: 'bucket must be overdue1to2, overdue3to7, overdue8to14 or overdueOver14',
  })
  bucket?: string;

  @ApiPropertyOptional({ description: 'At most this many tasks (default 200, at most 2000)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(2000)
  limit?: number;
}
