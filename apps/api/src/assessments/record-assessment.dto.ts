import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsISO8601, IsOptional } from 'class-validator';
import { AssessmentKind, AssessmentMethod } from '@app/domain';
import { PathwayOutcomeDto } from '../pathways/pathway-status.dto';
import { NestedArray } from '../common/nested.decorator';

export class RecordAssessmentDto {
  @ApiProperty({ enum: AssessmentKind })
  @IsEnum(AssessmentKind)
  kind!: AssessmentKind;

  @ApiProperty({ enum: AssessmentMethod, description: 'Face to face is expected; phone assessments are reported' })
  @IsEnum(AssessmentMethod)
  method!: AssessmentMethod;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it took place (default: now); not in the future' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'assessedAt must be an ISO 8601 date-time' })
  assessedAt?: string;

  @ApiProperty({ type: [PathwayOutcomeDto] })
  @NestedArray(() => PathwayOutcomeDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(9)
  outcomes!: PathwayOutcomeDto[];
}
