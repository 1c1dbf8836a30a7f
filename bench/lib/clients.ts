/**
 * socket.io clients for the benchmark: many websocket clients opened in bounded waves, each with its own
 * connection (forceNew), and helpers to subscribe them and close them. Used alike against the Resettle
 * gateways and the bare socket.io servers, so both sides are received by the same code. Measures nothing
 * itself: callers attach `board.event` listeners and stamp the receive time.
 */
import { io, Socket } from 'socket.io-client';

/** The parts of a board event the benchmark reads (the full union is the contract's; the bench needs four fields). */
export interface BoardEventSample {
  type: string;
  seq?: number;
  alert?: { taskId: string; kind: string; thresholdAt: string };
  task?: { id: string; version: number };
}

export interface SubscribeReply {
  joined: string[];
  refused?: unknown;
}

export function connectOne(url: string, auth: Record<string, string>, timeoutMs: number): Promise<Socket> {
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

export interface ConnectOptions {
  wave?: number;
  timeoutMs?: number;
  setup?: (socket: Socket, index: number) => Promise<unknown>;
}

/** Opens `count` clients round-robin over `urls`, `wave` at a time; `setup(socket, index)` runs on each. */
export async function connectMany(
  urls: string[],
  count: number,
  auth: Record<string, string>,
  { wave = 50, timeoutMs = 20_000, setup }: ConnectOptions = {},
): Promise<Socket[]> {
  const sockets: Socket[] = [];
  try {
    for (let start = 0; start < count; start += wave) {
      const batch: Promise<void>[] = [];
      for (let i = start; i < Math.min(count, start + wave); i += 1) {
        batch.push(
          connectOne(urls[i % urls.length], auth, timeoutMs).then(async (socket) => {
            sockets.push(socket);
            if (setup) await setup(socket, i);
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
export function emitWithAck<T>(socket: Socket, event: string, body: unknown, timeoutMs = 10_000): Promise<T> {
  return socket.timeout(timeoutMs).emitWithAck(event, body) as Promise<T>;
}

export function closeAll(sockets: Iterable<Socket>): void {
  for (const socket of sockets) socket.close();
}
