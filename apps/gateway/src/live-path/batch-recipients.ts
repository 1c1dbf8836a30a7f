/**
 * Who gets what from one relay batch on this gateway (pure: the rooms' members are passed in). Each socket gets
 * the events addressed to any room it is in, once each, in sequence order, as socket.io's own broadcast to several
 * rooms would give them; sockets whose lists are the same share one send (socket.io encodes a broadcast once).
 * Need-to-know holds as before: membership of a room is what the gateway granted when the socket joined it.
 */
import type { BoardEvent, RelayedBoardEvent } from '@app/events';

export interface Delivery {
  socketIds: string[];
  events: BoardEvent[];
}

export function batchRecipients(
  batch: readonly RelayedBoardEvent[],
  membersOf: (room: string) => ReadonlySet<string> | undefined,
): Delivery[] {
  const perSocket = new Map<string, BoardEvent[]>();
  for (const { rooms, event } of batch) {
    for (const room of rooms) {
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
  const groups = new Map<string, Delivery>();
  for (const [id, events] of perSocket) {
    const key = events.map((e) => e.seq).join(',');
    const group = groups.get(key);
    if (group) group.socketIds.push(id);
    else groups.set(key, { socketIds: [id], events });
  }
  return [...groups.values()];
}
