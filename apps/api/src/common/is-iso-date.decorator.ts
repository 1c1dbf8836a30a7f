import { ValidationOptions, registerDecorator } from 'class-validator';
import { isValidIsoDate } from '@app/domain';

/** A real calendar date written YYYY-MM-DD. */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: propertyName.toString(),
      options: { message: `${propertyName.toString()} must be a real date written YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidIsoDate(value) },
    });
  };
}
