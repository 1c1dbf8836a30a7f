/**
 * The relay's BOARD_BATCH as the Redis message the gateways' socket.io adapter reads on its request channel: a
 * server-side emit (the adapter's request type 6) encoded with msgpack, which the adapter decodes with its own
 * parser whenever a request does not start with `{` (@socket.io/redis-adapter 8, `onrequest`). The emitter's
 * serverSideEmit writes JSON instead, so the relay escaped every quote of a batch's 2 MB of event text and each
 * gateway unescaped it again: a CPU profile of the 17:00 burst had the worker spend 0.54 s in that
 * JSON.stringify and 0.35 s writing its result, and each gateway 0.63 s in reading it back, for 20,000 events.
 * A gateway gets the same [event, argument] either way (relayed-batch.ts takes the text as before).
 */
import { encode } from 'notepack.io';

/** RequestType.SERVER_SIDE_EMIT of @socket.io/redis-adapter and @socket.io/redis-emitter. */
export const SERVER_SIDE_EMIT_REQUEST = 6;

/** The adapter ignores a request from its own uid, so the relay has one no gateway has. */
export const RELAY_REQUEST_UID = 'resettle-relay';

/** The request channel of the default namespace, as the adapter and the emitter name it under `key`. */
export function requestChannel(key: string): string {
  return `${key}-request#/#`;
}

/** `event` with one string `argument`, for every gateway's `server.on(event)`, as a msgpack request. */
export function serverSideEmitRequest(event: string, argument: string): Buffer {
  return encode({ uid: RELAY_REQUEST_UID, type: SERVER_SIDE_EMIT_REQUEST, data: [event, argument] }) as Buffer;
}
