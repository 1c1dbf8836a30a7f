/**
 * The relay reads the outbox in sequence order, page by page, whatever the digits of the ids: its read once sorted
 * by the text of the id, so a page after id 9 began at 10, 100, 1000... and jumped back, publishing events twice
 * (found by the benchmark's duplicate count). Each board event's rooms and payload come as JSON text. The rows
 * added here have no rooms, so no relay would send them to anyone.
 */
import { OutboxRepository } from '@app/database';
import { openOwnerConnection } from '../../setup/database-connections';
import { TestApi, startTestApi } from '../../setup/test-app';

describe('the relay’s outbox read', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('pages through ids that cross digit boundaries in numeric order, each once', async () => {
    const [{ max }]: { max: string | null }[] = await api.dataSource.query(
      'SELECT max(id)::text AS max FROM outbox_events',
    );
    const before = max ?? '0';
    // The sequence jumps to just below the next power of ten (ids are only ever skipped, never reused), so the
    // twelve rows cross a digit boundary wherever the run's ids stand.
    const boundary = 10n ** BigInt((BigInt(before) + 1n).toString().length);
    const owner = await openOwnerConnection();
    try {
      await owner.query(`SELECT setval('outbox_events_id_seq', $1::bigint)`, [(boundary - 6n).toString()]);
    } finally {
      await owner.destroy();
    }
    const inserted: { id: string }[] = await api.dataSource.query(
      `INSERT INTO outbox_events (type, rooms, payload)
       SELECT 'test.relay_order', '{}', '{}' FROM generate_series(1, 12) RETURNING id::text AS id`,
    );
    const count = inserted.length;
    const expected = inserted.map((r) => r.id).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));

    const outbox = new OutboxRepository(api.dataSource);
    const read: string[] = [];
    let after = before;
    for (let page = 0; page < count; page += 1) {
      const rows = await outbox.listAfter(after, 7, []);
      if (rows.length === 0) break;
      read.push(...rows.map((r) => r.id));
      after = rows[rows.length - 1].id;
    }
    expect(read).toEqual(expected);
  });

  it('reads each board event’s rooms and payload as JSON text, and nothing else as a board event', async () => {
    const [{ max }]: { max: string | null }[] = await api.dataSource.query(
      'SELECT max(id)::text AS max FROM outbox_events',
    );
    const payload = { type: 'task.created', at: '2026-11-30T17:00:00.000Z', task: { id: 't1', title: 'Bank "ISA"' } };
    const rows: { id: string }[] = await api.dataSource.query(
      `INSERT INTO outbox_events (type, rooms, payload)
       VALUES ('task.created', '{}', $1), ('test.not_a_board_event', '{}', '{"type": "test.not_a_board_event"}'),
              ('access.changed', '{}', '{"userId": "u1"}')
       RETURNING id::text AS id`,
      [payload],
    );
    const read = await new OutboxRepository(api.dataSource).listAfter(max ?? '0', 10, ['task.created']);
    const mine = rows.map((r) => read.find((row) => row.id === r.id));
    expect(JSON.parse(mine[0]?.payloadJson ?? 'null')).toEqual(payload);
    expect(JSON.parse(mine[0]?.roomsJson ?? 'null')).toEqual([]);
    expect(mine[1]?.payloadJson).toBeNull();
    expect(mine[2]).toMatchObject({ type: 'access.changed', payloadJson: null, userId: 'u1' });
  });
});
