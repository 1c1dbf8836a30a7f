/**
 * The fan-out measurement both sides share: one task's status flipped `changes` times, one change after another,
 * through an HTTP route (Resettle's API, or the bare handler); each round, every client must receive the event
 * of the task at its next version; per client, receive time − the moment just before the HTTP request. One
 * unmeasured round first on each side, so neither pays for its first-call compilation in the figures.
 */
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../scripts/supervisor';
import { Summary, summarise } from '../lib/stats';
import { ClientFleet } from './client-fleet';
import { SocketMemory } from './socket-memory';

export interface TaskState {
  id: string;
  version: number;
  status: string;
}

export interface FanoutResult extends RoundsResult {
  disconnected: number;
  memory: SocketMemory;
}

/** Sends one status change of `task` to `next` and answers the task as it now stands. */
export type ChangeStatus = (task: TaskState, next: string) => Promise<TaskState>;

export interface RoundsResult {
  stats: Summary;
  delivered: number;
  expected: number;
  /** Per round: the HTTP request's round trip (the write side's share). */
  http: Summary;
  /** Per round: the first client's receipt. */
  first: Summary;
}

export async function statusChangeRounds(
  fleet: ClientFleet,
  start: TaskState,
  changes: number,
  change: ChangeStatus,
): Promise<RoundsResult> {
  const task = { ...start };
  const samples: number[] = [];
  const http: number[] = [];
  const first: number[] = [];
  for (let round = -1; round < changes; round += 1) {
    const next = task.status === 'TODO' ? 'IN_PROGRESS' : 'TODO';
    const event = { taskId: task.id, version: task.version + 1 };
    let took = 0;
    const times = await fleet.round(round, event, async () => {
      const sent = performance.now();
      Object.assign(task, await change(task, next));
      took = performance.now() - sent;
    });
    if (round >= 0) {
      if (process.env.FANOUT_ROUND_LOG === '1') logRound(round, took, times);
      samples.push(...times);
      http.push(took);
      if (times.length > 0) first.push(Math.min(...times));
    }
    await systemClock.sleep(100);
  }
  return {
    stats: summarise(samples),
    delivered: samples.length,
    expected: fleet.count * changes,
    http: summarise(http),
    first: summarise(first),
  };
}

/** FANOUT_ROUND_LOG=1: one line per round (HTTP, first, median and last client), to find the round behind a p99. */
function logRound(round: number, http: number, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => (sorted[Math.floor(q * (sorted.length - 1))] ?? Number.NaN).toFixed(1);
  console.log(`round ${round + 1}: http ${http.toFixed(1)} first ${at(0)} p50 ${at(0.5)} max ${at(1)} ms`);
}
