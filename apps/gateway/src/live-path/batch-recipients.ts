/**
 * Who gets what from one relay batch on this gateway (pure: the rooms' members are passed in). Each socket gets
 * the events addressed to any room it is in, once each, in sequence order, as socket.io's own broadcast to several
 * rooms would give them; sockets whose lists are the same share one send (socket.io encodes a broadcast once).
 * Need-to-know holds as before: membership of a room is what the gateway granted when the socket joined it.
 */
/** What routing needs of an event: its sequence number and its rooms (the relay's RelayedEventText). */
export interface RoutedEvent {
  seq: number;
  rooms: readonly string[];
}

export interface Delivery<E extends RoutedEvent> {
  socketIds: string[];
  events: E[];
}

export function batchRecipients<E extends RoutedEvent>(
  batch: readonly E[],
  membersOf: (room: string) => ReadonlySet<string> | undefined,
): Delivery<E>[] {
  const perSocket = new Map<string, E[]>();
  for (const event of batch) {
    for (const room of event.rooms) {
      const members = membersOf(room);
      if (!members) continue;
      for (const id of members) {
        const list = perSocket.get(id);
        if (!list) perSocket.set(id, [event]);
        // Events are visited in order, so a socket already given this one (through another room) has it last.
        else if (list[list.length - 1] !== event) list.push(event);
      }
    }
  }
  const groups = new Map<string, Delivery<E>>();
  for (const [id, events] of perSocket) {
    const key = events.map((e) => e.seq).join(',');
    const group = groups.get(key);
    if (group) group.socketIds.push(id);
    else groups.set(key, { socketIds: [id], events });
  }
  return [...groups.values()];
}
