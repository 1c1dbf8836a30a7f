/**
 * Build step (npm run build): JSON Schema for every response type the operation table names, generated from the
 * exported TypeScript declaration of that name wherever it lives in the API and the libs, into
 * dist/openapi/response-schemas.json for the document to reference.
 *
 * ts-json-schema-generator reads the project's tsconfig and follows each type through imports, enums, unions and
 * utility types; writing the schemas by hand would be a second source that drifts from the types.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';
import { ERROR_BODY_SCHEMA, PAGE_SCHEMA } from './document-post-processor';
import { OPERATION_DOCS, jsonBodies, schemaNameOf } from './operation-docs';
import { RESPONSE_SCHEMAS_FILE, ResponseSchemas } from './response-schemas';

/** Where the types are looked up by name: the API and every lib (the contracts included), tests aside. */
const SOURCES = '{apps/api/src,libs/*/src}/**/!(*.spec).ts';

/** Component names may hold letters, digits, `.`, `-` and `_` (OpenAPI 3.1 §4.8.7.1); generics get underscores. */
function componentName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '');
}

/** draft-07 `definitions` as OpenAPI components, each `$ref` pointing at its component. */
function asComponents(definitions: Record<string, unknown>): ResponseSchemas {
  const text = JSON.stringify(definitions).replace(/"\$ref":"#\/definitions\/([^"]+)"/g, (_match, name: string) => {
    return `"$ref":"#/components/schemas/${componentName(decodeURIComponent(name))}"`;
  });
  const renamed = JSON.parse(text) as ResponseSchemas;
  return Object.fromEntries(Object.entries(renamed).map(([name, schema]) => [componentName(name), schema]));
}

function main(): void {
  const names = [
    ...new Set([...jsonBodies(Object.values(OPERATION_DOCS)).map(schemaNameOf), ERROR_BODY_SCHEMA, PAGE_SCHEMA]),
  ];
  const generator = createGenerator({
    path: SOURCES,
    tsconfig: 'tsconfig.json',
    // The build's own tsc has just checked these files.
    skipTypeCheck: true,
    additionalProperties: false,
    encodeRefs: false,
    functions: 'hide',
  });
  const { definitions = {} } = generator.createSchema(names) as { definitions?: Record<string, unknown> };
  const missing = names.filter((name) => !(name in definitions));
  if (missing.length > 0) throw new Error(`No schema generated for ${missing.join(', ')}`);
  const file = resolve(RESPONSE_SCHEMAS_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(asComponents(definitions), null, 2)}\n`);
  console.log(`Wrote ${names.length} response schemas (and what they use) to ${RESPONSE_SCHEMAS_FILE}`);
}

main();
