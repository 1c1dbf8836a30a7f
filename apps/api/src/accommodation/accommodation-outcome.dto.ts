import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { AccommodationCheckpoint, AccommodationType } from '@app/domain';

export class RecordAccommodationOutcomeDto {
  @ApiProperty({ enum: AccommodationCheckpoint })
  @IsEnum(AccommodationCheckpoint, {
    message: `checkpoint must be one of ${Object.values(AccommodationCheckpoint).join(', ')}`,
  })
  checkpoint!: AccommodationCheckpoint;

  @ApiProperty({
    enum: AccommodationType,
    description: 'Where she slept that night, or where she is living at 12 weeks',
  })
  @IsEnum(AccommodationType, {
    message: `accommodationType must be one of ${Object.values(AccommodationType).join(', ')}`,
  })
  accommodationType!: AccommodationType;
}
