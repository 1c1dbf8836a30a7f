/**
 * Bare-library baseline for fan-out, the writing side: a plain Node http handler for `PATCH /tasks/:id/status`
 * that updates the task row in a pg transaction (BEGIN; UPDATE ... RETURNING; COMMIT) and then emits the change
 * through `@socket.io/redis-emitter` to the prison room of the task's woman, which the bare socket.io servers
 * (socketio-server.ts, on the Redis adapter with the same key) deliver to their clients. No Nest, no auth, no
 * audit row, no outbox. The event is the one a Resettle client received (BARE_EVENT_TEMPLATE, JSON) with this
 * change's task id, version and status, so the same bytes go over the wire. Measures nothing itself.
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { Pool } from 'pg';

export type TaskServerMessage = { type: 'ready' };

interface UpdatedTask {
  id: string;
  version: number;
  status: string;
  prison_code: string;
}

const ROUTE = /^\/tasks\/([0-9a-f-]{36})\/status$/;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function main(): void {
  const { PORT, DATABASE_URL, REDIS_URL, CHANNEL_PREFIX, BARE_EVENT_TEMPLATE } = process.env;
  const pool = new Pool({ connectionString: DATABASE_URL, max: 4 });
  const redis = new Redis(REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const emitter = new Emitter(redis, { key: CHANNEL_PREFIX });
  const template = JSON.parse(BARE_EVENT_TEMPLATE ?? '{}') as { task?: Record<string, unknown> };

  async function changeStatus(taskId: string, body: { status: string; version: number }): Promise<UpdatedTask | null> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<UpdatedTask>(
        `UPDATE tasks t SET status = $1, version = t.version + 1, updated_at = now()
           FROM women w
          WHERE t.id = $2 AND t.version = $3 AND w.id = t.woman_id
      RETURNING t.id, t.version, t.status, w.prison_code`,
        [body.status, taskId, body.version],
      );
      await client.query('COMMIT');
      return rows[0] ?? null;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  const server = createServer((request, response) => {
    const taskId = ROUTE.exec(request.url ?? '')?.[1];
    if (request.method !== 'PATCH' || !taskId) {
      answer(response, 404, { message: 'not found' });
      return;
    }
    readBody(request)
      .then((text) => changeStatus(taskId, JSON.parse(text) as { status: string; version: number }))
      .then((task) => {
        if (!task) {
          answer(response, 409, { message: 'stale version' });
          return;
        }
        const { id, version, status } = task;
        const event = { ...template, at: new Date().toISOString(), task: { ...template.task, id, version, status } };
        emitter.to(`prison:${task.prison_code}`).emit('board.event', event);
        answer(response, 200, { id, version, status });
      })
      .catch((error: Error) => answer(response, 500, { message: error.message }));
  });
  server.listen(Number(PORT), '127.0.0.1', () => process.send?.({ type: 'ready' } satisfies TaskServerMessage));

  const stop = async () => {
    server.close();
    await Promise.all([pool.end().catch(() => undefined), redis.quit().catch(() => undefined)]);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('disconnect', () => void stop());
}

// Imported for its message types by the parent; runs only as the child's entry point.
if (require.main === module) main();
