/**
 * Reads the decorator metadata of every DTO the API's routes take (each @Body and @Query class, and the classes
 * nested in them) into plain facts that the DTO rules (dto-rules.ts) can judge; dto-rules.spec.ts feeds it every
 * controller. The decorators register with the copies of reflect-metadata, class-validator and @nestjs/swagger
 * that the controllers loaded, and this module imports the same ones.
 */
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';
import type { DtoPropertyFacts, ValidatorFact } from './dto-rules';

type Class = new () => object;

interface SwaggerProperty {
  type?: unknown;
  isArray?: boolean;
  format?: string;
}

// @nestjs/swagger's metadata keys (its DECORATORS constant, which the package does not export).
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';
const API_MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';
const DTO_ARGUMENTS = [RouteParamtypes.BODY, RouteParamtypes.QUERY, RouteParamtypes.PARAM];
const SCALARS: unknown[] = [String, Number, Boolean, Object, Array, Date];

/** A class's prototype, which TypeScript types as any: the decorators' metadata of its properties hangs on it. */
function prototypeOf(type: { prototype: unknown }): object {
  return type.prototype as object;
}

function isDtoClass(value: unknown): value is Class {
  return typeof value === 'function' && !SCALARS.includes(value);
}

/** The classes of the @Body, @Query and whole-object @Param arguments of every route of every controller. */
function routeDtos(controllerModules: Record<string, unknown>[]): Class[] {
  const found = new Set<Class>();
  for (const module of controllerModules) {
    for (const exported of Object.values(module)) {
      if (typeof exported !== 'function') continue;
      for (const method of Object.getOwnPropertyNames(prototypeOf(exported))) {
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, exported, method) ?? {}) as Record<
          string,
          { index: number }
        >;
        const types = (Reflect.getMetadata('design:paramtypes', prototypeOf(exported), method) ?? []) as unknown[];
        for (const [key, { index }] of Object.entries(args)) {
          const [paramtype] = key.split(':');
          if (DTO_ARGUMENTS.includes(Number(paramtype)) && isDtoClass(types[index])) found.add(types[index]);
        }
      }
    }
  }
  return [...found];
}

function swaggerOf(dto: Class, property: string): SwaggerProperty | undefined {
  return Reflect.getMetadata(API_MODEL_PROPERTIES, prototypeOf(dto), property) as SwaggerProperty | undefined;
}

function docTypeOf(doc: SwaggerProperty | undefined): string | null {
  if (!doc) return null;
  const { type } = doc;
  if (typeof type === 'string') return type;
  if (type === String) return 'string';
  if (type === Number) return 'number';
  if (type === Boolean) return 'boolean';
  if (isDtoClass(type)) return `class:${type.name}`;
  return `design:${typeof type === 'function' ? type.name : String(type)}`;
}

/** The class-transformer @Type of a nested property, found by transforming an empty member of it. */
function transformsTo(dto: Class, property: string, isArray: boolean): string | null {
  const plain: Record<string, unknown> = { [property]: isArray ? [{}] : {} };
  const instance = plainToInstance(dto, plain) as Record<string, unknown>;
  const value = instance[property];
  const member = (Array.isArray(value) ? value[0] : value) as object | undefined;
  const name = member?.constructor?.name;
  return name && name !== 'Object' ? name : null;
}

function factsOf(dto: Class): DtoPropertyFacts[] {
  const validations = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const documented = ((Reflect.getMetadata(API_MODEL_PROPERTIES_ARRAY, prototypeOf(dto)) ?? []) as string[]).map(
    (key) => key.replace(/^:/, ''),
  );
  const properties = [...new Set([...documented, ...validations.map((v) => v.propertyName)])];
  return properties.map((property) => {
    const own = validations.filter((v) => v.propertyName === property);
    const doc = swaggerOf(dto, property);
    const nested = own.find((v) => v.type === 'nestedValidation');
    const validators: ValidatorFact[] = own
      .filter((v) => v.type !== 'nestedValidation' && v.type !== 'conditionalValidation')
      .map((v) => ({ name: v.name ?? v.type, each: !!v.each, constraints: (v.constraints ?? []) as unknown[] }));
    const docIsArray = !!doc?.isArray;
    return {
      dto: dto.name,
      property,
      docType: docTypeOf(doc),
      docIsArray,
      docFormat: doc?.format ?? null,
      validators,
      nested: nested ? { each: !!nested.each } : null,
      transformsTo: nested || isDtoClass(doc?.type) ? transformsTo(dto, property, docIsArray) : null,
    };
  });
}

/** Facts about every property of every DTO the routes of these controller modules take, nested DTOs included. */
export function apiDtoFacts(controllerModules: Record<string, unknown>[]): DtoPropertyFacts[] {
  const pending = routeDtos(controllerModules);
  const seen = new Set<Class>();
  const facts: DtoPropertyFacts[] = [];
  while (pending.length > 0) {
    const dto = pending.pop() as Class;
    if (seen.has(dto)) continue;
    seen.add(dto);
    for (const property of factsOf(dto)) {
      facts.push(property);
      const type = swaggerOf(dto, property.property)?.type;
      if (isDtoClass(type)) pending.push(type);
    }
  }
  return facts;
}
