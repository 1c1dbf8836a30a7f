/**
 * Test 2, Resettle side: `fanoutClients` clients (half on each gateway) in the STI prison room; `changes` task
 * status changes through the API, one after another. Returns the first event received as the template the bare
 * side sends, so the same bytes go over the wire.
 */
import { BoardEventSample, connectMany, emitWithAck, SubscribeReply } from '../lib/clients';
import { callApi } from '../lib/http';
import { Bench } from '../lib/stack';
import { FanoutResult, fanoutRounds, Round } from './rounds';

export interface ResettleFanout extends FanoutResult {
  template: BoardEventSample | undefined;
}

interface TaskState {
  id: string;
  version: number;
  status: string;
}

export async function resettleFanout(bench: Bench): Promise<ResettleFanout> {
  const { run, settings, stack } = bench;
  const { rows } = await stack.db.query<TaskState>(
    `SELECT t.id, t.version, t.status FROM tasks t JOIN women w ON w.id = t.woman_id
      WHERE w.prison_code = 'STI' AND t.template_key = 'bench' ORDER BY t.due_at DESC LIMIT 1`,
  );
  const task = { ...rows[0] };
  const setup = async (socket: Parameters<typeof emitWithAck>[0]) => {
    const reply = await emitWithAck<SubscribeReply>(socket, 'board.subscribe', { rooms: ['prison:STI'] });
    if (!reply.joined.includes('prison:STI')) throw new Error(`refused: ${JSON.stringify(reply.refused)}`);
  };
  const urls = stack.gatewayPorts.map((port) => `http://127.0.0.1:${port}`);
  const sockets = run.track(await connectMany(urls, settings.fanoutClients, { token: stack.prtToken }, { setup }));
  const seen: { template?: BoardEventSample } = {};
  try {
    const result = await fanoutRounds(run, sockets, settings.changes, () => statusChange(bench, task, seen));
    return { ...result, template: seen.template };
  } finally {
    run.closeTracked(sockets);
  }
}

/** One round: flip the task between TODO and IN_PROGRESS; the round's event is the one with the next version. */
function statusChange(bench: Bench, task: TaskState, seen: { template?: BoardEventSample }): Round {
  const next = task.status === 'TODO' ? 'IN_PROGRESS' : 'TODO';
  const expectVersion = task.version + 1;
  return {
    matches: (event) => {
      const hit =
        event.type === 'task.status_changed' && event.task?.id === task.id && event.task.version === expectVersion;
      if (hit) seen.template ??= event;
      return hit;
    },
    send: async () => {
      const route = `/tasks/${task.id}/status`;
      const body = { status: next, version: task.version };
      const view = await callApi<TaskState>(bench.stack.apiPort, 'PATCH', route, { token: bench.stack.prtToken, body });
      task.version = view.version;
      task.status = view.status;
    },
  };
}
