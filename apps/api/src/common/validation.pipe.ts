/**
 * The global validation pipe: text PostgreSQL cannot store is refused in every body, query and path parameter,
 * unknown fields are refused, types are converted, and every error names its field.
 */
import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { findUnstorableText } from './storable-text';
import { badRequest, flattenValidationErrors } from './validation-errors';

const CHECKED: ArgumentMetadata['type'][] = ['body', 'query', 'param'];

export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => badRequest(flattenValidationErrors(errors)),
    });
  }

  /**
   * One rule for every input, before any DTO: a DTO can forget a check, a path parameter has no DTO at all, and
   * a handler must never be the first to find a NUL (PostgreSQL would, mid-transaction, as a 500).
   */
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (CHECKED.includes(metadata.type)) {
      const problems = findUnstorableText(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
      if (problems.length > 0) {
        throw badRequest(
          problems.map(({ field, problem }) => {
            const named = field || metadata.type;
            return { field: named, messages: [`${named} ${problem}`] };
          }),
        );
      }
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe();
}
