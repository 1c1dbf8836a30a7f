import { ValidationOptions, registerDecorator } from 'class-validator';

/**
 * An open object (its sender may add fields) whose named fields, when present, are text. For payloads we do not
 * own, such as an HMPPS event's additionalInformation: refusing fields we do not know would refuse the next
 * version of the event, but a field we read must be a string, not a list or a number that breaks the reader.
 */
export function HasTextFields(fields: readonly string[], options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    const name = propertyName.toString();
    registerDecorator({
      name: 'hasTextFields',
      target: target.constructor,
      propertyName: name,
      constraints: [fields],
      options: { message: `${name}.${fields.join(`, ${name}.`)} must be text when present`, ...options },
      validator: {
        validate: (value: unknown) =>
          value !== null &&
          typeof value === 'object' &&
          !Array.isArray(value) &&
          fields.every((field) => {
            const member = (value as Record<string, unknown>)[field];
            return member === undefined || typeof member === 'string';
          }),
      },
    });
  };
}
