/**
 * Bare-library baseline for fan-out: a plain socket.io server (no Nest, no auth, no outbox) on the Redis
 * adapter, in its own process. Clients join a room by emitting `join` (acknowledged); the parent asks it
 * over IPC to broadcast an event to that room, which reaches the other server's clients through Redis.
 * Measures nothing itself: the parent's clients stamp receive times.
 */
'use strict';

const http = require('node:http');
const Redis = require('ioredis');
const { Server } = require('socket.io');
const { createAdapter } = require('@socket.io/redis-adapter');

const { PORT, REDIS_URL, CHANNEL_PREFIX } = process.env;

const pub = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
const sub = pub.duplicate();
const httpServer = http.createServer();
const io = new Server(httpServer, { cors: { origin: true } });
io.adapter(createAdapter(pub, sub, { key: CHANNEL_PREFIX }));

io.on('connection', (socket) => {
  socket.on('join', async (room, ack) => {
    await socket.join(room);
    if (typeof ack === 'function') ack({ joined: [room] });
  });
});

process.on('message', (message) => {
  if (message.type === 'broadcast') io.to(message.room).emit(message.event, message.payload);
});

httpServer.listen(Number(PORT), '127.0.0.1', () => process.send({ type: 'ready' }));

async function stop() {
  io.close();
  await Promise.all([pub.quit().catch(() => undefined), sub.quit().catch(() => undefined)]);
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('disconnect', stop);
