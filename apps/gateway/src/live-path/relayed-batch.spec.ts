import { relayedBatch } from './relayed-batch';

describe('relayedBatch', () => {
  const events = [
    { rooms: ['prison:STI'], event: { type: 'task.created', at: '2026-11-30T17:00:00.000Z', seq: 7 } },
    { rooms: ['woman:1', 'prison:STI'], event: { type: 'alert.raised', at: '2026-11-30T17:00:00.000Z', seq: 8 } },
  ];

  it('reads the JSON text a relay sends, as PostgreSQL spaces it', () => {
    const text = `[${events.map((e) => `{"rooms" : ${JSON.stringify(e.rooms)}, "event" : ${JSON.stringify(e.event)}}`).join(',')}]`;
    expect(relayedBatch(text)).toEqual(events);
  });

  it('takes the list itself from a relay that sends one', () => {
    expect(relayedBatch(events)).toBe(events);
  });

  it('refuses anything that is not a list of events', () => {
    expect(relayedBatch('{"rooms": []}')).toBeNull();
    expect(relayedBatch('[{"rooms"')).toBeNull();
    expect(relayedBatch(42)).toBeNull();
    expect(relayedBatch(null)).toBeNull();
  });
});
