import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Pathway, PathwayStatus } from '@app/domain';

export class SetPathwayStatusDto {
  @ApiProperty({ enum: PathwayStatus })
  @IsEnum(PathwayStatus)
  status!: PathwayStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class PathwayOutcomeDto extends SetPathwayStatusDto {
  @ApiProperty({ enum: Pathway })
  @IsEnum(Pathway)
  pathway!: Pathway;
}
