/**
 * Completes the document Nest's SwaggerModule builds from the controllers: each operation's summary, security
 * and responses come from the one table (operation-docs.ts), and the response schemas from the TypeScript types
 * (response-schemas.ts). The document becomes OpenAPI 3.1, whose schemas are JSON Schema, as the generated ones are.
 */
import type {
  OpenAPIObject,
  OperationObject,
  PathItemObject,
  ReferenceObject,
  ResponseObject,
  ResponsesObject,
  SchemaObject,
} from '@nestjs/swagger';
import { Access, OPERATION_DOCS, OperationDoc, ResponseBody, schemaNameOf } from './operation-docs';
import type { ResponseSchemas } from './response-schemas';

export const ERROR_BODY_SCHEMA = 'ApiErrorBody';
export const PAGE_SCHEMA = 'AnyPage';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export const SECURITY_SCHEMES = {
  bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The token POST /auth/login answers' },
  hmppsEventsToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'The shared HMPPS_EVENTS_TOKEN HMPPS’s event forwarder presents',
  },
} as const;

const SECURITY: Record<Access, Record<string, string[]>[]> = {
  user: [{ bearer: [] }],
  public: [],
  hmpps: [{ hmppsEventsToken: [] }],
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is invalid: `fields` names each part that was wrong and why',
  401: 'No valid token (or, for sign-in, the username and password do not match)',
  403: 'Your role or scope may not do this',
  404: 'No such record in your scope',
  409: 'The record changed since you read it, or is in a state that does not allow this',
  413: 'The request body is too large',
  422: 'Understood, but the rules refuse it: `reasons` or the message says why',
  429: 'Too many failed sign-in attempts: wait the Retry-After header (seconds)',
  503: 'The database cannot be reached: try again after the Retry-After header (seconds)',
};

function pathItems(document: OpenAPIObject): [string, PathItemObject][] {
  return Object.entries<PathItemObject>(document.paths);
}

/** "GET /tasks/{id}" for each operation of the document. */
export function operationKeys(document: OpenAPIObject): string[] {
  return pathItems(document).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/** Operations without a table entry, and entries naming no operation: either means the two drifted apart. */
export function tableMismatches(
  document: OpenAPIObject,
  docs: Readonly<Record<string, OperationDoc>> = OPERATION_DOCS,
): { undocumented: string[]; unknown: string[] } {
  const keys = operationKeys(document);
  return {
    undocumented: keys.filter((key) => !(key in docs)),
    unknown: Object.keys(docs).filter((key) => !keys.includes(key)),
  };
}

const schemaRef = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });

function bodySchema(body: ResponseBody): SchemaObject | ReferenceObject {
  const name = schemaNameOf(body);
  if (body.startsWith('Page<')) {
    return { allOf: [schemaRef(PAGE_SCHEMA), { properties: { items: { type: 'array', items: schemaRef(name) } } }] };
  }
  return body.endsWith('[]') ? { type: 'array', items: schemaRef(name) } : schemaRef(name);
}

function errorResponse(status: number): ResponseObject {
  return {
    description: ERROR_DESCRIPTIONS[status],
    content: { 'application/json': { schema: schemaRef(ERROR_BODY_SCHEMA) } },
  };
}

/** The statuses the operation's shape implies (see operation-docs.ts) and the table's own refusals. */
function errorStatuses(key: string, operation: OperationObject, doc: OperationDoc): number[] {
  const parameters = (operation.parameters ?? []) as { in?: string }[];
  const statuses = new Set<number>(doc.refusals ?? []);
  if (operation.requestBody || parameters.length > 0) statuses.add(400);
  if (doc.access !== 'public') statuses.add(401);
  if (parameters.some((p) => p.in === 'path')) statuses.add(404);
  if (operation.requestBody) statuses.add(413);
  if (!key.startsWith('GET /health/')) statuses.add(503);
  return [...statuses].sort((a, b) => a - b);
}

function responsesFor(key: string, operation: OperationObject, doc: OperationDoc): ResponsesObject {
  const { status, body, csv, pdf } = doc.success;
  const content: Record<string, { schema: SchemaObject | ReferenceObject }> =
    pdf === undefined
      ? { 'application/json': { schema: bodySchema(body) } }
      : { 'application/pdf': { schema: { type: 'string', format: 'binary', description: pdf } } };
  if (csv) content['text/csv'] = { schema: { type: 'string', description: 'One table of the report (?table=)' } };
  const responses: ResponsesObject = { [status]: { description: status === 201 ? 'Created' : 'OK', content } };
  for (const error of errorStatuses(key, operation, doc)) responses[error] = errorResponse(error);
  // The health checks answer 503 with their own result, naming what is down.
  if (key.startsWith('GET /health/')) {
    responses[503] = {
      description: 'A dependency is down',
      content: { 'application/json': { schema: bodySchema(body ?? '') } },
    };
  }
  return responses;
}

/**
 * OpenAPI 3.1 has no `nullable` (Nest writes it on the request schemas it makes): JSON Schema says null is
 * one of the types instead.
 */
function withoutNullable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullable);
  if (value === null || typeof value !== 'object') return value;
  const { nullable, ...rest } = value as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, withoutNullable(v)]));
  if (nullable !== true) return converted;
  if (typeof converted.type === 'string') return { ...converted, type: [converted.type, 'null'] };
  return { anyOf: [converted, { type: 'null' }] };
}

function applyTable(document: OpenAPIObject): void {
  for (const [path, item] of pathItems(document)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const key = `${method.toUpperCase()} ${path}`;
      const doc = OPERATION_DOCS[key];
      operation.summary = doc.summary;
      operation.security = SECURITY[doc.access];
      operation.responses = responsesFor(key, operation, doc);
    }
  }
}

/** Applies the table and the generated schemas; throws when the table and the routes disagree. */
export function completeApiDocument(document: OpenAPIObject, responseSchemas: ResponseSchemas): OpenAPIObject {
  const { undocumented, unknown } = tableMismatches(document);
  if (undocumented.length > 0 || unknown.length > 0) {
    throw new Error(
      `apps/api/src/openapi/operation-docs.ts and the routes disagree: ` +
        `no entry for [${undocumented.join(', ')}]; entries naming no operation [${unknown.join(', ')}]`,
    );
  }
  const components = document.components ?? {};
  const clashes = Object.keys(responseSchemas).filter((name) => components.schemas?.[name]);
  if (clashes.length > 0) throw new Error(`Response schemas clash with request schemas: ${clashes.join(', ')}`);
  applyTable(document);
  const completed = withoutNullable(document) as OpenAPIObject;
  completed.openapi = '3.1.0';
  completed.components = {
    ...completed.components,
    schemas: { ...completed.components?.schemas, ...responseSchemas },
    securitySchemes: { ...SECURITY_SCHEMES },
  };
  return completed;
}
