/**
 * The bad inputs to send to one operation, generated from its OpenAPI description: a NUL in every string (body
 * fields, query parameters, path parameters) and half a surrogate pair in every body string, the wrong shape for every array and object field, a malformed id
 * for every uuid field and parameter, and an integer beyond PostgreSQL's integer for every number field. Each case
 * changes one value of an otherwise plausible request, so the 400 it must get can name that one field.
 */
import { randomUUID } from 'node:crypto';
import type { Operation, Schema } from './openapi-operations';

export interface BadInputCase {
  what: string;
  /** The field the 400 must name: a dotted body path (rows.0.fromTown), a query or a path parameter. */
  field: string;
  /** The request path with its query string. */
  url: string;
  body: unknown;
}

/** Valid values for the operation's path parameters, from the suite's fixture. */
export type PathValue = (operation: Operation, param: string) => string;

const NUL = '\u0000';
/** Half of a UTF-16 surrogate pair: JSON can carry it ("\ud800"), UTF-8 and so PostgreSQL cannot. */
const LONE_SURROGATE = '\ud800';
/** Malformed ids: not a UUID, a path traversal, a NUL (which PostgreSQL cannot even hold in text). */
const MALFORMED_IDS = ['abc', '../', `00000000-0000-4000-8000-00000000000${NUL}`];
/** One past PostgreSQL's integer, the type of every counted or versioned column. */
const BEYOND_INT4 = 2_147_483_648;
const WRONG_ARRAYS: [string, unknown][] = [
  ['an array of arrays', [[]]],
  ['an array of numbers', [1]],
  ['an object where an array belongs', {}],
];
const WRONG_OBJECTS: [string, unknown][] = [
  ['an array where an object belongs', []],
  ['an array of objects where an object belongs', [{}]],
  ['a number where an object belongs', 1],
  ['a string where an object belongs', 'text'],
];

export function isUuid(schema: Schema): boolean {
  return schema.format === 'uuid';
}

function kindOf(schema: Schema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  if (schema.enum) return 'string';
  return undefined;
}

/** A value the schema accepts, as far as the document tells: its enum, example or format, else a sober default. */
export function plausibleValue(schema: Schema): unknown {
  if (schema.enum?.length) return schema.enum[0];
  if (schema.example !== undefined) return schema.example;
  switch (kindOf(schema)) {
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date') return '2026-01-15';
      if (schema.format === 'date-time') return new Date(Date.now() - 60_000).toISOString();
      return 'Valid text';
    case 'number':
    case 'integer':
      return schema.default ?? schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return schema.items ? [plausibleValue(schema.items)] : [];
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [key, plausibleValue(value)]),
      );
    default:
      return 'Valid text';
  }
}

type Segment = string | number;

function withValueAt(base: unknown, path: Segment[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(base) ? [...base] : { ...(base as object) }) as Record<Segment, unknown>;
  copy[head] = withValueAt(copy[head], rest, value);
  return copy;
}

interface BodyFieldCase {
  what: string;
  path: Segment[];
  value: unknown;
}

/** Every bad value for one field and, for arrays and objects, for the fields inside them. */
function bodyFieldCases(schema: Schema, path: Segment[]): BodyFieldCase[] {
  const cases: BodyFieldCase[] = [];
  const at = (what: string, value: unknown) => cases.push({ what, path, value });
  switch (kindOf(schema)) {
    case 'string': {
      const plausible = plausibleValue(schema);
      const text = typeof plausible === 'string' ? plausible : 'text';
      at('a NUL in the text', `${text}${NUL}`);
      at('half a surrogate pair in the text', `${text}${LONE_SURROGATE}`);
      if (isUuid(schema)) for (const id of MALFORMED_IDS) at(`a malformed id ${JSON.stringify(id)}`, id);
      break;
    }
    case 'number':
    case 'integer':
      at('an integer beyond PostgreSQL integer', BEYOND_INT4);
      break;
    case 'array':
      for (const [what, value] of WRONG_ARRAYS) at(what, value);
      if (schema.items) cases.push(...bodyFieldCases(schema.items, [...path, 0]));
      break;
    case 'object':
      if (path.length > 0) for (const [what, value] of WRONG_OBJECTS) at(what, value);
      for (const [key, value] of Object.entries(schema.properties ?? {})) {
        cases.push(...bodyFieldCases(value, [...path, key]));
      }
      break;
  }
  return cases;
}

function urlOf(operation: Operation, pathValues: Record<string, string>, query: [string, string][] = []): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(pathValues[name]));
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

/** Every bad-input case for the operation (an operation without a usable body schema is the caller's to fail). */
export function badInputCases(operation: Operation, pathValue: PathValue): BadInputCase[] {
  const pathValues = Object.fromEntries(operation.pathParams.map((p) => [p.name, pathValue(operation, p.name)]));
  const body = operation.bodySchema ? plausibleValue(operation.bodySchema) : undefined;
  const cases: BadInputCase[] = [];

  for (const param of operation.pathParams) {
    const valid = pathValues[param.name];
    const bad: [string, string][] = [['a NUL in the path parameter', `${valid}${NUL}`]];
    if (isUuid(param.schema))
      bad.push(...MALFORMED_IDS.map((id): [string, string] => [`a malformed id ${JSON.stringify(id)}`, id]));
    for (const [what, value] of bad) {
      cases.push({ what, field: param.name, url: urlOf(operation, { ...pathValues, [param.name]: value }), body });
    }
  }

  for (const param of operation.queryParams) {
    const plausible = String(plausibleValue(param.schema));
    const bad: [string, string[]][] = [
      ['a NUL in the query parameter', [`${plausible}${NUL}`]],
      ['the query parameter given twice', [plausible, plausible]],
    ];
    if (isUuid(param.schema))
      bad.push(...MALFORMED_IDS.map((id): [string, string[]] => [`a malformed id ${JSON.stringify(id)}`, [id]]));
    for (const [what, values] of bad) {
      const query = values.map((value): [string, string] => [param.name, value]);
      cases.push({ what, field: param.name, url: urlOf(operation, pathValues, query), body });
    }
  }

  if (operation.bodySchema) {
    for (const c of bodyFieldCases(operation.bodySchema, [])) {
      cases.push({
        what: c.what,
        field: c.path.join('.'),
        url: urlOf(operation, pathValues),
        body: withValueAt(body, c.path, c.value),
      });
    }
  }
  return cases;
}
