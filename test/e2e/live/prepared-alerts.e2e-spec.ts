/**
 * Alerts built ahead of their instant (issue 15), end to end: the real API (in process), a real worker and gateway,
 * real PostgreSQL, Redis and a socket.io client. The worker drafts an instant's alerts before it
 * (prepared_alerts) and raises them at it; a change made after the draft was stored must win: a task closed gets
 * no alert, a task claimed or a woman moved gets an alert built from what she and the task are at the instant, an
 * acknowledged ladder no escalation. Each threshold is raised once, with one audit entry and one board event.
 */
import { PreparedAlertsRepository } from '@app/database';
import { AlertKind, Role, TaskStatus } from '@app/domain';
import type { TaskView } from '@app/contracts';
import { AppProcess, startApp } from '../../setup/app-process';
import { BoardClient, ReceivedEvent, eventually, waitForSentinel } from '../../setup/board-client';
import { metricSample } from '../../setup/metrics-text';
import { TestApi, startTestApi } from '../../setup/test-app';
import { SignedInUser, createPrtTask, createSignedInUser } from '../../factories';

jest.setTimeout(120_000);

describe('alerts prepared ahead of their instant', () => {
  let api: TestApi;
  let gateway: AppProcess;
  let worker: AppProcess;
  let prt: SignedInUser;
  let admin: SignedInUser;
  let board: BoardClient;

  beforeAll(async () => {
    api = await startTestApi();
    gateway = await startApp('gateway');
    // Every instant here is drafted, however few its thresholds (a working day's 17:00 has thousands).
    worker = await startApp('worker', {
      HORIZON_EVERY_MS: '1000',
      RECONCILE_EVERY_MS: '60000',
      PREPARE_MIN_THRESHOLDS: '1',
    });
    prt = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] });
    admin = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.ADMIN });
    board = await BoardClient.connect(gateway.url, admin.token);
    const reply = await board.subscribe(['prison:STI', 'prison:AGI']);
    expect(reply.refused).toEqual([]);
  });

  afterAll(async () => {
    board?.close();
    await Promise.all([worker?.stop(), gateway?.stop()]);
    await api?.close();
  });

  const freshTask = () => createPrtTask(api.baseUrl, prt);

  function alertsFor(taskId: string): ReceivedEvent[] {
    return board.events.filter((e) => e.type === 'alert.raised' && e.task?.id === taskId);
  }

  async function count(sql: string, ids: string[]): Promise<number> {
    const [row]: { n: number }[] = await api.dataSource.query(sql, [ids]);
    return row.n;
  }

  /** Drafts of these tasks that still hold (not marked stale by a change). */
  const draftsOf = (ids: string[]) =>
    count('SELECT count(*)::int AS n FROM prepared_alerts WHERE task_id = ANY($1) AND NOT stale', ids);
  const alertRows = (ids: string[]) => count('SELECT count(*)::int AS n FROM alerts WHERE task_id = ANY($1)', ids);
  const auditRows = (ids: string[]) =>
    count(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = ANY($1::text[]) AND action LIKE 'ALERT_%'`,
      ids,
    );

  /** All of these fall due at one instant `inMs` from now, as a new deadline revision. */
  async function dueAt(ids: string[], instant: Date, escalations: Date[] = []): Promise<void> {
    await api.dataSource.query(
      `UPDATE tasks SET at_risk_at = $2, due_at = $2, escalation_ats = $3::timestamptz[],
                        deadline_revision = deadline_revision + 1
        WHERE id = ANY($1)`,
      [ids, instant, escalations],
    );
  }

  it('drafts the alerts before the instant, raises nothing early, then raises each once with its audit entry and event', async () => {
    const tasks = await Promise.all([1, 2, 3, 4].map(() => freshTask()));
    const ids = tasks.map((t) => t.id);
    const instant = new Date(Date.now() + 15_000);
    await dueAt(ids, instant);

    expect(await eventually(async () => (await draftsOf(ids)) === ids.length, 12_000, 200)).toBe(true);
    expect(Date.now()).toBeLessThan(instant.getTime());
    expect(await alertRows(ids)).toBe(0);
    expect(board.events.filter((e) => e.type === 'alert.raised' && ids.includes(e.task?.id ?? ''))).toEqual([]);

    const sentinel = await freshTask();
    await dueAt([sentinel.id], new Date(instant.getTime() + 2000));
    await waitForSentinel(board, (e) => e.type === 'alert.raised' && e.task?.id === sentinel.id);

    for (const task of tasks) {
      const events = alertsFor(task.id);
      expect(events.map((e) => e.alert?.kind)).toEqual([AlertKind.OVERDUE]);
      const [event] = events;
      // Built as the usual path builds it: the task as it stands at the instant, the alert's own row.
      expect(event.task).toMatchObject({ id: task.id, status: TaskStatus.TODO, scheduleState: 'OVERDUE' });
      expect(event.alert?.thresholdAt).toBe(instant.toISOString());
      const [row]: { id: string; created_at: Date }[] = await api.dataSource.query(
        'SELECT id, created_at FROM alerts WHERE task_id = $1',
        [task.id],
      );
      expect(event.alert?.id).toBe(row.id);
      expect(event.alert?.createdAt).toBe(row.created_at.toISOString());
      expect(row.created_at.getTime()).toBeGreaterThanOrEqual(instant.getTime());
    }
    expect(await alertRows(ids)).toBe(ids.length);
    expect(await auditRows(ids)).toBe(ids.length);
    // Raised from the drafts, not by the sweep that follows them.
    const metrics = await (await fetch(`${worker.url}/metrics`)).text();
    const fromDrafts = { kind: AlertKind.OVERDUE, path: 'draft' };
    expect(metricSample(metrics, 'resettle_alert_lateness_seconds_count', fromDrafts)).toBeGreaterThanOrEqual(
      ids.length,
    );
    // By the timer the prepare job armed in this worker, on the instant; the instant's own job then swept nothing
    // more (the counts above are still one alert, one audit entry and one event each).
    expect(metricSample(metrics, 'resettle_instant_sweeps_total', { trigger: 'armed' })).toBeGreaterThanOrEqual(1);
  });

  it('lets a change made after the draft win: closed, claimed, moved and acknowledged', async () => {
    const [closed, claimed, moved, laddered] = await Promise.all([1, 2, 3, 4].map(() => freshTask()));
    const instant = new Date(Date.now() + 15_000);
    // One statement, so the instant's prepare job finds all four: three fall due at the instant, and the fourth,
    // overdue a minute ago (its alert raised below and acknowledged later), reaches its ladder's first rung then.
    await api.dataSource.query(
      `UPDATE tasks SET at_risk_at = CASE WHEN id = $2::uuid THEN $4::timestamptz ELSE $3::timestamptz END,
                        due_at = CASE WHEN id = $2::uuid THEN $4::timestamptz ELSE $3::timestamptz END,
                        escalation_ats = CASE WHEN id = $2::uuid THEN ARRAY[$3::timestamptz] ELSE '{}' END,
                        deadline_revision = deadline_revision + 1
        WHERE id = ANY($1::uuid[])`,
      [[closed.id, claimed.id, moved.id, laddered.id], laddered.id, instant, new Date(Date.now() - 60_000)],
    );
    await api.dataSource.query(
      `INSERT INTO alerts (task_id, woman_id, kind, level, deadline_revision, threshold_at, recipients)
       SELECT id, woman_id, 'OVERDUE', 0, deadline_revision, due_at, '{"rooms":[]}' FROM tasks WHERE id = $1
       ON CONFLICT DO NOTHING`,
      [laddered.id],
    );
    const all = [closed.id, claimed.id, moved.id, laddered.id];
    expect(await eventually(async () => (await draftsOf(all)) === all.length, 12_000, 200)).toBe(true);

    const fresh = async (id: string) => (await prt.api.get<TaskView>(`/tasks/${id}`)).body;
    const done = await prt.api.patch<TaskView>(`/tasks/${closed.id}/status`, {
      status: TaskStatus.DONE,
      version: (await fresh(closed.id)).version,
    });
    expect(done.status).toBe(200);
    expect((await prt.api.post(`/tasks/${claimed.id}/claim`)).status).toBe(200);
    await api.dataSource.query(`UPDATE women SET prison_code = 'AGI' WHERE id = $1`, [moved.womanId]);
    const [overdue]: { id: string }[] = await api.dataSource.query(
      `SELECT id FROM alerts WHERE task_id = $1 AND kind = 'OVERDUE'`,
      [laddered.id],
    );
    expect((await prt.api.post(`/alerts/${overdue.id}/acknowledge`)).status).toBe(200);
    // Each change marked stale the draft it outdated.
    expect(await draftsOf(all)).toBe(0);
    expect(Date.now()).toBeLessThan(instant.getTime());

    const sentinel = await freshTask();
    await dueAt([sentinel.id], new Date(instant.getTime() + 2000));
    await waitForSentinel(board, (e) => e.type === 'alert.raised' && e.task?.id === sentinel.id);

    expect(alertsFor(closed.id)).toEqual([]);
    expect(alertsFor(claimed.id).map((e) => e.task?.assigneeId)).toEqual([prt.id]);
    expect(alertsFor(moved.id).map((e) => e.prisonCode)).toEqual(['AGI']);
    const [movedEvent]: { rooms: string[] }[] = await api.dataSource.query(
      `SELECT rooms FROM outbox_events WHERE type = 'alert.raised' AND payload -> 'task' ->> 'id' = $1`,
      [moved.id],
    );
    expect(movedEvent.rooms).toContain('prison:AGI');
    expect(movedEvent.rooms).not.toContain('prison:STI');
    expect(alertsFor(laddered.id).filter((e) => e.alert?.kind === AlertKind.ESCALATED)).toEqual([]);
    expect(await alertRows([closed.id])).toBe(0);
    expect(await alertRows([claimed.id, moved.id])).toBe(2);

    // The closed task's draft is still there, marked stale: asked for by id, as a release racing the change
    // would ask, it raises nothing.
    const stale: { alert_id: string }[] = await api.dataSource.query(
      'SELECT alert_id FROM prepared_alerts WHERE task_id = $1 AND stale',
      [closed.id],
    );
    expect(stale).toHaveLength(1);
    const drafts = new PreparedAlertsRepository(api.dataSource);
    const released = await api.dataSource.transaction((tx) => drafts.releaseChunk(tx, [stale[0].alert_id]));
    expect(released.alerts).toEqual([]);
    expect(await alertRows([closed.id])).toBe(0);
  });
});
