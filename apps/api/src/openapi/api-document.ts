/** The API's OpenAPI document: what Nest reads from the controllers, completed from the table and the types. */
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { completeApiDocument } from './document-post-processor';
import { ResponseSchemas, readResponseSchemas } from './response-schemas';

export const API_DOCUMENT_PATH = 'docs/openapi.json';

export function buildApiDocument(
  app: INestApplication,
  responseSchemas: ResponseSchemas = readResponseSchemas(),
): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Resettle API')
      .setDescription('A shared, live resettlement task board for women leaving prison in England and Wales.')
      .setVersion('0.1.0')
      .setLicense(
        'UNLICENSED: private to the project',
        'https://docs.npmjs.com/cli/v11/configuring-npm/package-json#license',
      )
      .addServer('/', 'The host that serves this document')
      .build(),
  );
  return completeApiDocument(document, responseSchemas);
}
