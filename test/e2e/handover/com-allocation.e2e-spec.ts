/**
 * Issue 13 point 9, POM to COM handover, through the API: a sentenced woman without a COM gets an "allocate her
 * COM" task and a card warning, both due on her COM allocated date (handover.ts: OMiC; the allocation manager's
 * handover_calculation.rb); allocating a COM closes the task (audited) and clears the warning, removing the COM
 * brings them back; remand gets neither; an overdue task escalates to the COM team manager of her release area,
 * who sees it in GET /alerts and allocates the COM; bad input is a 400 naming the field, with nothing written.
 */
import { AlertKind, Role, TaskStatus, handoverDates, lastWorkingDayOnOrBefore, CustodyStatus } from '@app/domain';
import type { AlertView, WomanDetailView, WomanView } from '@app/contracts';
import { AppProcess, startApp } from '../../setup/app-process';
import { eventually } from '../../setup/board-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  TestReleaseArea,
  createReleaseArea,
  createSignedInUser,
  createUser,
  createWoman,
  daysFromToday,
  today,
  getWomanDetail,
} from '../../factories';

const KEY = 'COM_ALLOCATION';

describe('COM not allocated (issue 13 point 9)', () => {
  let testApi: TestApi;
  let prt: SignedInUser;
  let area: TestReleaseArea;

  beforeAll(async () => {
    testApi = await startTestApi();
    prt = await createSignedInUser(testApi.dataSource, testApi.baseUrl, {
      role: Role.PRE_RELEASE_TEAM,
      prisonCodes: ['STI'],
    });
    // An area of this suite's own, so the manager's view holds only our women.
    area = await createReleaseArea(testApi.dataSource, null);
  });

  afterAll(async () => {
    await testApi?.close();
  });

  const detail = (womanId: string): Promise<WomanDetailView> => getWomanDetail(prt.api, womanId);

  function comTasks(woman: WomanDetailView) {
    return woman.tasks.filter((t) => t.templateKey === KEY);
  }

  async function comUser(): Promise<string> {
    return (await createUser(testApi.dataSource, { role: Role.COM })).id;
  }

  it('gives a sentenced woman without a COM the task and the warning, due on her COM allocated date', async () => {
    // Sentenced 40 days ago, CRD in 300 days: more than 10 months to serve, so a standard determinate case
    // whose COM allocated date (CRD - 8 months - 14 days) is still ahead.
    const woman = await createWoman(testApi.baseUrl, prt.token, {
      sentenceStartDate: daysFromToday(-40),
      receptionDate: daysFromToday(-40),
      conditionalReleaseDate: daysFromToday(300),
      releaseAreaCode: area.code,
    });
    const expected = handoverDates(
      { ...woman, custodyStatus: woman.custodyStatus as CustodyStatus },
      today(),
    ).comAllocatedDate;
    expect(expected).not.toBeNull();
    expect(woman.handover).toEqual(
      expect.objectContaining({ case: 'DETERMINATE', comAllocatedDate: expected, comResponsibleDate: expected }),
    );

    const after = await detail(woman.id);
    const [task] = comTasks(after);
    expect(comTasks(after)).toHaveLength(1);
    expect(task).toEqual(
      expect.objectContaining({
        ownerRole: Role.COM,
        status: TaskStatus.TODO,
        // A deadline on a weekend or bank holiday falls back to the working day before.
        dueDate: lastWorkingDayOnOrBefore(expected as string),
      }),
    );
    expect(after.warnings).toContainEqual(
      expect.objectContaining({ code: 'COM_NOT_ALLOCATED', dueDate: expected, overdue: false }),
    );
  });

  it('closes the task as done (audited) when a COM is allocated, and plans it again when she loses her COM', async () => {
    const woman = await createWoman(testApi.baseUrl, prt.token, { releaseAreaCode: area.code });
    const [open] = comTasks(await detail(woman.id));
    expect(open?.status).toBe(TaskStatus.TODO);

    const com = await comUser();
    const allocated = await prt.api.patch<WomanView>(`/women/${woman.id}`, { comId: com });
    expect(allocated.status).toBe(200);
    expect(allocated.body.warnings.map((w) => w.code)).not.toContain('COM_NOT_ALLOCATED');

    const withCom = await detail(woman.id);
    expect(comTasks(withCom).map((t) => [t.id, t.status])).toEqual([[open?.id, TaskStatus.DONE]]);
    const closing = withCom.auditTrail.find(
      (a) => a.entityType === 'TASK' && a.entityId === open?.id && a.after?.status === TaskStatus.DONE,
    );
    expect(closing?.after?.reason).toBe('Community offender manager allocated');
    expect(closing?.actorId).toBe(prt.id);

    const removed = await prt.api.patch<WomanView>(`/women/${woman.id}`, { comId: null });
    expect(removed.status).toBe(200);
    expect(removed.body.warnings.map((w) => w.code)).toContain('COM_NOT_ALLOCATED');
    const again = comTasks(await detail(woman.id));
    expect(again.map((t) => t.status).sort()).toEqual([TaskStatus.DONE, TaskStatus.TODO].sort());
  });

  it('gives a remanded woman neither the task nor the warning', async () => {
    const woman = await createWoman(testApi.baseUrl, prt.token, {
      custodyStatus: 'REMANDED',
      sentenceStartDate: null,
      conditionalReleaseDate: null,
      releaseType: null,
      releaseAreaCode: area.code,
    });
    const after = await detail(woman.id);
    expect(comTasks(after)).toEqual([]);
    expect(after.warnings.map((w) => w.code)).not.toContain('COM_NOT_ALLOCATED');
    expect(after.handover.case).toBe('NOT_SENTENCED');
  });

  it('rejects a COM id that is not an active COM with a 400 naming comId, and writes nothing', async () => {
    const woman = await createWoman(testApi.baseUrl, prt.token, { releaseAreaCode: area.code });
    const pom = await createUser(testApi.dataSource, { role: Role.POM, prisonCodes: ['STI'] });
    for (const comId of [pom.id, 'not-a-uuid']) {
      const response = await prt.api.patch<{ message: unknown }>(`/women/${woman.id}`, { comId });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain('comId');
    }
    const after = await detail(woman.id);
    expect(after.comId).toBeNull();
    expect(after.version).toBe(woman.version);
    expect(comTasks(after).map((t) => t.status)).toEqual([TaskStatus.TODO]);
  });

  it('re-dates the task to the day she is back in custody when she is recalled without a COM', async () => {
    const bronzefield = await createSignedInUser(testApi.dataSource, testApi.baseUrl, {
      role: Role.PRE_RELEASE_TEAM,
      prisonCodes: ['BZI'],
    });
    const woman = await createWoman(testApi.baseUrl, prt.token, { releaseAreaCode: area.code });
    const [planned] = comTasks(await detail(woman.id));
    expect((await prt.api.post(`/women/${woman.id}/release`, {})).status).toBe(200);
    const recalled = await bronzefield.api.post<WomanView>('/recalls', {
      prisonNumber: woman.prisonNumber,
      lastName: woman.lastName,
      dateOfBirth: woman.dateOfBirth,
      prisonCode: 'BZI',
      movementReason: 'ETRLR',
      confirmedReleaseDate: daysFromToday(60),
    });
    expect(recalled.status).toBe(200);
    // A recall is the COM's case from the day she is back (handover.ts): due on her new reception date.
    expect(recalled.body.handover).toEqual(
      expect.objectContaining({ case: 'RECALL', comAllocatedDate: recalled.body.receptionDate }),
    );
    const after = await bronzefield.api.get<WomanDetailView>(`/women/${woman.id}`);
    const open = after.body.tasks.filter((t) => t.templateKey === KEY && t.status === TaskStatus.TODO);
    expect(open.map((t) => [t.id, t.dueDate])).toEqual([
      [planned?.id, lastWorkingDayOnOrBefore(recalled.body.receptionDate)],
    ]);
    expect(after.body.warnings.map((w) => w.code)).toContain('COM_NOT_ALLOCATED');
  });

  it('keeps the COM allocated anchor to the COM allocation task in the catalogue: 400 naming deadlineAnchor', async () => {
    const admin = await createSignedInUser(testApi.dataSource, testApi.baseUrl, { role: Role.ADMIN });
    const entries = await admin.api.get<{ key: string; version: number; deadlineAnchor: string }[]>('/task-catalogue');
    const comEntry = entries.body.find((e) => e.key === KEY);
    const other = entries.body.find((e) => e.key === 'DUTY_TO_REFER');
    expect(comEntry?.deadlineAnchor).toBe('COM_ALLOCATED');
    for (const [entry, deadlineAnchor] of [
      [comEntry, 'RELEASE'],
      [other, 'COM_ALLOCATED'],
    ] as const) {
      const response = await admin.api.patch<{ fields: { field: string }[] }>(`/task-catalogue/${entry?.key}`, {
        deadlineAnchor,
        version: entry?.version,
      });
      expect(response.status).toBe(400);
      expect(response.body.fields.map((f) => f.field)).toEqual(['deadlineAnchor']);
    }
    const after = await admin.api.get<{ key: string; version: number; deadlineAnchor: string }[]>('/task-catalogue');
    expect(after.body.filter((e) => e.key === KEY || e.key === 'DUTY_TO_REFER')).toEqual(
      entries.body.filter((e) => e.key === KEY || e.key === 'DUTY_TO_REFER'),
    );
  });

  it('counts her in the release readiness report as releasing without a COM, and names the missing task', async () => {
    const governor = await createSignedInUser(testApi.dataSource, testApi.baseUrl, {
      role: Role.GOVERNOR,
      prisonCodes: ['STI'],
    });
    const woman = await createWoman(testApi.baseUrl, prt.token, {
      conditionalReleaseDate: daysFromToday(10),
      releaseAreaCode: area.code,
    });
    type Table = { key: string; rows: Record<string, unknown>[] };
    const response = await governor.api.get<{ tables: Table[] }>('/reports/release-readiness');
    expect(response.status).toBe(200);
    const tables = new Map(response.body.tables.map((t) => [t.key, t.rows]));
    expect(Number(tables.get('summary')?.[0]?.withoutCom)).toBeGreaterThanOrEqual(1);
    const row = tables.get('women')?.find((r) => r.prisonNumber === woman.prisonNumber);
    expect(String(row?.missing)).toContain('Allocate her community offender manager');
  });

  describe('escalation to the COM team manager of her release area', () => {
    let worker: AppProcess;

    beforeAll(async () => {
      worker = await startApp('worker', { HORIZON_EVERY_MS: '1000', RECONCILE_EVERY_MS: '2000' });
    });

    afterAll(async () => {
      await worker?.stop();
    });

    it('reaches her in GET /alerts once overdue, and she allocates the COM, which closes the task', async () => {
      const manager = await createSignedInUser(testApi.dataSource, testApi.baseUrl, { role: Role.COM });
      await testApi.dataSource.query('UPDATE users SET team_key = $1, is_manager = true WHERE id = $2', [
        area.code,
        manager.id,
      ]);
      const otherManager = await createSignedInUser(testApi.dataSource, testApi.baseUrl, { role: Role.COM });
      await testApi.dataSource.query("UPDATE users SET team_key = 'KENT', is_manager = true WHERE id = $1", [
        otherManager.id,
      ]);
      // Sentenced 200 days ago with the CRD in 140 days: her COM allocated date (CRD - 8 months - 14 days) is
      // about 115 days ago, so the task is overdue and both rungs of its ladder have passed.
      const woman = await createWoman(testApi.baseUrl, prt.token, { releaseAreaCode: area.code });
      const [task] = comTasks(await detail(woman.id));
      expect(task?.scheduleState).toBe('OVERDUE');

      const escalated = async (user: SignedInUser): Promise<AlertView[]> => {
        const response = await user.api.get<AlertView[]>(`/alerts?womanId=${woman.id}`);
        return response.status === 200
          ? response.body.filter((a) => a.task.id === task?.id && a.kind === AlertKind.ESCALATED)
          : [];
      };
      expect(await eventually(async () => (await escalated(manager)).length > 0, 30_000)).toBe(true);
      expect((await escalated(manager))[0]?.task.ownerRole).toBe(Role.COM);
      // A COM team manager elsewhere does not see her.
      expect(await escalated(otherManager)).toEqual([]);
      expect((await otherManager.api.get(`/women/${woman.id}`)).status).toBe(404);

      const com = await comUser();
      const allocated = await manager.api.patch<WomanView>(`/women/${woman.id}`, { comId: com });
      expect(allocated.status).toBe(200);
      const after = await detail(woman.id);
      expect(comTasks(after).map((t) => t.status)).toEqual([TaskStatus.DONE]);
      const closing = after.auditTrail.find((a) => a.entityType === 'TASK' && a.entityId === task?.id);
      expect(closing).toBeDefined();
      expect(
        after.auditTrail.some(
          (a) => a.entityId === task?.id && a.after?.status === TaskStatus.DONE && a.actorId === manager.id,
        ),
      ).toBe(true);
    });
  });
});
