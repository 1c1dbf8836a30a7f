import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsISO8601, IsOptional, ValidateNested } from 'class-validator';
import { AssessmentKind, AssessmentMethod } from '@app/domain';
import { PathwayOutcomeDto } from '../pathways/pathway-status.dto';

export class RecordAssessmentDto {
  @ApiProperty({ enum: AssessmentKind })
  @IsEnum(AssessmentKind)
  kind!: AssessmentKind;

  @ApiProperty({ enum: AssessmentMethod, description: 'Face to face is expected; phone assessments are reported' })
  @IsEnum(AssessmentMethod)
  method!: AssessmentMethod;

  @ApiPropertyOptional({ description: 'When it took place (default: now); not in the future' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'assessedAt must be an ISO 8601 date-time' })
  assessedAt?: string;

  @ApiProperty({ type: [PathwayOutcomeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(9)
  @ValidateNested({ each: true })
  @Type(() => PathwayOutcomeDto)
  outcomes!: PathwayOutcomeDto[];
}
