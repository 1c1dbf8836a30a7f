/**
 * The JSON Schemas of the API's response types, generated from their TypeScript declarations when the API is
 * built (generate-response-schemas.ts) and read when the document is made. Never committed: the types are the
 * one source.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SchemaObject } from '@nestjs/swagger';

/** Relative to the working directory, as the web app's dist/web is: the repository root, or /app in the image. */
export const RESPONSE_SCHEMAS_FILE = 'dist/openapi/response-schemas.json';

export type ResponseSchemas = Record<string, SchemaObject>;

export function readResponseSchemas(file: string = RESPONSE_SCHEMAS_FILE): ResponseSchemas {
  const path = resolve(file);
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: npm run build generates the API's response schemas`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as ResponseSchemas;
}
