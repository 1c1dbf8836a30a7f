/**
 * Test 1's receivers: one admin client on each gateway, subscribed to every prison board, noting for each expected
 * threshold (the burst's and the spread's) the first `alert.raised` it receives (time, threshold, outbox
 * sequence) and counting what else arrives (other alerts, duplicates, disconnects).
 */
import { Socket } from 'socket.io-client';
import { BoardEventSample, connectMany, emitWithAck, SubscribeReply } from '../lib/clients';
import { Bench } from '../lib/stack';
import { ExpectedAlert, PRISONS } from '../lib/storage';

export interface ReceivedAlert {
  at: number;
  thresholdAt: number;
  seq: number;
}

export interface AdminClients {
  sockets: Socket[];
  /** Client i's socket (connection order differs from i). */
  bySlot: Socket[];
  /** Per client: expected threshold (alertKey) -> its alert. */
  received: Map<string, ReceivedAlert>[];
  /** Duplicates: the same threshold received again (with both sequence numbers, the first few). */
  stray: { count: number; duplicates: number; duplicateSeqs: string[]; disconnects: string[] };
}

const PRISON_ROOMS = PRISONS.map((code) => `prison:${code}`);

/** One threshold of one task, as the clients file what they receive. */
export const alertKey = ({ taskId, kind }: ExpectedAlert): string => `${taskId}:${kind}`;

export async function connectAdminClients(bench: Bench, expected: readonly ExpectedAlert[]): Promise<AdminClients> {
  const keys = new Set(expected.map(alertKey));
  const { run, stack } = bench;
  const clients: AdminClients = {
    sockets: [],
    bySlot: [],
    received: [],
    stray: { count: 0, duplicates: 0, duplicateSeqs: [], disconnects: [] },
  };
  const setup = async (socket: Socket, index: number) => {
    const reply = await emitWithAck<SubscribeReply>(socket, 'board.subscribe', { rooms: PRISON_ROOMS });
    if (reply.joined.length !== PRISON_ROOMS.length) {
      throw new Error(`admin client could not join every prison room: ${JSON.stringify(reply.refused)}`);
    }
    const mine = new Map<string, ReceivedAlert>();
    clients.received[index] = mine;
    clients.bySlot[index] = socket;
    socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      clients.stray.disconnects.push(`client ${index + 1} disconnected after ${mine.size} alerts: ${reason}`);
      run.log(`warning: admin client ${index + 1} disconnected (${reason})`);
    });
    socket.on('board.event', (event: BoardEventSample) => noteAlert(event, Date.now(), mine, keys, clients.stray));
    socket.on('board.events', (events: BoardEventSample[]) => {
      const at = Date.now();
      for (const event of events) noteAlert(event, at, mine, keys, clients.stray);
    });
  };
  const urls = stack.gatewayPorts.map((port) => `http://127.0.0.1:${port}`);
  clients.sockets = run.track(await connectMany(urls, urls.length, { token: stack.adminToken }, { setup }));
  return clients;
}

function noteAlert(
  event: BoardEventSample,
  at: number,
  mine: Map<string, ReceivedAlert>,
  keys: ReadonlySet<string>,
  stray: AdminClients['stray'],
): void {
  if (event.type !== 'alert.raised' || !event.alert) return;
  const key = `${event.alert.taskId}:${event.alert.kind}`;
  if (!keys.has(key)) {
    stray.count += 1;
  } else if (mine.has(key)) {
    stray.duplicates += 1;
    if (stray.duplicateSeqs.length < 5) stray.duplicateSeqs.push(`${key} seq ${mine.get(key)?.seq} and ${event.seq}`);
  } else {
    mine.set(key, { at, thresholdAt: Date.parse(event.alert.thresholdAt), seq: event.seq ?? Number.NaN });
  }
}
