import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PRISON_CODES, PRISON_NUMBER_PATTERN, RECALL_MOVEMENT_REASONS } from '@app/domain';
import { HasTextFields } from '../common/has-text-fields.decorator';
import { IsIsoDate } from '../common/is-iso-date.decorator';
import { NestedArray, NestedObject } from '../common/nested.decorator';

const PRISON_MESSAGE = `prisonCode must be one of the women's prisons: ${PRISON_CODES.join(', ')}`;

export class RecallDto {
  @ApiProperty({ enum: PRISON_CODES, description: 'Where she has been taken back into custody' })
  @IsIn(PRISON_CODES, { message: PRISON_MESSAGE })
  prisonCode!: string;

  @ApiProperty({ enum: RECALL_MOVEMENT_REASONS, description: 'NOMIS movement reason code of the recall' })
  @IsIn(RECALL_MOVEMENT_REASONS, {
    message: `movementReason must be a recall reason: ${RECALL_MOVEMENT_REASONS.join(', ')}`,
  })
  movementReason!: string;

  @ApiPropertyOptional({ description: 'The day she arrived; defaults to today' })
  @IsOptional()
  @IsIsoDate()
  receptionDate?: string;

  @ApiPropertyOptional({ description: 'Her new release date, if the prison has confirmed it' })
  @IsOptional()
  @IsIsoDate()
  confirmedReleaseDate?: string;

  /**
   * A recalled woman's release date is her post-recall release date: her CRD belongs to the release she was
   * recalled from, so a recall takes no CRD (ministryofjustice/prison-api SentenceCalcDates: PRRD and its override).
   */
  @ApiPropertyOptional({
    description:
      'Post-recall release date (PRRD) as calculated; leave it out when there is none yet (a standard recall)',
  })
  @IsOptional()
  @IsIsoDate()
  postRecallReleaseDate?: string;

  @ApiPropertyOptional({ description: "PRRD override set by the prison's calculation: beats the calculated PRRD" })
  @IsOptional()
  @IsIsoDate()
  postRecallReleaseOverrideDate?: string;
}

/**
 * A recall recorded by the receiving prison on reception's evidence: her prison number, surname and date of
 * birth as reception has them (the fields of HMPPS prisoner search's MatchRequest: nomsNumber, lastName,
 * dateOfBirth), and the recall itself.
 */
export class RecallOnReceptionDto extends RecallDto {
  @ApiProperty({ example: 'A1234BC', description: 'Her prison (NOMS) number' })
  @Matches(new RegExp(PRISON_NUMBER_PATTERN.source, 'i'), {
    message: 'prisonNumber must be one letter, four digits and two letters, e.g. A1234BC',
  })
  prisonNumber!: string;

  @ApiProperty({ description: 'Her surname as reception has it' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName!: string;

  @ApiProperty({ example: '1990-05-17' })
  @IsIsoDate()
  dateOfBirth!: string;
}

export class TransferDto {
  @ApiProperty({ enum: PRISON_CODES })
  @IsIn(PRISON_CODES, { message: PRISON_MESSAGE })
  prisonCode!: string;

  @ApiPropertyOptional({ description: 'Why she moved: kept with each open referral that follows her' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ReleaseDto {
  @ApiPropertyOptional({ description: 'The day she walked out; defaults to today' })
  @IsOptional()
  @IsIsoDate()
  releasedOn?: string;
}

class HmppsIdentifierDto {
  @ApiProperty({ example: 'NOMS' })
  @IsString()
  @MaxLength(20)
  type!: string;

  @ApiProperty({ example: 'A1234BC' })
  @IsString()
  @MaxLength(40)
  value!: string;
}

class HmppsPersonReferenceDto {
  @ApiPropertyOptional({ type: [HmppsIdentifierDto] })
  @IsOptional()
  @NestedArray(() => HmppsIdentifierDto)
  @ArrayMaxSize(20)
  identifiers?: HmppsIdentifierDto[];
}

/** The fields of additionalInformation that Resettle reads; HMPPS may send others, which are kept as sent. */
const HMPPS_INFORMATION_FIELDS = ['nomsNumber', 'prisonId', 'reason', 'nomisMovementReasonCode', 'details'] as const;

/** An HMPPS domain event as the prison-offender-events topic publishes it, plus its message id. */
export class HmppsDomainEventDto {
  @ApiProperty({
    example: 'b2f4c7e0-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
    description: 'The message id: a redelivery with the same id is recorded once and applied once',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'eventId may hold letters, digits and . _ : -' })
  eventId!: string;

  @ApiProperty({ example: 'prison-offender-events.prisoner.received' })
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  eventType!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'occurredAt must be an ISO 8601 date and time' })
  occurredAt!: string;

  @ApiPropertyOptional({
    type: 'object',
    properties: Object.fromEntries(HMPPS_INFORMATION_FIELDS.map((field) => [field, { type: 'string' }])),
    additionalProperties: true,
    description: 'What HMPPS says of the movement; other fields are kept as sent',
  })
  @IsOptional()
  @IsObject()
  @HasTextFields(HMPPS_INFORMATION_FIELDS)
  additionalInformation?: Partial<Record<(typeof HMPPS_INFORMATION_FIELDS)[number], string>>;

  @ApiPropertyOptional({ type: HmppsPersonReferenceDto })
  @IsOptional()
  @NestedObject(() => HmppsPersonReferenceDto)
  personReference?: HmppsPersonReferenceDto;
}
