/**
 * Test 2, bare-library side: two plain socket.io servers on the Redis adapter (bench/bare/socketio-server.ts),
 * the same number of clients, the same payload broadcast `changes` times through the first server.
 */
import { join } from 'node:path';
import { freePort, pollUntil, SupervisedProcess } from '../../scripts/supervisor';
import type { BareServerMessage, BroadcastRequest } from '../bare/socketio-server';
import { BoardEventSample, connectMany, emitWithAck } from '../lib/clients';
import { Bench } from '../lib/stack';
import { FanoutResult, fanoutRounds } from './rounds';

export async function bareFanout(bench: Bench, template: BoardEventSample | undefined): Promise<FanoutResult> {
  const { run, settings } = bench;
  const ports = [await freePort(), await freePort()];
  const servers = ports.map((port, i) => startBareServer(bench, `bare-socketio-${i + 1}`, port));
  try {
    await Promise.all(servers.map(waitForReadyMessage));
    const urls = ports.map((port) => `http://127.0.0.1:${port}`);
    const setup = (socket: Parameters<typeof emitWithAck>[0]) => emitWithAck(socket, 'join', 'prison:STI');
    const sockets = run.track(await connectMany(urls, settings.fanoutClients, {}, { setup }));
    try {
      // The same payload a Resettle client received (so the same bytes go over the wire), numbered per round.
      const payload = template ?? { type: 'task.status_changed', at: new Date().toISOString(), task: {} };
      return await fanoutRounds(run, sockets, settings.changes, (round) => ({
        matches: (event) => event.seq === -1 - round,
        send: () => {
          const request: BroadcastRequest = {
            type: 'broadcast',
            room: 'prison:STI',
            event: 'board.event',
            payload: { ...payload, seq: -1 - round },
          };
          servers[0].child.send(request);
          return Promise.resolve();
        },
      }));
    } finally {
      run.closeTracked(sockets);
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

function startBareServer(bench: Bench, name: string, port: number): SupervisedProcess {
  const { run, settings } = bench;
  const env = { PORT: String(port), REDIS_URL: settings.redisUrl, CHANNEL_PREFIX: `${run.prefix}-bare2:socket.io` };
  return run.startNode(name, join(__dirname, '..', 'bare', 'socketio-server.js'), { env, ipc: true });
}

async function waitForReadyMessage(server: SupervisedProcess): Promise<void> {
  let ready = false;
  server.child.on('message', (message: BareServerMessage) => {
    if (message.type === 'ready') ready = true;
  });
  await pollUntil(() => ready, {
    what: `${server.name} to be ready`,
    timeoutMs: 30_000,
    everyMs: 20,
    abortIf: () => (server.running ? undefined : `${server.name} ${server.describeExit()}\n${server.describe()}`),
  });
}
