/**
 * Bare-library baseline for fan-out, the delivering side: a plain socket.io server (no Nest, no auth, no outbox) on
 * the Redis adapter, in its own process; run two. Clients join a room by emitting `join` (acknowledged); the events
 * come through Redis from `@socket.io/redis-emitter` in task-http-server.ts. Over IPC the parent may ask for the
 * process's memory (`memory`, answered with process.memoryUsage()). Measures nothing itself: the clients stamp
 * receive times.
 */
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { Server } from 'socket.io';

export type BareServerMessage = { type: 'ready' } | { type: 'memory'; rss: number; heapUsed: number };
export type BareServerRequest = { type: 'memory' };

function main(): void {
  const { PORT, REDIS_URL, CHANNEL_PREFIX } = process.env;
  const pub = new Redis(REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const sub = pub.duplicate();
  const httpServer = createServer();
  const io = new Server(httpServer, { cors: { origin: true } });
  io.adapter(createAdapter(pub, sub, { key: CHANNEL_PREFIX }));

  io.on('connection', (socket) => {
    socket.on('join', async (room: string, ack?: (reply: { joined: string[] }) => void) => {
      await socket.join(room);
      if (typeof ack === 'function') ack({ joined: [room] });
    });
  });
  process.on('message', (message: BareServerRequest) => {
    if (message.type !== 'memory') return;
    const { rss, heapUsed } = process.memoryUsage();
    process.send?.({ type: 'memory', rss, heapUsed } satisfies BareServerMessage);
  });
  httpServer.listen(Number(PORT), '127.0.0.1', () => process.send?.({ type: 'ready' } satisfies BareServerMessage));

  const stop = async () => {
    await io.close();
    await Promise.all([pub.quit().catch(() => undefined), sub.quit().catch(() => undefined)]);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('disconnect', () => void stop());
}

// Imported for its message types by the parent; runs only as the child's entry point.
if (require.main === module) main();
