import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

/** Contact details and message preferences; only the fields sent change. null clears an address. */
export class UpdateUserSettingsDto {
  @ApiPropertyOptional({ type: String, nullable: true, format: 'email' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'A UK mobile number, e.g. 07700 900123' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(32)
  mobile?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  notifyByEmail?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  notifyBySms?: boolean;

  @ApiPropertyOptional({ description: 'Send me alerts on tasks I have claimed' })
  @IsOptional()
  @IsBoolean()
  notifyClaimedTasks?: boolean;
}
