/** The global validation pipe: unknown fields are refused, types are converted, every error names its field. */
import { ValidationPipe } from '@nestjs/common';
import { badRequest, flattenValidationErrors } from './validation-errors';

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => badRequest(flattenValidationErrors(errors)),
  });
}
