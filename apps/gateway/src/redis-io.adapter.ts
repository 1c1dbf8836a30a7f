/** Socket.io over the Redis adapter, so any number of gateway processes share rooms. */
import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server, ServerOptions } from 'socket.io';
import { RedisSettings, socketIoKey } from '@app/events';
import { AdapterClients } from './live-path/adapter-clients';
import { socketOriginOptions } from './socket-origins';
import { preEncodedJsonParser } from './live-path/pre-encoded-json';

export class RedisIoAdapter extends IoAdapter {
  private readonly adapterLogger = new Logger(RedisIoAdapter.name);

  /** `clients` must already be ready (see adapter-clients.ts): the adapter subscribes as soon as it is made. */
  constructor(
    app: INestApplicationContext,
    settings: RedisSettings,
    private readonly clients: AdapterClients,
    private readonly allowedOrigins: readonly string[],
  ) {
    super(app);
    // ioredis reconnects by itself; without a listener its errors would be thrown away unlogged.
    for (const client of [clients.pub, clients.sub]) {
      client.on('error', (error: Error) => this.adapterLogger.warn(`redis adapter: ${error.message}`));
    }
    this.channelPrefix = socketIoKey(settings);
  }

  private readonly channelPrefix: string;

  override createIOServer(port: number, options?: ServerOptions): Server {
    const origins = socketOriginOptions(this.allowedOrigins, (origin) =>
      this.adapterLogger.warn(`refused a socket from origin ${origin} (not in GATEWAY_ALLOWED_ORIGINS)`),
    );
    // Events the relay sent as text go out as that text (pre-encoded-json.ts); clients keep socket.io's parser.
    const server = super.createIOServer(port, {
      ...options,
      ...origins,
      parser: preEncodedJsonParser,
    } as ServerOptions);
    server.adapter(createAdapter(this.clients.pub, this.clients.sub, { key: this.channelPrefix }));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all([this.clients.pub.quit().catch(() => undefined), this.clients.sub.quit().catch(() => undefined)]);
  }
}
