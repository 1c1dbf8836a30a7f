import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { MAX_KEYWORK_FREQUENCY_WEEKS, MIN_KEYWORK_FREQUENCY_WEEKS } from '@app/domain';
import { IsIsoDate } from '../common/is-iso-date.decorator';

/** That a session took place. No content: what was said is a case note in the prison's own systems. */
export class RecordKeyworkSessionDto {
  @ApiProperty({ description: 'The day of the session (YYYY-MM-DD), today or earlier', example: '2026-11-30' })
  @IsIsoDate()
  sessionOn!: string;

  @ApiPropertyOptional({ description: 'Defaults to the keyworker named on her record', example: 'Kim Officer' })
  @IsOptional()
  @IsString()
  @MinLength(2, { message: 'keyworkerName must be a name' })
  @MaxLength(200)
  keyworkerName?: string;
}

export class SetKeyworkTargetDto {
  @ApiProperty({ description: 'A session every this many weeks', minimum: 1, maximum: 12, example: 1 })
  @IsInt({ message: 'frequencyWeeks must be a whole number of weeks' })
  @Min(MIN_KEYWORK_FREQUENCY_WEEKS, { message: 'frequencyWeeks must be at least 1' })
  @Max(MAX_KEYWORK_FREQUENCY_WEEKS, { message: 'frequencyWeeks must be at most 12' })
  frequencyWeeks!: number;
}
