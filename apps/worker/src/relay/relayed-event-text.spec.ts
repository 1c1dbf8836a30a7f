import { relayedEventText } from './relayed-event-text';

/** The relayed text, parsed: what a socket reads (null when the relay refused the row). */
const relayed = (id: string, payloadJson: string): unknown => JSON.parse(relayedEventText(id, payloadJson) ?? 'null');

describe('relayedEventText', () => {
  it('gives the payload with its sequence number, as the relay used to build it', () => {
    const payload = {
      type: 'alert.raised',
      at: '2026-11-30T17:00:00.000Z',
      task: { id: 't', title: 'Bank "ISA" {x}' },
    };
    expect(relayed('1234', JSON.stringify(payload))).toEqual({ ...payload, seq: 1234 });
  });

  it('takes PostgreSQL’s spacing and an empty payload', () => {
    expect(relayed('7', '{"type": "task.created", "at": "x"} ')).toEqual({ type: 'task.created', at: 'x', seq: 7 });
    expect(relayed('8', '{}')).toEqual({ seq: 8 });
  });

  it('refuses a payload that is not an object and an id that is not a number', () => {
    expect(relayedEventText('9', '[1, 2]')).toBeNull();
    expect(relayedEventText('9', '"text"')).toBeNull();
    expect(relayedEventText('9 OR 1', '{}')).toBeNull();
  });
});
