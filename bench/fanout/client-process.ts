/**
 * Test 2's clients, one child process of many (see client-fleet.ts): opens its share of socket.io clients on the
 * gateways (or the bare servers), puts each in the room, and for each round the parent announces stamps when each
 * client receives the round's event (the task's id at its next version). Times are wall-clock milliseconds with
 * sub-millisecond precision (performance.timeOrigin + performance.now()), comparable across processes of one
 * machine; the parent subtracts its own stamp from just before the HTTP request.
 */
import { performance } from 'node:perf_hooks';
import { Socket } from 'socket.io-client';
import { BoardEventSample, closeAll, connectMany, emitWithAck, SubscribeReply } from '../lib/clients';

/** How a client enters the room: Resettle's `board.subscribe` (authorised) or the bare servers' `join`. */
export type JoinMode = 'subscribe' | 'join';

/** A round's event: the task's id at the version the change produces. */
export interface ExpectedEvent {
  taskId: string;
  version: number;
}

export type ToClients =
  { type: 'expect'; round: number; event: ExpectedEvent } | { type: 'collect'; round: number } | { type: 'close' };

export type FromClients =
  | { type: 'connected'; sockets: number }
  | { type: 'failed'; message: string }
  | { type: 'expecting'; round: number }
  | { type: 'received'; round: number; times: number[] }
  | { type: 'closed'; disconnected: number };

export const wallClockNow = (): number => performance.timeOrigin + performance.now();

interface Current {
  round: number;
  event: ExpectedEvent;
  seen: Set<Socket>;
  times: number[];
  reported: boolean;
}

function send(message: FromClients): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const { FLEET_URLS, FLEET_COUNT, FLEET_OFFSET, FLEET_TOKEN, FLEET_JOIN, FLEET_ROOM } = process.env;
  const urls = (FLEET_URLS ?? '').split(',');
  const offset = Number(FLEET_OFFSET ?? '0');
  const room = FLEET_ROOM ?? 'prison:STI';
  const mode = FLEET_JOIN as JoinMode;
  // Round-robin over the urls by the client's index in the whole fleet, so every process splits its share evenly.
  const rotated = urls.map((_, i) => urls[(offset + i) % urls.length]);
  const setup = async (socket: Socket) => {
    if (mode === 'join') {
      await emitWithAck(socket, 'join', room);
      return;
    }
    const reply = await emitWithAck<SubscribeReply>(socket, 'board.subscribe', { rooms: [room] });
    if (!reply.joined.includes(room)) throw new Error(`refused: ${JSON.stringify(reply.refused)}`);
  };
  const auth: Record<string, string> = FLEET_TOKEN ? { token: FLEET_TOKEN } : {};
  const sockets = await connectMany(rotated, Number(FLEET_COUNT), auth, { setup });

  let current: Current | undefined;
  let disconnected = 0;
  const report = (c: Current) => {
    if (c.reported) return;
    c.reported = true;
    send({ type: 'received', round: c.round, times: c.times });
  };
  for (const socket of sockets) {
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') disconnected += 1;
    });
    const note = (event: BoardEventSample, at: number) => {
      const c = current;
      if (!c || c.seen.has(socket) || event.task?.id !== c.event.taskId || event.task.version !== c.event.version)
        return;
      c.seen.add(socket);
      c.times.push(at);
      if (c.seen.size === sockets.length) report(c);
    };
    socket.on('board.event', (event: BoardEventSample) => note(event, wallClockNow()));
    // Several events of one relay batch arrive together (a change that wrote two events, or a burst).
    socket.on('board.events', (events: BoardEventSample[]) => {
      const at = wallClockNow();
      for (const event of events) note(event, at);
    });
  }
  process.on('message', (message: ToClients) => {
    if (message.type === 'expect') {
      current = { round: message.round, event: message.event, seen: new Set(), times: [], reported: false };
      send({ type: 'expecting', round: message.round });
    } else if (message.type === 'collect') {
      if (current?.round === message.round) report(current);
    } else if (message.type === 'close') {
      closeAll(sockets);
      send({ type: 'closed', disconnected });
      setTimeout(() => process.exit(0), 200);
    }
  });
  process.on('disconnect', () => {
    closeAll(sockets);
    process.exit(0);
  });
  send({ type: 'connected', sockets: sockets.length });
}

// Imported for its message types by the parent; runs only as the child's entry point.
if (require.main === module) {
  main().catch((error: Error) => {
    send({ type: 'failed', message: error.message });
    setTimeout(() => process.exit(1), 200);
  });
}
