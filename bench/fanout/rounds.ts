/**
 * The fan-out measurement both sides share: one task's status flipped `changes` times, one change after another,
 * through an HTTP route (Resettle's API, or the bare handler); each round, every client must receive the event
 * of the task at its next version; per client, receive time − the moment just before the HTTP request. One
 * unmeasured round first on each side, so neither pays for its first-call compilation in the figures.
 */
import { systemClock } from '../../scripts/supervisor';
import { Summary, summarise } from '../lib/stats';
import { ClientFleet } from './client-fleet';
import { SocketMemory } from './socket-memory';

export interface TaskState {
  id: string;
  version: number;
  status: string;
}

export interface FanoutResult {
  stats: Summary;
  delivered: number;
  expected: number;
  disconnected: number;
  memory: SocketMemory;
}

/** Sends one status change of `task` to `next` and answers the task as it now stands. */
export type ChangeStatus = (task: TaskState, next: string) => Promise<TaskState>;

export interface RoundsResult {
  stats: Summary;
  delivered: number;
  expected: number;
}

export async function statusChangeRounds(
  fleet: ClientFleet,
  start: TaskState,
  changes: number,
  change: ChangeStatus,
): Promise<RoundsResult> {
  const task = { ...start };
  const samples: number[] = [];
  for (let round = -1; round < changes; round += 1) {
    const next = task.status === 'TODO' ? 'IN_PROGRESS' : 'TODO';
    const event = { taskId: task.id, version: task.version + 1 };
    const times = await fleet.round(round, event, async () => {
      Object.assign(task, await change(task, next));
    });
    if (round >= 0) samples.push(...times);
    await systemClock.sleep(100);
  }
  return { stats: summarise(samples), delivered: samples.length, expected: fleet.count * changes };
}
