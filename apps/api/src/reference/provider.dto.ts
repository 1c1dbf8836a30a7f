import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

export class CreateProviderDto {
  @ApiProperty({ example: 'Northern Women’s Resettlement Partnership' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'NWR', description: 'Suffix of the provider’s referral references' })
  @Matches(/^[A-Z]{2,8}$/, { message: 'contractSuffix must be 2 to 8 capital letters' })
  contractSuffix!: string;

  @ApiProperty({ description: 'Whether the pre-release team may refer directly, without waiting on the COM' })
  @IsBoolean()
  allowsDirectReferral!: boolean;
}

export class UpdateProviderDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'NWR' })
  @IsOptional()
  @Matches(/^[A-Z]{2,8}$/, { message: 'contractSuffix must be 2 to 8 capital letters' })
  contractSuffix?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  allowsDirectReferral?: boolean;
}

export class AssignAreaProviderDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The provider now holding the contract for this area, or null',
  })
  @ValidateIf((_, value) => value !== null)
  @IsUUID('4', { message: 'providerId must be a provider id (UUID) or null' })
  providerId!: string | null;
}
