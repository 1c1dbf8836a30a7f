import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
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
} from 'class-validator';
import { PRISON_CODES, Pathway, Role, ScheduleState, TaskStatus } from '@app/domain';
import { PaginationQueryDto } from '../common/pagination.dto';
import { POSTGRES_INT_MAX } from '../common/postgres-limits';

export class ListTasksQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: PRISON_CODES })
  @IsOptional()
  @IsIn(PRISON_CODES, { message: `prison must be one of the women's prisons: ${PRISON_CODES.join(', ')}` })
  prison?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'Tasks of women released to this CRS provider’s areas',
  })
  @IsOptional()
  @IsUUID('4', { message: 'provider must be a provider id (UUID)' })
  provider?: string;

  @ApiPropertyOptional({ description: '"me" or a user id' })
  @IsOptional()
  @Matches(/^(me|[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/i, {
    message: 'assignee must be "me" or a user id (UUID)',
  })
  assignee?: string;

  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role)
  ownerRole?: Role;

  @ApiPropertyOptional({ enum: Pathway })
  @IsOptional()
  @IsEnum(Pathway)
  pathway?: Pathway;

  @ApiPropertyOptional({ enum: ScheduleState })
  @IsOptional()
  @IsEnum(ScheduleState)
  scheduleState?: ScheduleState;

  @ApiPropertyOptional({ enum: TaskStatus })
  @IsOptional()
  @IsEnum(TaskStatus)
  status?: TaskStatus;

  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'womanId must be a UUID' })
  womanId?: string;
}

export class ChangeTaskStatusDto {
  @ApiProperty({ enum: TaskStatus })
  @IsEnum(TaskStatus)
  status!: TaskStatus;

  @ApiPropertyOptional({ description: 'Required when BLOCKED: what is in the way' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiProperty({ description: 'The version you read; refused with 409 if the task changed since' })
  @IsInt()
  @Min(1)
  @Max(POSTGRES_INT_MAX)
  version!: number;
}

export class AddTaskNoteDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  body!: string;
}
