/**
 * Every GET route says which kinds of data about women it may answer with (the visibility policy's DataKind),
 * as the OpenAPI extension `x-data-kinds`; routes that hold no case data (health, configuration, reference data)
 * say so with an empty list. The policy oracle test (test/e2e/scope/policy-oracle.e2e-spec.ts) reads the
 * generated document: a GET without a declaration, or one answering with a kind it did not declare, fails it.
 */
import { ApiExtension } from '@nestjs/swagger';
import { DataKind } from '@app/domain';

export const DATA_KINDS_EXTENSION = 'x-data-kinds';

/** The kinds of case data this route may return; what each reader gets of them is the visibility policy's call. */
export function ExposesCaseData(...kinds: [DataKind, ...DataKind[]]): MethodDecorator & ClassDecorator {
  return ApiExtension(DATA_KINDS_EXTENSION, [...new Set(kinds)]);
}

/** A route that returns nothing about any woman (health, configuration, reference data, the reader herself). */
export function ExposesNoCaseData(): MethodDecorator & ClassDecorator {
  return ApiExtension(DATA_KINDS_EXTENSION, []);
}
