/**
 * socket.io clients for the benchmark: many websocket clients opened in bounded waves, each with its own
 * connection (forceNew), and helpers to subscribe them and close them. Used alike against the Resettle
 * gateways and the bare socket.io servers, so both sides are received by the same code. Measures nothing
 * itself: callers attach `board.event` listeners and stamp the receive time.
 */
'use strict';

const { io } = require('socket.io-client');

function connectOne(url, auth, timeoutMs) {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: timeoutMs,
      auth,
    });
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`connect to ${url} timed out`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      socket.close();
      reject(new Error(`connect to ${url}: ${error.message}`));
    });
  });
}

/** Opens `count` clients round-robin over `urls`, `wave` at a time; `setup(socket, index)` runs on each. */
async function connectMany(urls, count, auth, { wave = 50, timeoutMs = 20_000, setup } = {}) {
  const sockets = [];
  try {
    for (let start = 0; start < count; start += wave) {
      const batch = [];
      for (let i = start; i < Math.min(count, start + wave); i += 1) {
        batch.push(
          connectOne(urls[i % urls.length], auth, timeoutMs).then(async (socket) => {
            sockets.push(socket);
            if (setup) await setup(socket, i);
            return socket;
          }),
        );
      }
      await Promise.all(batch);
    }
  } catch (error) {
    closeAll(sockets);
    throw error;
  }
  return sockets;
}

/** Emits with an acknowledgement, bounded by a timeout. */
function emitWithAck(socket, event, body, timeoutMs = 10_000) {
  return socket.timeout(timeoutMs).emitWithAck(event, body);
}

function closeAll(sockets) {
  for (const socket of sockets) socket.close();
}

module.exports = { connectOne, connectMany, emitWithAck, closeAll };
