import { RedisAdapter } from '@socket.io/redis-adapter';
import { requestChannel, serverSideEmitRequest } from './board-batch-request';
import { relayBatchText } from './relay-batch';

/**
 * The message read by @socket.io/redis-adapter's own request handler, as a gateway's adapter reads it from Redis:
 * the namespace under it is the only stand-in (it records what the adapter hands to `server.on`).
 */
function adapterReading(key: string): {
  received: unknown[][];
  read: (channel: string, message: Buffer) => Promise<void>;
} {
  const received: unknown[][] = [];
  const namespace = { name: '/', server: { encoder: {} }, _onServerSideEmit: (args: unknown[]) => received.push(args) };
  const client = { psubscribe: () => undefined, subscribe: () => undefined, on: () => undefined };
  const adapter = new RedisAdapter(namespace, client, client, { key });
  const read = (channel: string, message: Buffer) =>
    (adapter as unknown as { onrequest(c: Buffer, m: Buffer): Promise<void> }).onrequest(Buffer.from(channel), message);
  return { received, read };
}

describe('the relay batch as a msgpack request', () => {
  const text = relayBatchText([
    { seq: '41', roomsJson: '["prison:STI"]', json: '{"type":"alert.raised","title":"Bank \\"ISA\\" – £","seq":41}' },
    { seq: '42', roomsJson: '["prison:STI","woman:w1"]', json: '{"type":"task.created","seq":42}' },
  ]);

  it('reaches the gateway adapter as the server-side emit of the batch text, unchanged', async () => {
    const { received, read } = adapterReading('rs:socket.io');
    await read(requestChannel('rs:socket.io'), serverSideEmitRequest('board.batch', text));
    expect(received).toEqual([['board.batch', text]]);
  });

  it('is not JSON, so the adapter does not take the JSON path for it', () => {
    expect(serverSideEmitRequest('board.batch', text)[0]).not.toBe('{'.charCodeAt(0));
  });

  it('is named for the adapter’s request channel of the default namespace under the key', async () => {
    const { received, read } = adapterReading('other:socket.io');
    await read(requestChannel('rs:socket.io'), serverSideEmitRequest('board.batch', text));
    expect(received).toEqual([]);
    await read(requestChannel('other:socket.io'), serverSideEmitRequest('board.batch', text));
    expect(received).toHaveLength(1);
  });
});
