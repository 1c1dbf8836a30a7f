import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsISO8601, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_SESSION_MINUTES, MIN_SESSION_MINUTES, SessionAttendance, SessionDeliveryMethod } from '@app/domain';
import { POSTGRES_INT_MAX } from '../common/postgres-limits';

export class BookSessionDto {
  @ApiProperty({ format: 'date-time', description: 'When the session starts, ISO 8601 date and time, in the future' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO 8601 date and time' })
  startsAt!: string;

  @ApiProperty({ minimum: MIN_SESSION_MINUTES, maximum: MAX_SESSION_MINUTES })
  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(MIN_SESSION_MINUTES)
  @Max(MAX_SESSION_MINUTES)
  durationMinutes!: number;

  @ApiProperty({ enum: SessionDeliveryMethod })
  @IsEnum(SessionDeliveryMethod, {
    message: `method must be one of ${Object.values(SessionDeliveryMethod).join(', ')}`,
  })
  method!: SessionDeliveryMethod;

  @ApiPropertyOptional({ description: 'The address or place of an in-person session' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  place?: string;
}

export class RescheduleSessionDto extends BookSessionDto {
  @ApiProperty({ description: 'The session version you read: refused with 409 if it changed since' })
  @IsInt()
  @Min(1)
  @Max(POSTGRES_INT_MAX)
  version!: number;
}

export class RecordAttendanceDto {
  @ApiProperty({ description: 'The session version you read: refused with 409 if it changed since' })
  @IsInt()
  @Min(1)
  @Max(POSTGRES_INT_MAX)
  version!: number;

  @ApiProperty({ enum: SessionAttendance, description: 'Did she attend: YES, LATE or NO' })
  @IsEnum(SessionAttendance, { message: 'attendance must be YES, LATE or NO' })
  attendance!: SessionAttendance;

  @ApiPropertyOptional({ description: 'Why she was late or did not attend (needed when she did not)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  attendanceReason?: string;

  @ApiPropertyOptional({ description: 'What was done in the session (needed when she attended)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  sessionSummary?: string;

  @ApiPropertyOptional({ description: 'How she responded to the session' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  sessionResponse?: string;

  @ApiPropertyOptional({ description: 'Whether to tell her COM of a concern (then give concernDetails)' })
  @IsOptional()
  @IsBoolean({ message: 'concernRaised must be true or false' })
  concernRaised?: boolean;

  @ApiPropertyOptional({ description: 'The concern her COM is told of' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  concernDetails?: string;
}
