import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PRISON_CODES } from '@app/domain';

export class ListAlertsQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'true', description: 'Only alerts nobody has acknowledged' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'open must be true or false' })
  open?: 'true' | 'false';

  @ApiPropertyOptional({ enum: PRISON_CODES })
  @IsOptional()
  @IsIn(PRISON_CODES, { message: `prison must be one of the women's prisons: ${PRISON_CODES.join(', ')}` })
  prison?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Only the alerts on this woman’s tasks' })
  @IsOptional()
  @IsUUID('4', { message: 'womanId must be a UUID' })
  womanId?: string;
}
