import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { BankAccountStatus, IdApplicationStatus, IdDocumentType } from '@app/domain';
import { IsIsoDate } from '../common/is-iso-date.decorator';
import { POSTGRES_INT_MAX } from '../common/postgres-limits';

export class RecordBankingBarrierDto {
  @ApiProperty({ type: String, nullable: true, description: 'Why no bank will take her application; null clears it' })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MinLength(3, { message: 'barrier must say what stands in the way' })
  @MaxLength(500)
  barrier!: string | null;
}

export class ApplyForBankAccountDto {
  @ApiProperty({ example: 'Basic account, prison banking scheme' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  bankName!: string;

  @ApiPropertyOptional({ description: 'Defaults to today' })
  @IsOptional()
  @IsIsoDate()
  appliedOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class ChangeBankAccountStatusDto {
  @ApiProperty({ enum: BankAccountStatus })
  @IsEnum(BankAccountStatus)
  status!: BankAccountStatus;

  @ApiPropertyOptional({ description: 'What the bank said' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(POSTGRES_INT_MAX)
  version!: number;
}

export class ApplyForIdDocumentDto {
  @ApiProperty({ enum: IdDocumentType })
  @IsEnum(IdDocumentType)
  documentType!: IdDocumentType;

  @ApiPropertyOptional({ description: 'Defaults to today' })
  @IsOptional()
  @IsIsoDate()
  appliedOn?: string;

  @ApiPropertyOptional({ description: 'What was paid, in pence; defaults to the typical fee' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  costPence?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

const OUTCOMES = [IdApplicationStatus.ACCEPTED, IdApplicationStatus.REJECTED, IdApplicationStatus.WITHDRAWN] as const;

export class RecordIdOutcomeDto {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES, { message: `outcome must be one of ${OUTCOMES.join(', ')}` })
  outcome!: (typeof OUTCOMES)[number];

  @ApiPropertyOptional({ description: 'Required when ACCEPTED: the day it arrived' })
  @ValidateIf((dto: RecordIdOutcomeDto) => dto.outcome === IdApplicationStatus.ACCEPTED || dto.receivedOn !== undefined)
  @IsIsoDate()
  receivedOn?: string;

  @ApiPropertyOptional({ description: 'Required when REJECTED' })
  @ValidateIf(
    (dto: RecordIdOutcomeDto) => dto.outcome === IdApplicationStatus.REJECTED || dto.rejectionReason !== undefined,
  )
  @IsString()
  @MinLength(3, { message: 'rejectionReason must say why it was rejected' })
  @MaxLength(2000)
  rejectionReason?: string;

  @ApiPropertyOptional({ description: 'Any refund, in pence' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  refundPence?: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(POSTGRES_INT_MAX)
  version!: number;
}
