import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { PreferredLanguage } from '@app/contracts';

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

  @ApiPropertyOptional({ enum: PreferredLanguage, description: "The web app's language: en (English) or cy (Cymraeg)" })
  @IsOptional()
  @IsEnum(PreferredLanguage, { message: 'preferredLanguage must be en or cy' })
  preferredLanguage?: PreferredLanguage;
}
