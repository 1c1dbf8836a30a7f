/**
 * The fan-out measurement both sides share: `changes` rounds, one after another; each round sends one event and
 * every client must receive the event the round's `matches` picks; per client, receive time − the moment before
 * the round was sent.
 */
import { performance } from 'node:perf_hooks';
import { Socket } from 'socket.io-client';
import { pollUntil, systemClock } from '../../scripts/supervisor';
import { BoardEventSample } from '../lib/clients';
import { BenchRun } from '../lib/bench-run';
import { Summary, summarise } from '../lib/stats';

export interface Round {
  matches(event: BoardEventSample): boolean;
  send(): Promise<void>;
}

export interface FanoutResult {
  stats: Summary;
  delivered: number;
  expected: number;
  disconnected: number;
}

interface CurrentRound {
  matches: Round['matches'];
  seen: Set<Socket>;
  t0: number;
}

export async function fanoutRounds(
  run: BenchRun,
  sockets: Socket[],
  changes: number,
  makeRound: (round: number) => Round,
): Promise<FanoutResult> {
  const samples: number[] = [];
  let disconnected = 0;
  let current: CurrentRound | undefined;
  for (const socket of sockets) {
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') disconnected += 1;
    });
    const note = (event: BoardEventSample, at: number) => {
      if (!current || !current.matches(event) || current.seen.has(socket)) return;
      current.seen.add(socket);
      samples.push(at - current.t0);
    };
    socket.on('board.event', (event: BoardEventSample) => note(event, performance.now()));
    socket.on('board.events', (events: BoardEventSample[]) => {
      const at = performance.now();
      for (const event of events) note(event, at);
    });
  }
  for (let round = 0; round < changes; round += 1) {
    const spec = makeRound(round);
    const thisRound: CurrentRound = { matches: spec.matches, seen: new Set(), t0: performance.now() };
    current = thisRound;
    await spec.send();
    await pollUntil(() => thisRound.seen.size >= sockets.length, {
      what: `round ${round + 1}'s event at every client`,
      timeoutMs: 10_000,
      everyMs: 5,
    }).catch((error: Error) => run.log(`warning: ${error.message} (${thisRound.seen.size}/${sockets.length})`));
    current = undefined;
    await systemClock.sleep(100);
  }
  return { stats: summarise(samples), delivered: samples.length, expected: sockets.length * changes, disconnected };
}
