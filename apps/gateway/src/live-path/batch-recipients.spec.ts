import { batchRecipients, type RoutedEvent } from './batch-recipients';

const relayed = (seq: number, rooms: string[]): RoutedEvent => ({ seq, rooms });

function members(rooms: Record<string, string[]>) {
  const map = new Map(Object.entries(rooms).map(([room, ids]) => [room, new Set(ids)]));
  return (room: string) => map.get(room);
}

describe('batchRecipients', () => {
  it('gives each socket the events of its rooms once each, in order, even when it is in several of their rooms', () => {
    const batch = [relayed(1, ['prison:STI', 'woman:a']), relayed(2, ['prison:BZI']), relayed(3, ['woman:a'])];
    const deliveries = batchRecipients(
      batch,
      members({ 'prison:STI': ['s1', 's2'], 'woman:a': ['s1'], 'prison:BZI': ['s3'] }),
    );
    const bySocket = new Map(deliveries.flatMap((d) => d.socketIds.map((id) => [id, d.events.map((e) => e.seq)])));
    expect(Object.fromEntries(bySocket)).toEqual({ s1: [1, 3], s2: [1], s3: [2] });
  });

  it('sends sockets with the same events together, once', () => {
    const batch = [relayed(7, ['prison:STI']), relayed(8, ['prison:STI'])];
    const deliveries = batchRecipients(batch, members({ 'prison:STI': ['a', 'b', 'c'] }));
    expect(deliveries).toEqual([{ socketIds: ['a', 'b', 'c'], events: batch }]);
    expect(deliveries[0].events[0]).toBe(batch[0]);
  });

  it('sends nothing for rooms with no member on this gateway', () => {
    expect(batchRecipients([relayed(1, ['prison:AGI'])], members({ 'prison:STI': ['a'] }))).toEqual([]);
  });
});
