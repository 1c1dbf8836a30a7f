/** One shape for every 400: a message naming the fields, and the fields with what is wrong with each. */
import { BadRequestException, HttpStatus } from '@nestjs/common';
import { ValidationError } from 'class-validator';

export interface FieldError {
  field: string;
  messages: string[];
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function badRequest(fields: FieldError[]): BadRequestException {
  const names = fields.map((f) => f.field).join(', ');
  return new BadRequestException({
    statusCode: HttpStatus.BAD_REQUEST,
    error: 'Bad Request',
    message: `Invalid ${names}: ${fields.map((f) => f.messages.join('; ')).join('; ')}`,
    fields,
  });
}

export function fieldError(field: string, message: string): BadRequestException {
  return badRequest([{ field, messages: [message] }]);
}

/** A 400 from rule checks that each name a field (release dates, a referral not ready to send). */
export function problemsError(problems: { field: string; message: string }[]): BadRequestException {
  return badRequest(problems.map((p) => ({ field: p.field, messages: [p.message] })));
}
