import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { DeadlineAnchor, EscalationTarget, OffsetUnit, Role } from '@app/domain';
import { NestedArray } from '../common/nested.decorator';
import { POSTGRES_INT_MAX } from '../common/postgres-limits';

export class EscalationStepDto {
  @ApiProperty({ description: 'Working days after the due date' })
  @IsInt()
  @Min(1)
  @Max(60)
  afterWorkingDays!: number;

  @ApiProperty({ enum: EscalationTarget })
  @IsEnum(EscalationTarget)
  to!: EscalationTarget;
}

export class UpdateCatalogueEntryDto {
  @ApiProperty({ description: 'The version you read; refused with 409 if it changed since' })
  @IsInt()
  @Min(1)
  @Max(POSTGRES_INT_MAX)
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role)
  ownerRole?: Role;

  @ApiPropertyOptional({ enum: DeadlineAnchor })
  @IsOptional()
  @IsEnum(DeadlineAnchor)
  deadlineAnchor?: DeadlineAnchor;

  @ApiPropertyOptional({ description: 'Days from the anchor; negative is before it' })
  @IsOptional()
  @IsInt()
  @Min(-730)
  @Max(730)
  deadlineOffset?: number;

  @ApiPropertyOptional({ enum: OffsetUnit })
  @IsOptional()
  @IsEnum(OffsetUnit)
  deadlineUnit?: OffsetUnit;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  atRiskLeadWorkingDays?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  releaseCritical?: boolean;

  @ApiPropertyOptional({
    type: [EscalationStepDto],
    description: 'Who hears of an unacknowledged overdue task, and when',
  })
  @IsOptional()
  @NestedArray(() => EscalationStepDto)
  @ArrayMaxSize(5)
  escalationLadder?: EscalationStepDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
