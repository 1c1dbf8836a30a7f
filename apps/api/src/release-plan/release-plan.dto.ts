import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PLAN_LANGUAGES, type PlanLanguage } from '@app/domain';
import { NestedObject } from '../common/nested.decorator';

/** What the team ticks in for her copy: nothing by default. */
export class ReleasePlanIncludesDto {
  @ApiPropertyOptional({
    description: 'Staff names beside their roles (by role and organisation otherwise)',
    default: false,
  })
  @IsOptional()
  @IsBoolean({ message: 'include.staffNames must be true or false' })
  staffNames?: boolean;

  @ApiPropertyOptional({
    description:
      'Special category details for her copy only: the domestic abuse, sex work and health needs, health appointments, medication and safe space',
    default: false,
  })
  @IsOptional()
  @IsBoolean({ message: 'include.specialCategory must be true or false' })
  specialCategory?: boolean;
}

export class PrintReleasePlanDto {
  @ApiProperty({ enum: PLAN_LANGUAGES, description: 'en (English) or cy (Welsh)', example: 'en' })
  @IsIn(PLAN_LANGUAGES, { message: 'language must be en (English) or cy (Welsh)' })
  language!: PlanLanguage;

  @ApiPropertyOptional({ type: ReleasePlanIncludesDto })
  @IsOptional()
  @NestedObject(() => ReleasePlanIncludesDto)
  include?: ReleasePlanIncludesDto;
}
