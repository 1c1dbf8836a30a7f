import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { fieldError } from './validation-errors';

/** Parses a path parameter that must be a UUID; a bad one is a 400 naming the parameter. */
export function uuidParam(field: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ version: '4', exceptionFactory: () => fieldError(field, `${field} must be a UUID`) });
}

/**
 * A path parameter that holds an id: parsed by uuidParam, and documented as format uuid so that clients (and the
 * bad-input test generated from the document) know it is one.
 */
export function UuidParam(name: string): ParameterDecorator {
  return (target, method, index) => {
    Param(name, uuidParam(name))(target, method, index);
    if (method === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, method);
    if (descriptor) ApiParam({ name, type: String, format: 'uuid' })(target, method, descriptor);
  };
}
