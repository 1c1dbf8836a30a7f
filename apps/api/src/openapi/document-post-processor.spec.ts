import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { ERROR_BODY_SCHEMA, PAGE_SCHEMA, completeApiDocument, tableMismatches } from './document-post-processor';
import { OPERATION_DOCS, jsonBodies, schemaNameOf } from './operation-docs';

/** A document with one bare operation per key, as Nest would make it before the table is applied. */
function documentOf(keys: string[]): OpenAPIObject {
  const paths: OpenAPIObject['paths'] = {};
  for (const key of keys) {
    const [method, path] = key.split(' ');
    const parameters = [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true }));
    paths[path] = { ...paths[path], [method.toLowerCase()]: { parameters, responses: { 200: { description: '' } } } };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'test', version: '0' },
    paths,
    components: { schemas: { SomeDto: { type: 'object', properties: { note: { type: 'string', nullable: true } } } } },
  };
}

/** A schema for every name the table uses, as the build would generate them. */
const schemas = Object.fromEntries(
  [...jsonBodies(Object.values(OPERATION_DOCS)).map(schemaNameOf), ERROR_BODY_SCHEMA, PAGE_SCHEMA].map((name) => [
    name,
    { type: 'object' },
  ]),
);

const tableKeys = Object.keys(OPERATION_DOCS);

function operation(document: OpenAPIObject, key: string): OperationObject {
  const [method, path] = key.split(' ');
  return document.paths[path][method.toLowerCase() as 'get'] as OperationObject;
}

describe('the API document post-processor', () => {
  it('refuses a route the table does not document, naming it', () => {
    const document = documentOf([...tableKeys, 'GET /undocumented/{id}']);

    expect(tableMismatches(document).undocumented).toEqual(['GET /undocumented/{id}']);
    expect(() => completeApiDocument(document, schemas)).toThrow(/no entry for \[GET \/undocumented\/\{id\}\]/);
  });

  it('refuses a table entry that names no route, naming it', () => {
    const document = documentOf(tableKeys.filter((key) => key !== 'GET /tasks'));

    expect(tableMismatches(document).unknown).toEqual(['GET /tasks']);
    expect(() => completeApiDocument(document, schemas)).toThrow(/entries naming no operation \[GET \/tasks\]/);
  });

  it('gives every operation its summary, security, success schema and at least one 4xx', () => {
    const document = completeApiDocument(documentOf(tableKeys), schemas);

    for (const key of tableKeys) {
      const op = operation(document, key);
      const doc = OPERATION_DOCS[key];
      const success = op.responses[doc.success.status] as ResponseObject;
      expect({ key, summary: op.summary }).toEqual({ key, summary: doc.summary });
      expect({ key, security: op.security }).toEqual({
        key,
        security: doc.access === 'public' ? [] : [doc.access === 'user' ? { bearer: [] } : { hmppsEventsToken: [] }],
      });
      if (doc.success.body === undefined) {
        // A PDF operation answers the document itself.
        expect({ key, media: Object.keys(success.content ?? {}) }).toEqual({ key, media: ['application/pdf'] });
      } else {
        expect({ key, schema: JSON.stringify(success.content?.['application/json'].schema) }).toEqual({
          key,
          schema: expect.stringContaining(`#/components/schemas/${schemaNameOf(doc.success.body)}`),
        });
      }
      const errors = Object.keys(op.responses).filter((status) => status.startsWith('4'));
      if (key !== 'GET /health/live' && key !== 'GET /health/ready' && key !== 'GET /client-config') {
        expect({ key, errors: errors.length > 0 }).toEqual({ key, errors: true });
      }
    }
  });

  it('derives 401 for signed-in operations, 404 for path parameters and 400 for input, and none of them otherwise', () => {
    const document = completeApiDocument(documentOf(tableKeys), schemas);

    expect(Object.keys(operation(document, 'GET /tasks/{id}').responses)).toEqual(
      expect.arrayContaining(['400', '401', '403', '404']),
    );
    expect(Object.keys(operation(document, 'GET /client-config').responses)).toEqual(['200', '503']);
    expect(Object.keys(operation(document, 'GET /health/live').responses)).toEqual(['200', '503']);
  });

  it('makes the document OpenAPI 3.1, with null as a type rather than `nullable`', () => {
    const document = completeApiDocument(documentOf(tableKeys), schemas);

    expect(document.openapi).toBe('3.1.0');
    expect(document.components?.schemas?.SomeDto).toEqual({
      type: 'object',
      properties: { note: { type: ['string', 'null'] } },
    });
    expect(Object.keys(document.components?.securitySchemes ?? {})).toEqual(['bearer', 'hmppsEventsToken']);
  });

  it('describes a page of a list as the page schema with the operation’s own items', () => {
    const document = completeApiDocument(documentOf(tableKeys), schemas);
    const page = operation(document, 'GET /tasks').responses[200] as ResponseObject;

    expect(page.content?.['application/json'].schema).toEqual({
      allOf: [
        { $ref: '#/components/schemas/AnyPage' },
        { properties: { items: { type: 'array', items: { $ref: '#/components/schemas/TaskView' } } } },
      ],
    });
  });
});
