import { relayBatchText } from '@app/events';
import { relayedBatch } from './relayed-batch';

describe('relayedBatch', () => {
  const events = [
    { rooms: ['prison:STI'], event: { type: 'task.created', at: '2026-11-30T17:00:00.000Z', seq: 7 } },
    { rooms: ['woman:1', 'prison:STI'], event: { type: 'alert.raised', at: '2026-11-30T17:00:00.000Z', seq: 8 } },
  ];
  /** What the gateway makes of a batch: each event's rooms, and its text parsed back (what a socket reads). */
  const routed = (message: unknown) =>
    relayedBatch(message)?.map((e) => ({ seq: e.seq, rooms: e.rooms, event: JSON.parse(e.json) as unknown }));
  const expected = events.map((e) => ({ seq: e.event.seq, rooms: e.rooms, event: e.event }));

  it('reads the batch text a relay sends, keeping each event’s text as it came (PostgreSQL’s spacing, non-ASCII)', () => {
    const texts = ['{"type": "task.created", "title": "Cyfrif banc – ‘ISA’ 🏦", "seq": 7}', '{"seq": 8}'];
    const text = relayBatchText([
      { seq: '7', roomsJson: '["prison:STI"]', json: texts[0] },
      { seq: '8', roomsJson: '["woman:1","prison:STI"]', json: texts[1] },
    ]);
    expect(relayedBatch(text)).toEqual([
      { seq: 7, rooms: ['prison:STI'], json: texts[0] },
      { seq: 8, rooms: ['woman:1', 'prison:STI'], json: texts[1] },
    ]);
  });

  it('reads the JSON text an older relay sends, as PostgreSQL spaces it', () => {
    const text = `[${events.map((e) => `{"rooms" : ${JSON.stringify(e.rooms)}, "event" : ${JSON.stringify(e.event)}}`).join(',')}]`;
    expect(routed(text)).toEqual(expected);
  });

  it('takes the list itself from a relay that sends one', () => {
    expect(routed(events)).toEqual(expected);
  });

  it('refuses anything that is not a batch of events', () => {
    expect(relayedBatch('{"rooms": []}')).toBeNull();
    expect(relayedBatch('[{"rooms"')).toBeNull();
    expect(relayedBatch([{ rooms: ['prison:STI'], event: { type: 'x' } }])).toBeNull();
    expect(relayedBatch(42)).toBeNull();
    expect(relayedBatch(null)).toBeNull();
    // A batch text whose lengths overrun its body, or leave some of it over, or whose header is not JSON.
    expect(relayedBatch('R2[[7,40,["prison:STI"]]]\n{"seq": 7}')).toBeNull();
    expect(relayedBatch('R2[[7,4,["prison:STI"]]]\n{"seq": 7}')).toBeNull();
    expect(relayedBatch('R2[[7,10,["prison:STI"]]\n{"seq": 7}')).toBeNull();
    // Lengths that add up but cut the events anywhere but at their braces.
    expect(relayedBatch('R2[[7,8,["prison:STI"]],[8,12,["prison:STI"]]]\n{"seq": 7}{"seq": 8}')).toBeNull();
  });
});
