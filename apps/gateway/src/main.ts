/** Starts a socket.io gateway process (run several: they share rooms through Redis). */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { readGatewaySettings } from './config/gateway.config';
import { GatewayModule } from './gateway.module';
import { ADAPTER_CLIENTS, AdapterClients } from './live-path/adapter-clients';
import { RedisIoAdapter } from './redis-io.adapter';

async function main(): Promise<void> {
  const settings = readGatewaySettings();
  const app = await NestFactory.create(GatewayModule.forRoot(settings), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useWebSocketAdapter(
    new RedisIoAdapter(app, settings.redis, app.get<AdapterClients>(ADAPTER_CLIENTS), settings.allowedOrigins),
  );
  app.enableShutdownHooks();
  await app.listen(settings.port);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
