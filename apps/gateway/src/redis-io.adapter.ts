/** Socket.io over the Redis adapter, so any number of gateway processes share rooms. */
import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { Server, ServerOptions } from 'socket.io';
import { RedisSettings } from '@app/events';
import { socketOriginOptions } from './socket-origins';

export class RedisIoAdapter extends IoAdapter {
  private readonly adapterLogger = new Logger(RedisIoAdapter.name);
  private readonly pub: Redis;
  private readonly sub: Redis;

  constructor(
    app: INestApplicationContext,
    settings: RedisSettings,
    private readonly allowedOrigins: readonly string[],
  ) {
    super(app);
    this.pub = new Redis(settings.url, { maxRetriesPerRequest: null });
    this.sub = this.pub.duplicate();
    // ioredis reconnects by itself; without a listener its errors would be thrown away unlogged.
    for (const client of [this.pub, this.sub]) {
      client.on('error', (error: Error) => this.adapterLogger.warn(`redis adapter: ${error.message}`));
    }
    this.channelPrefix = `${settings.prefix}:socket.io`;
  }

  private readonly channelPrefix: string;

  override createIOServer(port: number, options?: ServerOptions): Server {
    const origins = socketOriginOptions(this.allowedOrigins, (origin) =>
      this.adapterLogger.warn(`refused a socket from origin ${origin} (not in GATEWAY_ALLOWED_ORIGINS)`),
    );
    const server = super.createIOServer(port, { ...options, ...origins } as ServerOptions);
    server.adapter(createAdapter(this.pub, this.sub, { key: this.channelPrefix }));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all([this.pub.quit().catch(() => undefined), this.sub.quit().catch(() => undefined)]);
  }
}
