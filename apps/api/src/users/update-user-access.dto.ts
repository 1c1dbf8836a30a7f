import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { PRISON_CODES, REGION_CODES } from '@app/domain';

export class UpdateUserAccessDto {
  @ApiPropertyOptional({ description: 'false withdraws the account at once: tokens and sockets stop working' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: PRISON_CODES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(PRISON_CODES, { each: true, message: `prisonCodes must hold women's prisons: ${PRISON_CODES.join(', ')}` })
  prisonCodes?: string[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('4', { message: 'providerId must be a provider id (UUID) or null' })
  providerId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Her team: a prison code, a release area code, or a provider id',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(64)
  teamKey?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isManager?: boolean;

  @ApiPropertyOptional({
    enum: REGION_CODES,
    nullable: true,
    description: 'A regional manager’s region: her prisons become the region’s prisons',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(REGION_CODES, { message: `regionCode must be one of ${REGION_CODES.join(', ')}` })
  regionCode?: string | null;
}
