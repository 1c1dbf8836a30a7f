/**
 * Validation for a field that holds an object, or a list of objects, of a DTO class. ValidateNested alone passes an
 * array where an object belongs, and an array inside a list of objects (`{"rows":[[]]}`), because it validates
 * the members of any array it meets; so each decorator also says what shape the value itself must have.
 */
import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateNested } from 'class-validator';

type DtoClass = new () => object;

/** One object of the DTO class, validated field by field (an array, a string or a number is refused). */
export function NestedObject(type: () => DtoClass): PropertyDecorator {
  return applyDecorators(IsObject(), ValidateNested(), Type(type));
}

/** A list whose every member is an object of the DTO class, validated field by field. */
export function NestedArray(type: () => DtoClass): PropertyDecorator {
  return applyDecorators(IsArray(), IsObject({ each: true }), ValidateNested({ each: true }), Type(type));
}
