import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsISO8601,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  Complexity,
  CRS_PATHWAYS,
  Pathway,
  ReferralOutcome,
  ReferralStatus,
  RETURN_REASON_CODES,
  RoshLevel,
  WITHDRAWAL_REASON_CODES,
} from '@app/domain';
import { PaginationQueryDto } from '../common/pagination.dto';
import { NestedArray, NestedObject } from '../common/nested.decorator';
import { POSTGRES_INT_MAX } from '../common/postgres-limits';

export class ReferralPathwayDto {
  @ApiProperty({ enum: CRS_PATHWAYS })
  @IsIn(CRS_PATHWAYS, { message: `pathway must be one the CRS provider covers: ${CRS_PATHWAYS.join(', ')}` })
  pathway!: Pathway;

  @ApiProperty({ enum: Complexity })
  @IsEnum(Complexity, { message: 'complexity must be LOW, MEDIUM or HIGH' })
  complexity!: Complexity;

  @ApiProperty({ type: [String], description: 'What she wants to achieve; the provider plans against these' })
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(300, { each: true })
  desiredOutcomes!: string[];
}

export class RiskInformationDto {
  @ApiPropertyOptional({ enum: RoshLevel })
  @IsOptional()
  @IsEnum(RoshLevel, { message: 'roshLevel must be LOW, MEDIUM, HIGH or VERY_HIGH' })
  roshLevel?: RoshLevel;

  @ApiPropertyOptional({ description: 'Who she is a risk to, and when' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  riskSummary?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  riskToStaff?: string;

  @ApiPropertyOptional({ description: 'Exclusion zones, non-contact conditions' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  exclusionsAndRestrictions?: string;
}

/** How the provider can work with her (hmpps-interventions-ui's needs and requirements). */
export class NeedsAndRequirementsDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Access to buildings, hearing or sight, mobility, learning needs',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  accessibilityNeeds?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Anything else the provider should know to work with her',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  additionalNeedsInformation?: string | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true })
  @IsOptional()
  @IsBoolean({ message: 'needsInterpreter must be true or false' })
  needsInterpreter?: boolean | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Needed when needsInterpreter is true' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  interpreterLanguage?: string | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'Caring or work responsibilities' })
  @IsOptional()
  @IsBoolean({ message: 'hasAdditionalResponsibilities must be true or false' })
  hasAdditionalResponsibilities?: boolean | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'When she cannot take part; needed when hasAdditionalResponsibilities is true',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  whenUnavailable?: string | null;
}

export class CreateReferralDto {
  @ApiProperty({ type: [ReferralPathwayDto] })
  @NestedArray(() => ReferralPathwayDto)
  @ArrayMinSize(1, { message: 'pathways must name at least one pathway' })
  @ArrayMaxSize(8)
  pathways!: ReferralPathwayDto[];

  @ApiPropertyOptional({ type: RiskInformationDto, description: 'Needed before sending; a draft may lack it' })
  @IsOptional()
  @NestedObject(() => RiskInformationDto)
  riskInformation?: RiskInformationDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  additionalInformation?: string;

  @ApiPropertyOptional({ type: NeedsAndRequirementsDto })
  @IsOptional()
  @NestedObject(() => NeedsAndRequirementsDto)
  needsAndRequirements?: NeedsAndRequirementsDto;
}

export class UpdateReferralDto {
  @ApiPropertyOptional({ type: [ReferralPathwayDto] })
  @IsOptional()
  @NestedArray(() => ReferralPathwayDto)
  @ArrayMinSize(1, { message: 'pathways must name at least one pathway' })
  @ArrayMaxSize(8)
  pathways?: ReferralPathwayDto[];

  @ApiPropertyOptional({ type: RiskInformationDto })
  @IsOptional()
  @NestedObject(() => RiskInformationDto)
  riskInformation?: RiskInformationDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  additionalInformation?: string;

  @ApiPropertyOptional({ type: NeedsAndRequirementsDto, description: 'Fields left out keep their value' })
  @IsOptional()
  @NestedObject(() => NeedsAndRequirementsDto)
  needsAndRequirements?: NeedsAndRequirementsDto;

  @ApiProperty({ description: 'The version you read; refused with 409 if it changed since' })
  @IsInt()
  @Min(1)
  @Max(POSTGRES_INT_MAX)
  version!: number;
}

export class ListReferralsQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: ReferralStatus })
  @IsOptional()
  @IsEnum(ReferralStatus)
  status?: ReferralStatus;

  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'womanId must be a UUID' })
  womanId?: string;

  @ApiPropertyOptional({ description: '"me": only referrals assigned to me' })
  @IsOptional()
  @IsIn(['me'], { message: 'caseworker must be "me"' })
  caseworker?: 'me';
}

/** The version the caller read, for actions that need nothing else. */
export class ReferralVersionDto {
  @ApiPropertyOptional({ description: 'If given, the action is refused with 409 when the referral changed since' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(POSTGRES_INT_MAX)
  version?: number;
}

/** Free text beside a code: required only for the "other" codes, which say nothing by themselves. */
class CodedReasonDto extends ReferralVersionDto {
  @ApiPropertyOptional({ description: 'What happened; required when the code is ANO (withdrawal) or OTHER (return)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class WithdrawReferralDto extends CodedReasonDto {
  @ApiProperty({
    enum: WITHDRAWAL_REASON_CODES,
    description: 'Withdrawal reason code of HMPPS Refer and Monitor an Intervention; see WITHDRAWAL_REASONS',
  })
  @IsIn(WITHDRAWAL_REASON_CODES, { message: `reasonCode must be one of: ${WITHDRAWAL_REASON_CODES.join(', ')}` })
  reasonCode!: string;
}

export class ReturnReferralDto extends CodedReasonDto {
  @ApiProperty({ enum: RETURN_REASON_CODES, description: 'Why the provider cannot start it' })
  @IsIn(RETURN_REASON_CODES, { message: `reasonCode must be one of: ${RETURN_REASON_CODES.join(', ')}` })
  reasonCode!: string;
}

export class BookAssessmentDto extends ReferralVersionDto {
  @ApiProperty({ format: 'date-time', description: 'When the assessment is, ISO 8601 date and time' })
  @IsISO8601({ strict: true }, { message: 'assessmentAt must be an ISO 8601 date and time' })
  assessmentAt!: string;
}

export class SubmitActionPlanDto extends ReferralVersionDto {
  @ApiProperty()
  @IsString()
  @MinLength(10, { message: 'actionPlan must say what will be done' })
  @MaxLength(10000)
  actionPlan!: string;
}

export class OutcomeDto {
  @ApiProperty({ enum: CRS_PATHWAYS })
  @IsIn(CRS_PATHWAYS)
  pathway!: Pathway;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  desiredOutcome!: string;

  @ApiProperty({ enum: ReferralOutcome })
  @IsEnum(ReferralOutcome, { message: 'outcome must be ACHIEVED, PARTIALLY_ACHIEVED or NOT_ACHIEVED' })
  outcome!: ReferralOutcome;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class EndReferralDto extends ReferralVersionDto {
  @ApiProperty({ description: 'The end-of-service report summary' })
  @IsString()
  @MinLength(10, { message: 'summary must describe the support given' })
  @MaxLength(10000)
  summary!: string;

  @ApiProperty({ type: [OutcomeDto] })
  @NestedArray(() => OutcomeDto)
  @ArrayMinSize(1, { message: 'outcomes must give an outcome for each desired outcome' })
  outcomes!: OutcomeDto[];
}
