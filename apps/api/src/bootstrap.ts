/** Builds the API application (used by main.ts and by the end-to-end tests, so both run the same app). */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { securityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation.pipe';
import { ApiSettings } from './config/api.config';
import { mountQueueBoard } from './observability/queue-board';
import { API_DOCUMENT_PATH, buildApiDocument } from './openapi/api-document';

/** The web app's page and bundles: an hour in a browser's cache (they hold no one's data). */
const WEB_FILES_CACHE = 'public, max-age=3600';

/**
 * The web app's built files: index.html at / (and /index.html) and its bundles under /assets. It routes by URL hash,
 * so no API path is ever shadowed by a page. Only those paths reach the files: the static server on every path cost
 * each API request a stat of a file that is never there (0.35 ms of a woman's detail in the API's CPU profile), and
 * an encoded dot segment (GET /women/..%2F, a malformed id) reached it as the root directory, which only its
 * `index: false` kept from answering the page. Now the API refuses such an id without the static server seeing it.
 * Without a build (an API-only deployment) the API runs as before.
 */
function serveWebApp(app: NestExpressApplication, webDistDir: string): void {
  const root = resolve(webDistDir);
  if (!existsSync(join(root, 'index.html'))) return;
  // Set over the no-store every answer starts with (answersNotStored): the static server keeps a header already there.
  const cached = (res: { setHeader(name: string, value: string): unknown }) =>
    res.setHeader('Cache-Control', WEB_FILES_CACHE);
  app.useStaticAssets(join(root, 'assets'), { prefix: '/assets/', index: false, redirect: false, setHeaders: cached });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || (req.path !== '/' && req.path !== '/index.html')) {
      next();
      return;
    }
    res.sendFile('index.html', { root, headers: { 'Cache-Control': WEB_FILES_CACHE } }, (error?: Error) => {
      if (error) next(error);
    });
  });
}

/**
 * The API's answers are personal data, much of it special category, read on shared machines in prisons and probation
 * offices: a browser is told to keep none of them (`Cache-Control: no-store`), and so no ETag is worked out for them
 * either (express hashed every JSON body for one: 0.25 ms of each alerts panel in the API's CPU profile, and nothing
 * ever sent it back). Registered before every route (the docs and the admin's queue board too); only the web app's
 * page and bundles replace it with their own caching.
 */
function answersNotStored(app: NestExpressApplication): void {
  app.set('etag', false);
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
}

export async function createApiApp(settings: ApiSettings): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(settings), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: settings.bodyLimit });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  // Which proxies may say who the client is (X-Forwarded-For): sign-in throttling counts by that address.
  app.set('trust proxy', settings.http.trustProxy);
  // Before the docs, the web app and every route, so each response carries the headers.
  app.use(securityHeaders({ behindTls: settings.http.behindTls, publicGatewayUrl: settings.publicGatewayUrl }));

  answersNotStored(app);

  SwaggerModule.setup('docs', app, buildApiDocument(app), { jsonDocumentUrl: API_DOCUMENT_PATH });
  mountQueueBoard(app);
  serveWebApp(app, settings.webDistDir);
  return app;
}
