/**
 * The gateway's two Redis connections for the socket.io adapter (one publishes, one subscribes), each named in
 * CLIENT LIST and each connected and ready before the adapter subscribes on it.
 *
 * Why ready first: ioredis 5.8 and later (redis/ioredis#2037, still open for 5.11.1 and 6.0.0) lets a
 * SUBSCRIBE/PSUBSCRIBE through while the connection is in its handshake ("connect" status: Redis flags the
 * pub/sub commands as allowed while loading), ahead of the handshake's CLIENT SETINFO and the INFO ready check.
 * The connection enters subscriber mode, the ready check is refused ("Connection in subscriber mode, only
 * subscriber commands may be used") and the adapter is left with no subscription: a deaf gateway. Waiting for
 * `ready` before createAdapter removes the window at start; on every reconnect ioredis itself re-subscribes
 * only after its ready check (autoResubscribe, in its ready handler), and nothing here subscribes later.
 * `disableClientInfo` drops CLIENT SETINFO from the handshake as well: it only labels CLIENT LIST, which our
 * connection names do better, and it is the slow (asynchronous) step that widened the window.
 */
import Redis, { RedisOptions } from 'ioredis';
import { RedisSettings, redisClientName, redisConnectionOptions } from '@app/events';

export interface AdapterClients {
  pub: Redis;
  sub: Redis;
  /** The subscriber's CLIENT SETNAME, to find it in CLIENT LIST. */
  subName: string;
}

export const ADAPTER_CLIENTS = Symbol('ADAPTER_CLIENTS');

export async function connectAdapterClients(redis: RedisSettings, gatewayName: string): Promise<AdapterClients> {
  const options = (role: string): RedisOptions =>
    redisConnectionOptions(redis, {
      maxRetriesPerRequest: null,
      lazyConnect: true,
      disableClientInfo: true,
      connectionName: redisClientName(redis, 'gateway', gatewayName, role),
    });
  const pub = new Redis(options('pub'));
  const sub = new Redis(options('sub'));
  // connect() resolves on `ready` (after the handshake and the ready check), not on the TCP connect.
  await Promise.all([pub.connect(), sub.connect()]);
  return { pub, sub, subName: options('sub').connectionName as string };
}
