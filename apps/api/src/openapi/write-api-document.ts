/**
 * Writes the API document to a file without a database or Redis (`npm run lint:openapi` lints it): Nest's
 * preview mode resolves the modules and routes but instantiates no provider, so nothing connects.
 *
 *   node dist/apps/api/src/openapi/write-api-document.js dist/openapi/openapi.json
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from '../api.module';
import { readApiSettings } from '../config/api.config';
import { buildApiDocument } from './api-document';

/** Settings are validated at boot; preview mode never uses them, so a placeholder secret serves. */
const PREVIEW_ENVIRONMENT = { JWT_SECRET: 'preview-only-never-signs-a-token-0123456789' };

async function main(outputFile: string | undefined): Promise<void> {
  if (!outputFile) throw new Error('Usage: write-api-document <output.json>');
  const app = await NestFactory.create(ApiModule.forRoot(readApiSettings(PREVIEW_ENVIRONMENT)), {
    preview: true,
    logger: false,
  });
  const document = buildApiDocument(app);
  await app.close();
  const path = resolve(outputFile);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`Wrote ${path}`);
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
