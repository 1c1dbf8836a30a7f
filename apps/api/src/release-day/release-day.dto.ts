import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsEnum,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { AppointmentKind, ChecklistState } from '@app/domain';
import { NestedArray, NestedObject } from '../common/nested.decorator';
import { POSTGRES_INT_MAX } from '../common/postgres-limits';

export class ChecklistDto {
  @ApiPropertyOptional({ enum: ChecklistState })
  @IsOptional()
  @IsEnum(ChecklistState)
  mobilePhone?: ChecklistState;

  @ApiPropertyOptional({ enum: ChecklistState, description: 'For women unlikely to cope on the day' })
  @IsOptional()
  @IsEnum(ChecklistState)
  gatePickUp?: ChecklistState;

  @ApiPropertyOptional({ enum: ChecklistState })
  @IsOptional()
  @IsEnum(ChecklistState)
  travel?: ChecklistState;

  @ApiPropertyOptional({ enum: ChecklistState })
  @IsOptional()
  @IsEnum(ChecklistState)
  medicationSupply?: ChecklistState;

  @ApiPropertyOptional({ enum: ChecklistState })
  @IsOptional()
  @IsEnum(ChecklistState)
  safeSpace?: ChecklistState;
}

export class UpdateReleaseDayPlanDto {
  @ApiPropertyOptional({ type: ChecklistDto })
  @IsOptional()
  @NestedObject(() => ChecklistDto)
  checklist?: ChecklistDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;

  @ApiPropertyOptional({ description: 'The version you read (absent for a first plan)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(POSTGRES_INT_MAX)
  version?: number;
}

export class AddAppointmentDto {
  @ApiProperty({ enum: AppointmentKind })
  @IsEnum(AppointmentKind)
  kind!: AppointmentKind;

  @ApiProperty({ format: 'date-time', description: 'ISO 8601 date and time with offset' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO 8601 date and time' })
  startsAt!: string;

  @ApiProperty({ example: 60 })
  @IsInt()
  @Min(5)
  @Max(480)
  durationMinutes!: number;

  @ApiProperty({ example: 'Wythenshawe probation office' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  place!: string;

  @ApiProperty({ example: 'Manchester' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  town!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class TravelTimeDto {
  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  fromTown!: string;

  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  toTown!: string;

  @ApiProperty({ description: 'Minutes by public transport' })
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes!: number;
}

export class ReplaceTravelTimesDto {
  @ApiProperty({ type: [TravelTimeDto] })
  @NestedArray(() => TravelTimeDto)
  @ArrayMaxSize(5000)
  rows!: TravelTimeDto[];
}
