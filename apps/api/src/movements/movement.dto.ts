import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PRISON_CODES, PRISON_NUMBER_PATTERN, RECALL_MOVEMENT_REASONS } from '@app/domain';
import { IsIsoDate } from '../common/is-iso-date.decorator';

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

  @ApiPropertyOptional({ description: 'Her new release date, if the recall has one yet' })
  @IsOptional()
  @IsIsoDate()
  confirmedReleaseDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  conditionalReleaseDate?: string;
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
}

export class ReleaseDto {
  @ApiPropertyOptional({ description: 'The day she walked out; defaults to today' })
  @IsOptional()
  @IsIsoDate()
  releasedOn?: string;
}

class HmppsIdentifierDto {
  @IsString()
  @MaxLength(20)
  type!: string;

  @IsString()
  @MaxLength(40)
  value!: string;
}

class HmppsPersonReferenceDto {
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => HmppsIdentifierDto)
  identifiers?: HmppsIdentifierDto[];
}

/** An HMPPS domain event as the prison-offender-events topic publishes it, plus its message id. */
export class HmppsDomainEventDto {
  @ApiProperty({ description: 'The message id: a redelivery with the same id is recorded once and applied once' })
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

  @ApiProperty()
  @IsISO8601({ strict: true }, { message: 'occurredAt must be an ISO 8601 date and time' })
  occurredAt!: string;

  @ApiPropertyOptional({ description: 'nomsNumber, prisonId, reason, nomisMovementReasonCode' })
  @IsOptional()
  @IsObject()
  additionalInformation?: Record<string, string>;

  @ApiPropertyOptional()
  @IsOptional()
  @ValidateNested()
  @Type(() => HmppsPersonReferenceDto)
  personReference?: HmppsPersonReferenceDto;
}
