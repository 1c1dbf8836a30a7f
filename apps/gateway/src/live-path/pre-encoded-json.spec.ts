import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import { PreEncodedJson, PreEncodedJsonEncoder } from './pre-encoded-json';

/** What a client's socket.io parser makes of an encoded packet. */
function decoded(encoded: unknown[]): Packet {
  const decoder = new Decoder();
  let packet: Packet | undefined;
  decoder.on('decoded', (p: Packet) => (packet = p));
  for (const part of encoded) decoder.add(part);
  if (!packet) throw new Error('nothing decoded');
  return packet;
}

describe('PreEncodedJsonEncoder', () => {
  const events = [{ type: 'alert.raised', title: 'Cyfrif banc – “ISA” 🏦\n', seq: 9801, task: { id: 't' } }];

  it('makes the packet socket.io’s own encoder makes of the parsed value, in any namespace, with or without an id', () => {
    for (const nsp of ['/', '/admin']) {
      for (const id of [undefined, 12]) {
        const plain: Packet = { type: PacketType.EVENT, nsp, id, data: ['board.events', events] };
        const pre: Packet = { ...plain, data: ['board.events', new PreEncodedJson(JSON.stringify(events))] };
        expect(new PreEncodedJsonEncoder().encode(pre)).toEqual(new Encoder().encode(plain));
      }
    }
  });

  it('sends the text as it is, PostgreSQL’s spacing and all, and clients read the value', () => {
    const text = '[{"type": "alert.raised", "seq": 9801}]';
    const encoded = new PreEncodedJsonEncoder().encode({
      type: PacketType.EVENT,
      nsp: '/',
      data: ['board.events', new PreEncodedJson(text)],
    });
    expect(encoded).toEqual([`2["board.events",${text}]`]);
    expect(decoded(encoded).data).toEqual(['board.events', [{ type: 'alert.raised', seq: 9801 }]]);
  });

  it('leaves every other packet to socket.io’s encoder', () => {
    const packets: Packet[] = [
      { type: PacketType.EVENT, nsp: '/', data: ['board.reload', { reason: 'x' }] },
      { type: PacketType.ACK, nsp: '/', id: 3, data: [{ ok: true }] },
      { type: PacketType.EVENT, nsp: '/', data: ['file', Buffer.from('abc')] },
      { type: PacketType.CONNECT, nsp: '/', data: { sid: 's' } },
    ];
    for (const packet of packets) {
      expect(new PreEncodedJsonEncoder().encode(packet)).toEqual(new Encoder().encode(packet));
    }
  });
});
