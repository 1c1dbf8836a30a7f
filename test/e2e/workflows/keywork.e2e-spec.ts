/**
 * Issue 16 point 4, keywork (the inspection's recommendation 7) through the API: sessions recorded per woman with
 * the day and the keyworker (no content), a target in weeks, one open POM task due when her next session is; a
 * lapse makes that task overdue and the worker raises its alert (found from PostgreSQL though the worker was not
 * running when it lapsed); recording a session completes the task and plans the next; audit rows and board events;
 * need-to-know (CRS and other prisons refused); bad input is a 400 naming the field, with nothing written.
 */
import { AlertKind, keyworkDeadline, Role, TaskStatus } from '@app/domain';
import type { AlertView, KeyworkView, TaskView, WomanDetailView, WomanView } from '@app/contracts';
import { ApiResponse, ErrorBody } from '../../setup/api-client';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppProcess, startApp } from '../../setup/app-process';
import { readRunSettings } from '../../setup/run-settings';
import { eventually } from '../../setup/board-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  createWoman,
  daysFromToday,
  today,
} from '../../factories';

const KEY = 'KEYWORK_SESSION';

describe('keywork (issue 16 point 4)', () => {
  let api: TestApi;
  let prt: SignedInUser;
  let pom: SignedInUser;
  let governor: SignedInUser;
  let otherPom: SignedInUser;
  let crs: SignedInUser;
  let areaCode: string;

  beforeAll(async () => {
    api = await startTestApi();
    const make = (role: Role, extra: { prisonCodes?: string[]; providerId?: string } = { prisonCodes: ['STI'] }) =>
      createSignedInUser(api.dataSource, api.baseUrl, { role, ...extra });
    const provider = await createProvider(api.dataSource);
    areaCode = (await createReleaseArea(api.dataSource, provider.id)).code;
    [prt, pom, governor, otherPom, crs] = await Promise.all([
      make(Role.PRE_RELEASE_TEAM),
      make(Role.POM),
      make(Role.GOVERNOR),
      make(Role.POM, { prisonCodes: ['AGI'] }),
      make(Role.CRS_CASEWORKER, { providerId: provider.id }),
    ]);
  });

  afterAll(async () => {
    await api?.close();
  });

  function ok<T>(response: ApiResponse<T | ErrorBody>, status = 200): T {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body as T;
  }

  const newWoman = (overrides: Record<string, unknown> = {}): Promise<WomanView> =>
    createWoman(api.baseUrl, prt.token, { keyworkerName: 'Kim Officer', releaseAreaCode: areaCode, ...overrides });

  async function keyworkTasks(womanId: string): Promise<TaskView[]> {
    return ok(await pom.api.get<WomanDetailView>(`/women/${womanId}`)).tasks.filter((t) => t.templateKey === KEY);
  }

  async function written(womanId: string): Promise<number[]> {
    const rows: { sessions: number; targets: number; audit: number; outbox: number }[] = await api.dataSource.query(
      `SELECT (SELECT count(*)::int FROM keywork_sessions WHERE woman_id = $1) AS sessions,
              (SELECT count(*)::int FROM keywork_targets WHERE woman_id = $1) AS targets,
              (SELECT count(*)::int FROM audit_events WHERE woman_id = $1) AS audit,
              (SELECT count(*)::int FROM outbox_events WHERE woman_id = $1) AS outbox`,
      [womanId],
    );
    return [rows[0].sessions, rows[0].targets, rows[0].audit, rows[0].outbox];
  }

  it('records sessions with the day and the keyworker, lists them, and plans the next session as a POM task', async () => {
    const woman = await newWoman();
    const first = ok(
      await pom.api.post<KeyworkView>(`/women/${woman.id}/keywork/sessions`, { sessionOn: daysFromToday(-3) }),
      201,
    );
    expect(first.sessions.map((s) => [s.sessionOn, s.keyworkerName, s.prisonCode, s.recordedById])).toEqual([
      [daysFromToday(-3), 'Kim Officer', 'STI', pom.id],
    ]);
    expect(first.frequencyWeeks).toBe(1);
    expect(first.targetIsDefault).toBe(true);
    expect(first.allowedActions).toEqual(['keywork.record', 'keywork.set-target']);
    // No content is held: the session has only its day, keyworker, prison and who recorded it.
    expect(Object.keys(first.sessions[0]).sort()).toEqual(
      ['createdAt', 'id', 'keyworkerName', 'prisonCode', 'recordedById', 'sessionOn'].sort(),
    );

    const second = ok(
      await prt.api.post<KeyworkView>(`/women/${woman.id}/keywork/sessions`, {
        sessionOn: today(),
        keyworkerName: 'Sam Officer',
      }),
      201,
    );
    expect(second.sessions.map((s) => s.keyworkerName)).toEqual(['Sam Officer', 'Kim Officer']);
    expect(second.lastSessionOn).toBe(today());
    const expected = keyworkDeadline({ lastSessionOn: today(), receptionDate: woman.receptionDate, frequencyWeeks: 1 });
    expect(second.nextDue).toEqual({
      dueDate: expected.dueDate,
      dueAt: expected.dueAt.toISOString(),
      atRiskAt: expected.atRiskAt.toISOString(),
      overdue: false,
    });

    // One open task at a time: the one planned at her reception, then the first session's, closed as done.
    const tasks = await keyworkTasks(woman.id);
    expect(tasks.map((t) => t.status).sort()).toEqual([TaskStatus.DONE, TaskStatus.DONE, TaskStatus.TODO]);
    const open = tasks.find((t) => t.status === TaskStatus.TODO) as TaskView;
    expect(open.ownerRole).toBe(Role.POM);
    expect(open.dueDate).toBe(expected.dueDate);
    expect(open.dueAt).toBe(expected.dueAt.toISOString());

    // Audited (who, what, when) and published to her prison's board.
    const detail = ok(await pom.api.get<WomanDetailView>(`/women/${woman.id}`));
    const recorded = detail.auditTrail.filter((a) => a.entityType === 'KEYWORK' && a.action === 'SESSION_RECORDED');
    expect(recorded.map((a) => a.actorId).sort()).toEqual([pom.id, prt.id].sort());
    const events: { rooms: string[] }[] = await api.dataSource.query(
      `SELECT rooms FROM outbox_events WHERE woman_id = $1 AND type = 'keywork.changed'`,
      [woman.id],
    );
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.rooms.includes('prison:STI'))).toBe(true);

    // The governor of her prison reads it, and may not change it.
    const seen = ok(await governor.api.get<KeyworkView>(`/women/${woman.id}/keywork`));
    expect(seen.sessions).toHaveLength(2);
    expect(seen.allowedActions).toEqual([]);
  });

  it('sets her target in weeks, which re-dates her open task (audited)', async () => {
    const woman = await newWoman();
    ok(await pom.api.post(`/women/${woman.id}/keywork/sessions`, { sessionOn: today() }), 201);
    const view = ok(await pom.api.put<KeyworkView>(`/women/${woman.id}/keywork/target`, { frequencyWeeks: 3 }));
    expect(view.frequencyWeeks).toBe(3);
    expect(view.targetIsDefault).toBe(false);
    const expected = keyworkDeadline({ lastSessionOn: today(), receptionDate: woman.receptionDate, frequencyWeeks: 3 });
    expect(view.nextDue?.dueDate).toBe(expected.dueDate);
    const open = (await keyworkTasks(woman.id)).filter((t) => t.status === TaskStatus.TODO);
    expect(open.map((t) => t.dueDate)).toEqual([expected.dueDate]);
    const detail = ok(await pom.api.get<WomanDetailView>(`/women/${woman.id}`));
    const set = detail.auditTrail.find((a) => a.entityType === 'KEYWORK' && a.action === 'TARGET_SET');
    expect(set?.before).toEqual({ frequencyWeeks: null });
    expect(set?.after).toEqual({ frequencyWeeks: 3 });
  });

  it('keeps keywork from CRS providers and from other prisons, and lets only prison staff record it', async () => {
    const woman = await newWoman();
    const before = await written(woman.id);
    // The CRS caseworker has her in scope (her provider serves the release area) but keywork is not hers to see.
    expect((await crs.api.get(`/women/${woman.id}`)).status).toBe(200);
    expect((await crs.api.get(`/women/${woman.id}/keywork`)).status).toBe(403);
    expect((await crs.api.post(`/women/${woman.id}/keywork/sessions`, { sessionOn: today() })).status).toBe(403);
    // Another prison's POM does not know she exists.
    expect((await otherPom.api.get(`/women/${woman.id}/keywork`)).status).toBe(404);
    expect((await otherPom.api.post(`/women/${woman.id}/keywork/sessions`, { sessionOn: today() })).status).toBe(404);
    expect((await otherPom.api.put(`/women/${woman.id}/keywork/target`, { frequencyWeeks: 2 })).status).toBe(404);
    // Governors oversee keywork; they do not record it.
    expect((await governor.api.post(`/women/${woman.id}/keywork/sessions`, { sessionOn: today() })).status).toBe(403);
    expect((await governor.api.put(`/women/${woman.id}/keywork/target`, { frequencyWeeks: 2 })).status).toBe(403);
    expect(await written(woman.id)).toEqual(before);
  });

  it('answers bad input with a 400 naming the field, and writes nothing', async () => {
    const woman = await newWoman();
    const nameless = await createWoman(api.baseUrl, prt.token, { releaseAreaCode: areaCode });
    const cases: [string, string, string, unknown, string][] = [
      ['POST', woman.id, 'sessions', {}, 'sessionOn'],
      ['POST', woman.id, 'sessions', { sessionOn: '2026-02-30' }, 'sessionOn'],
      ['POST', woman.id, 'sessions', { sessionOn: daysFromToday(2) }, 'sessionOn'],
      ['POST', woman.id, 'sessions', { sessionOn: daysFromToday(-400) }, 'sessionOn'],
      ['POST', woman.id, 'sessions', { sessionOn: today(), keyworkerName: 7 }, 'keyworkerName'],
      // What was said belongs in the prison's case notes: there is no field for it.
      ['POST', woman.id, 'sessions', { sessionOn: today(), notes: 'What she said' }, 'notes'],
      ['POST', nameless.id, 'sessions', { sessionOn: today() }, 'keyworkerName'],
      ['PUT', woman.id, 'target', {}, 'frequencyWeeks'],
      ['PUT', woman.id, 'target', { frequencyWeeks: 0 }, 'frequencyWeeks'],
      ['PUT', woman.id, 'target', { frequencyWeeks: 13 }, 'frequencyWeeks'],
      ['PUT', woman.id, 'target', { frequencyWeeks: 1.5 }, 'frequencyWeeks'],
      ['PUT', woman.id, 'target', { frequencyWeeks: '2' }, 'frequencyWeeks'],
    ];
    const before = [await written(woman.id), await written(nameless.id)];
    for (const [method, womanId, path, body, field] of cases) {
      const url = `/women/${womanId}/keywork/${path}`;
      const response =
        method === 'POST' ? await pom.api.post<ErrorBody>(url, body) : await pom.api.put<ErrorBody>(url, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      const fields = (response.body as unknown as { fields: { field: string }[] }).fields.map((f) => f.field);
      expect({ body, fields }).toEqual({ body, fields: [field] });
    }
    expect([await written(woman.id), await written(nameless.id)]).toEqual(before);
  });

  it('plans her first session at reception, due her target in weeks after she arrived, before anything is recorded', async () => {
    const woman = await newWoman({ receptionDate: daysFromToday(-2) });
    const due = keyworkDeadline({ lastSessionOn: null, receptionDate: woman.receptionDate, frequencyWeeks: 1 });
    const tasks = await keyworkTasks(woman.id);
    expect(tasks.map((t) => [t.status, t.ownerRole, t.dueDate, t.dueAt])).toEqual([
      [TaskStatus.TODO, Role.POM, due.dueDate, due.dueAt.toISOString()],
    ]);
    const view = ok(await pom.api.get<KeyworkView>(`/women/${woman.id}/keywork`));
    expect(view.nextDue?.dueDate).toBe(due.dueDate);
    // The planning is audited as the task's creation at her reception.
    const detail = ok(await pom.api.get<WomanDetailView>(`/women/${woman.id}`));
    expect(
      detail.auditTrail.some((a) => a.entityType === 'TASK' && a.entityId === tasks[0].id && a.action === 'CREATED'),
    ).toBe(true);
  });

  it('plans the missing task for women recorded before it was planned at reception (cli plan-keywork), once', async () => {
    const woman = await newWoman({ receptionDate: daysFromToday(-3) });
    // As on a database from before this version: she is in prison with no open keywork task.
    await api.dataSource.query(
      `UPDATE tasks SET status = 'NOT_NEEDED' WHERE woman_id = $1 AND template_key = $2 AND status = 'TODO'`,
      [woman.id, KEY],
    );
    expect((await keyworkTasks(woman.id)).filter((t) => t.status === TaskStatus.TODO)).toEqual([]);

    const run = readRunSettings();
    const cli = join(__dirname, '..', '..', '..', 'dist', 'apps', 'cli', 'src', 'main.js');
    const env = { ...process.env, DATABASE_URL: run.databaseUrl, MIGRATION_DATABASE_URL: run.ownerDatabaseUrl };
    const first = await promisify(execFile)(process.execPath, [cli, 'plan-keywork'], { env });
    expect(first.stdout).toMatch(/Keywork: planned [1-9]\d* task\(s\)/);
    const due = keyworkDeadline({ lastSessionOn: null, receptionDate: woman.receptionDate, frequencyWeeks: 1 });
    const open = (await keyworkTasks(woman.id)).filter((t) => t.status === TaskStatus.TODO);
    expect(open.map((t) => [t.ownerRole, t.dueDate])).toEqual([[Role.POM, due.dueDate]]);

    // A second run finds every woman in prison with her task and adds nothing.
    const second = await promisify(execFile)(process.execPath, [cli, 'plan-keywork'], { env });
    expect(second.stdout).toContain('Keywork: planned 0 task(s)');
    expect((await keyworkTasks(woman.id)).filter((t) => t.status === TaskStatus.TODO)).toHaveLength(1);
  });

  describe('a lapse', () => {
    let worker: AppProcess | undefined;

    afterAll(async () => {
      await worker?.stop();
    });

    it('makes her keywork task overdue with its alert, and recording a session completes it', async () => {
      // Her last session was three weeks ago: with a session a week due, it lapsed two weeks ago, while no worker ran.
      const woman = await newWoman();
      const sessionOn = daysFromToday(-21);
      const view = ok(await pom.api.post<KeyworkView>(`/women/${woman.id}/keywork/sessions`, { sessionOn }), 201);
      const due = keyworkDeadline({ lastSessionOn: sessionOn, receptionDate: woman.receptionDate, frequencyWeeks: 1 });
      expect(view.nextDue).toMatchObject({ dueDate: due.dueDate, overdue: true });
      const [task] = (await keyworkTasks(woman.id)).filter((t) => t.status === TaskStatus.TODO);
      expect(task).toMatchObject({ ownerRole: Role.POM, dueDate: due.dueDate, scheduleState: 'OVERDUE' });

      // The worker starts afterwards and finds the lapse in PostgreSQL: the task's overdue alert reaches the POMs.
      worker = await startApp('worker', { HORIZON_EVERY_MS: '1000', RECONCILE_EVERY_MS: '2000' });
      const overdueAlerts = async (): Promise<AlertView[]> => {
        const response = await pom.api.get<AlertView[]>(`/alerts?womanId=${woman.id}`);
        return response.status === 200
          ? response.body.filter((a) => a.task.id === task.id && a.kind === AlertKind.OVERDUE)
          : [];
      };
      expect(await eventually(async () => (await overdueAlerts()).length > 0, 60_000)).toBe(true);

      // A woman who has never had a session lapses too: her task from reception falls overdue with its alert.
      const unseen = await newWoman({ receptionDate: daysFromToday(-20) });
      const [fromReception] = await keyworkTasks(unseen.id);
      expect(fromReception).toMatchObject({ status: TaskStatus.TODO, scheduleState: 'OVERDUE' });
      const unseenAlerts = async (): Promise<AlertView[]> => {
        const response = await pom.api.get<AlertView[]>(`/alerts?womanId=${unseen.id}`);
        return response.status === 200
          ? response.body.filter((a) => a.task.id === fromReception.id && a.kind === AlertKind.OVERDUE)
          : [];
      };
      expect(await eventually(async () => (await unseenAlerts()).length === 1, 60_000)).toBe(true);

      // Recording today's session completes the overdue task and plans the next, on track.
      ok(await pom.api.post(`/women/${woman.id}/keywork/sessions`, { sessionOn: today() }), 201);
      const tasks = await keyworkTasks(woman.id);
      expect(tasks.find((t) => t.id === task.id)?.status).toBe(TaskStatus.DONE);
      const next = tasks.filter((t) => t.status === TaskStatus.TODO);
      const nextDue = keyworkDeadline({
        lastSessionOn: today(),
        receptionDate: woman.receptionDate,
        frequencyWeeks: 1,
      });
      expect(next.map((t) => [t.dueDate, t.scheduleState])).toEqual([[nextDue.dueDate, 'ON_TRACK']]);
    });
  });
});
