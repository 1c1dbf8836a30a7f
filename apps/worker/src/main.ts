/** Starts the worker process (with a small HTTP server for health checks). */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { readWorkerSettings } from './config/worker.config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const settings = readWorkerSettings();
  const app = await NestFactory.create(WorkerModule.forRoot(settings), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.listen(settings.port);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
