import { ApiProperty } from '@nestjs/swagger';
import { ValidationOptions, registerDecorator } from 'class-validator';
import { isValidIsoDate } from '@app/domain';

/** A real calendar date written YYYY-MM-DD, documented as a string of format date (nullable or not). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: propertyName.toString(),
      options: { message: `${propertyName.toString()} must be a real date written YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidIsoDate(value) },
    });
    // Without the type, a `string | null` field is documented as an object (its design type).
    ApiProperty({ type: String, format: 'date' })(target, propertyName);
  };
}
