import { relayedEventJson } from './relayed-event-json';

/** The relayed text, parsed: what a gateway reads (null when the relay refused the row). */
const relayed = (id: string, roomsJson: string, payloadJson: string): unknown =>
  JSON.parse(relayedEventJson(id, roomsJson, payloadJson) ?? 'null');

describe('relayedEventJson', () => {
  it('gives the rooms and the payload with its sequence number, as the relay used to build them', () => {
    const payload = {
      type: 'alert.raised',
      at: '2026-11-30T17:00:00.000Z',
      task: { id: 't', title: 'Bank "ISA" {x}' },
    };
    expect(relayed('1234', '["prison:STI", "woman:w"]', JSON.stringify(payload))).toEqual({
      rooms: ['prison:STI', 'woman:w'],
      event: { ...payload, seq: 1234 },
    });
  });

  it('takes PostgreSQL’s spacing and an empty payload', () => {
    expect(relayed('7', '[]', '{"type": "task.created", "at": "x"} ')).toEqual({
      rooms: [],
      event: { type: 'task.created', at: 'x', seq: 7 },
    });
    expect(relayed('8', '[]', '{}')).toEqual({ rooms: [], event: { seq: 8 } });
  });

  it('refuses a payload that is not an object and an id that is not a number', () => {
    expect(relayedEventJson('9', '[]', '[1, 2]')).toBeNull();
    expect(relayedEventJson('9', '[]', '"text"')).toBeNull();
    expect(relayedEventJson('9 OR 1', '[]', '{}')).toBeNull();
  });
});
