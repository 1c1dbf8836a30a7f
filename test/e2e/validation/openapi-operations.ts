/**
 * The API's operations as its OpenAPI document describes them: method, path, parameters and the request body's
 * schema with every $ref resolved, so a test can be generated from the document instead of a hand list.
 */

export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  anyOf?: Schema[];
  /** One type; OpenAPI 3.1 writes a nullable one as [type, 'null'], which resolve() turns back into `nullable`. */
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface RawOperation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Operation {
  method: Method;
  /** The path template as the document writes it: /women/{womanId}/referrals. */
  path: string;
  /** `POST /women/{womanId}/referrals`, how failures name the operation. */
  key: string;
  /** Every {name} of the path, in order, with its schema when the document declares the parameter. */
  pathParams: { name: string; schema: Schema }[];
  queryParams: { name: string; schema: Schema }[];
  /** Whether the document gives the operation a request body at all. */
  declaresBody: boolean;
  /** The JSON body's schema, $refs resolved; null when the document has none. */
  bodySchema: Schema | null;
}

const METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const WRITES: Method[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [name, raw] of Object.entries(item)) {
      const method = name.toUpperCase() as Method;
      if (!METHODS.includes(method)) continue;
      const parameters = raw.parameters ?? [];
      const declared = (where: Parameter['in'], wanted: string) =>
        parameters.find((p) => p.in === where && p.name === wanted);
      const bodySchema = raw.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method,
        path,
        key: `${method} ${path}`,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map(([, param]) => ({
          name: param,
          schema: resolve(document, declared('path', param)?.schema ?? {}),
        })),
        queryParams: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: resolve(document, p.schema ?? {}) })),
        declaresBody: raw.requestBody !== undefined,
        bodySchema: bodySchema ? resolve(document, bodySchema) : null,
      });
    }
  }
  return operations;
}

/**
 * Writes change state; filters are reads whose query narrows what they return; reads by id take an id in the
 * path. All must refuse bad input.
 */
export function takesInput(operation: Operation): boolean {
  return WRITES.includes(operation.method) || operation.queryParams.length > 0 || operation.pathParams.length > 0;
}

/** A schema with its $ref (and a lone allOf, which is how Nest documents a described $ref) followed. */
export function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (!target) throw new Error(`The document refers to ${schema.$ref}, which it does not define`);
    const { $ref: _ref, ...rest } = schema;
    return resolve(document, { ...target, ...rest });
  }
  if (schema.allOf?.length === 1) {
    const { allOf, ...rest } = schema;
    return resolve(document, { ...allOf[0], ...rest });
  }
  // OpenAPI 3.1's nullable: anyOf [schema, null], or a type list holding 'null'.
  const nonNull = schema.anyOf?.filter((option) => option.type !== 'null');
  if (schema.anyOf && nonNull?.length === 1 && schema.anyOf.length === 2) {
    const { anyOf: _anyOf, ...rest } = schema;
    return resolve(document, { ...nonNull[0], ...rest, nullable: true });
  }
  const resolved: Schema = { ...schema };
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((type) => type !== 'null');
    if (types.length === 1) resolved.type = types[0];
    if (types.length < schema.type.length) resolved.nullable = true;
  }
  if (schema.items) resolved.items = resolve(document, schema.items);
  if (schema.properties) {
    resolved.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => [key, resolve(document, value)]),
    );
  }
  return resolved;
}

/** An object schema that says which fields it holds (a body schema without them cannot be tested field by field). */
export function describesFields(schema: Schema | null): boolean {
  return !!schema && schema.type === 'object' && Object.keys(schema.properties ?? {}).length > 0;
}
