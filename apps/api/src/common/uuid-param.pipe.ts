import { ParseUUIDPipe } from '@nestjs/common';
import { fieldError } from './validation-errors';

/** Parses a path parameter that must be a UUID; a bad one is a 400 naming the parameter. */
export function uuidParam(field: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ version: '4', exceptionFactory: () => fieldError(field, `${field} must be a UUID`) });
}
