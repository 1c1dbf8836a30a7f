import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  Complexity,
  CustodyStatus,
  PRISON_CODES,
  PRISON_NUMBER_PATTERN,
  ReleaseType,
  SensitiveFlag,
} from '@app/domain';
import { IsIsoDate } from '../common/is-iso-date.decorator';
import { PaginationQueryDto } from '../common/pagination.dto';
import { POSTGRES_INT_MAX } from '../common/postgres-limits';

const nullable = (_: object, value: unknown): boolean => value !== null;

/** The release and eligibility dates HMPPS holds; any may be null (unknown). */
export class ReleaseDatesDto {
  @ApiPropertyOptional({ example: '2027-03-12', nullable: true, description: 'Conditional release date (CRD)' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  conditionalReleaseDate?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Automatic release date (ARD)' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  automaticReleaseDate?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Parole eligibility date (PED)' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  paroleEligibilityDate?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Home detention curfew eligibility date (HDCED)' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  hdcEligibilityDate?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'HDC actual date (HDCAD)' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  hdcActualDate?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Actual parole date (APD)' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  actualParoleDate?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Confirmed release date: wins over every other date' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  confirmedReleaseDate?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: "CRD override set by the prison's calculation: beats the calculated CRD",
  })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  conditionalReleaseOverrideDate?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: "ARD override set by the prison's calculation: beats the calculated ARD",
  })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  automaticReleaseOverrideDate?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Non-parole date (NPD)' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  nonParoleDate?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: "NPD override set by the prison's calculation: beats the calculated NPD",
  })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  nonParoleOverrideDate?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: "Post-recall release date (PRRD): a recalled woman's release date",
  })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  postRecallReleaseDate?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: "PRRD override set by the prison's calculation: beats the calculated PRRD",
  })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  postRecallReleaseOverrideDate?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Sentence expiry date (SED)' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  sentenceExpiryDate?: string | null;

  @ApiPropertyOptional({ nullable: true, description: "SED override set by the prison's calculation" })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  sentenceExpiryOverrideDate?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Licence expiry date (LED)' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  licenceExpiryDate?: string | null;

  @ApiPropertyOptional({ nullable: true, description: "LED override set by the prison's calculation" })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  licenceExpiryOverrideDate?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Sentence and licence expiry date (SLED): SED and LED on one day; send it or them',
  })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  sentenceAndLicenceExpiryDate?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Top-up supervision expiry date (TUSED)' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  topupSupervisionExpiryDate?: string | null;
}

export class CreateWomanDto extends ReleaseDatesDto {
  @ApiProperty({ example: 'A1234BC' })
  @Matches(PRISON_NUMBER_PATTERN, {
    message: 'prisonNumber must be one letter, four digits and two letters, e.g. A1234BC',
  })
  prisonNumber!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  firstName!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName!: string;

  @ApiProperty({ example: '1990-05-17' })
  @IsIsoDate()
  dateOfBirth!: string;

  @ApiProperty({ enum: PRISON_CODES })
  @IsIn(PRISON_CODES, { message: `prisonCode must be one of the women's prisons: ${PRISON_CODES.join(', ')}` })
  prisonCode!: string;

  @ApiProperty({ enum: CustodyStatus })
  @IsEnum(CustodyStatus)
  custodyStatus!: CustodyStatus;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  sentenceStartDate?: string | null;

  @ApiProperty({ description: 'The day she arrived in custody' })
  @IsIsoDate()
  receptionDate!: string;

  @ApiPropertyOptional({
    description:
      'An indeterminate sentence (life, IPP): left out of the Friday and pre-bank-holiday release rule (default false)',
  })
  @IsOptional()
  @IsBoolean()
  indeterminateSentence?: boolean;

  @ApiPropertyOptional({ enum: ReleaseType, nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsEnum(ReleaseType)
  releaseType?: ReleaseType | null;

  @ApiProperty({ example: 'GREATER_MANCHESTER' })
  @IsString()
  @MaxLength(40)
  releaseAreaCode!: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID('4')
  pomId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID('4')
  comId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(200)
  keyworkerName?: string | null;

  @ApiProperty({ enum: Complexity })
  @IsEnum(Complexity)
  complexity!: Complexity;

  @ApiPropertyOptional({ enum: SensitiveFlag, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsEnum(SensitiveFlag, { each: true })
  sensitiveFlags?: SensitiveFlag[];
}

export class UpdateWomanDto extends ReleaseDatesDto {
  @ApiPropertyOptional({ description: 'The version you read; the update is refused with 409 if she changed since' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(POSTGRES_INT_MAX)
  version?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  firstName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  dateOfBirth?: string;

  @ApiPropertyOptional({
    description: 'Whether she has a National Insurance number (the board warns when not and time is short)',
  })
  @IsOptional()
  @IsBoolean()
  hasNationalInsuranceNumber?: boolean;

  @ApiPropertyOptional({ enum: CustodyStatus })
  @IsOptional()
  @IsEnum(CustodyStatus)
  custodyStatus?: CustodyStatus;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsIsoDate()
  sentenceStartDate?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  receptionDate?: string;

  @ApiPropertyOptional({
    description:
      'An indeterminate sentence (life, IPP): left out of the Friday and pre-bank-holiday release rule (default false)',
  })
  @IsOptional()
  @IsBoolean()
  indeterminateSentence?: boolean;

  @ApiPropertyOptional({ enum: ReleaseType, nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsEnum(ReleaseType)
  releaseType?: ReleaseType | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  releaseAreaCode?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID('4')
  pomId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID('4')
  comId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(200)
  keyworkerName?: string | null;

  @ApiPropertyOptional({ enum: Complexity })
  @IsOptional()
  @IsEnum(Complexity)
  complexity?: Complexity;

  @ApiPropertyOptional({ enum: SensitiveFlag, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsEnum(SensitiveFlag, { each: true })
  sensitiveFlags?: SensitiveFlag[];
}

/** Her COM asks that she go one more working day early (CJA 1961 s.23(3B); HMPPS policy framework). */
export class ReleaseDayRequestDto {
  @ApiProperty({
    description: 'How one more working day helps her resettlement (e.g. an appointment that only that day allows)',
    example:
      'Her housing appointment in Manchester is on the Wednesday; Thursday is too late to move in before the weekend',
  })
  @IsString()
  @Matches(/\S/, { message: 'reason must say why one more working day helps her resettlement' })
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({ description: 'The version you read; the request is refused with 409 if she changed since' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(POSTGRES_INT_MAX)
  version?: number;
}

export const RELEASE_WINDOWS = ['12w', '24w', 'all'] as const;
export type ReleaseWindow = (typeof RELEASE_WINDOWS)[number];

export class ListWomenQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: PRISON_CODES })
  @IsOptional()
  @IsIn(PRISON_CODES, { message: `prison must be one of the women's prisons: ${PRISON_CODES.join(', ')}` })
  prison?: string;

  @ApiPropertyOptional({
    enum: RELEASE_WINDOWS,
    default: 'all',
    description: 'Release within 12 weeks, 24 weeks, or all',
  })
  @IsOptional()
  @IsIn(RELEASE_WINDOWS, { message: `window must be one of ${RELEASE_WINDOWS.join(', ')}` })
  window?: ReleaseWindow;
}
