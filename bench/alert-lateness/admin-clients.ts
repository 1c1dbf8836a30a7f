/**
 * Test 1's receivers: one admin client on each gateway, subscribed to every prison board, noting for each burst
 * task the first OVERDUE `alert.raised` it receives (time, threshold, outbox sequence) and counting what else
 * arrives (other alerts, duplicates, disconnects).
 */
import { Socket } from 'socket.io-client';
import { BoardEventSample, connectMany, emitWithAck, SubscribeReply } from '../lib/clients';
import { Bench } from '../lib/stack';
import { PRISONS } from '../lib/storage';

export interface ReceivedAlert {
  at: number;
  thresholdAt: number;
  seq: number;
}

export interface AdminClients {
  sockets: Socket[];
  /** Client i's socket (connection order differs from i). */
  bySlot: Socket[];
  /** Per client: burst task id -> its alert. */
  received: Map<string, ReceivedAlert>[];
  stray: { count: number; duplicates: number; disconnects: string[] };
}

const PRISON_ROOMS = PRISONS.map((code) => `prison:${code}`);

export async function connectAdminClients(bench: Bench, burstIds: ReadonlySet<string>): Promise<AdminClients> {
  const { run, stack } = bench;
  const clients: AdminClients = {
    sockets: [],
    bySlot: [],
    received: [],
    stray: { count: 0, duplicates: 0, disconnects: [] },
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
    socket.on('board.event', (event: BoardEventSample) => noteAlert(event, Date.now(), mine, burstIds, clients.stray));
  };
  const urls = stack.gatewayPorts.map((port) => `http://127.0.0.1:${port}`);
  clients.sockets = run.track(await connectMany(urls, urls.length, { token: stack.adminToken }, { setup }));
  return clients;
}

function noteAlert(
  event: BoardEventSample,
  at: number,
  mine: Map<string, ReceivedAlert>,
  burstIds: ReadonlySet<string>,
  stray: AdminClients['stray'],
): void {
  if (event.type !== 'alert.raised' || !event.alert) return;
  const taskId = event.alert.taskId;
  if (!burstIds.has(taskId) || event.alert.kind !== 'OVERDUE') {
    stray.count += 1;
  } else if (mine.has(taskId)) {
    stray.duplicates += 1;
  } else {
    mine.set(taskId, { at, thresholdAt: Date.parse(event.alert.thresholdAt), seq: event.seq ?? Number.NaN });
  }
}
