/**
 * What the web app reads to draw the board and the woman's panel, through the real API: task counts per owning
 * role (the board's owning-role filter), alerts named by task and woman (never a bare id) within each role's
 * sight, and a task's notes in the woman's detail as soon as they are saved.
 */
import { Pathway, Role, ScheduleState, TaskStatus } from '@app/domain';
import type { AlertView, Page, WomanBoardRow, WomanDetailView } from '@app/contracts';
import { ApiClient } from '../../setup/api-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  createWoman,
  recordNeeds,
} from '../../factories';

interface Counts {
  open: number;
  atRisk: number;
  overdue: number;
}

describe('the board’s reads', () => {
  let api: TestApi;
  let prt: SignedInUser;
  let governor: SignedInUser;
  let caseworker: SignedInUser;
  let areaCode: string;

  beforeAll(async () => {
    api = await startTestApi();
    const provider = await createProvider(api.dataSource);
    areaCode = (await createReleaseArea(api.dataSource, provider.id)).code;
    [prt, governor, caseworker] = await Promise.all([
      createSignedInUser(api.dataSource, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] }),
      createSignedInUser(api.dataSource, api.baseUrl, { role: Role.GOVERNOR, prisonCodes: ['STI'] }),
      createSignedInUser(api.dataSource, api.baseUrl, { role: Role.CRS_CASEWORKER, providerId: provider.id }),
    ]);
  });

  afterAll(async () => {
    await api?.close();
  });

  /** A Styal woman in the suite's CRS area with accommodation, finance and domestic abuse needs. */
  async function plannedWoman(): Promise<WomanDetailView> {
    const woman = await createWoman(api.baseUrl, prt.token, {
      releaseAreaCode: areaCode,
      sensitiveFlags: ['DOMESTIC_ABUSE'],
    });
    await recordNeeds(prt.api, woman.id, ['ACCOMMODATION', 'FINANCE_AND_ID', 'DOMESTIC_ABUSE']);
    return (await prt.api.get<WomanDetailView>(`/women/${woman.id}`)).body;
  }

  async function boardRow(client: ApiClient, womanId: string): Promise<WomanBoardRow> {
    const page = await client.get<Page<WomanBoardRow>>('/women?prison=STI&limit=500');
    expect(page.status).toBe(200);
    const row = page.body.items.find((w) => w.id === womanId);
    if (!row) throw new Error(`woman ${womanId} is not on the STI board`);
    return row;
  }

  /** The counts a board should show, worked out from the tasks a reader sees in her detail. */
  function expectedByOwnerRole(
    detail: WomanDetailView,
  ): Record<string, Counts & { byPathway: Record<string, Counts> }> {
    const result: Record<string, Counts & { byPathway: Record<string, Counts> }> = {};
    const open: TaskStatus[] = [TaskStatus.TODO, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED];
    for (const task of detail.tasks.filter((t) => open.includes(t.status))) {
      const role = (result[task.ownerRole] ??= { open: 0, atRisk: 0, overdue: 0, byPathway: {} });
      const pathway = (role.byPathway[task.pathway] ??= { open: 0, atRisk: 0, overdue: 0 });
      for (const counts of [role, pathway]) {
        counts.open += 1;
        if (task.scheduleState === ScheduleState.AT_RISK) counts.atRisk += 1;
        if (task.scheduleState === ScheduleState.OVERDUE) counts.overdue += 1;
      }
    }
    return result;
  }

  it('counts open, at-risk and overdue tasks per owning role and pathway, as each role may see them', async () => {
    const detail = await plannedWoman();
    // One pre-release team task overdue and one COM task at risk, so the counts differ by role.
    const prtTask = detail.tasks.find(
      (t) => t.ownerRole === Role.PRE_RELEASE_TEAM && t.pathway === Pathway.FINANCE_AND_ID,
    );
    const comTask = detail.tasks.find((t) => t.ownerRole === Role.COM && t.pathway === Pathway.ACCOMMODATION);
    await api.dataSource.query(
      `UPDATE tasks SET at_risk_at = now() - interval '2 days', due_at = now() - interval '1 day' WHERE id = $1`,
      [prtTask?.id],
    );
    await api.dataSource.query(
      `UPDATE tasks SET at_risk_at = now() - interval '1 hour', due_at = now() + interval '1 day' WHERE id = $1`,
      [comTask?.id],
    );
    const seenByPrt = (await prt.api.get<WomanDetailView>(`/women/${detail.id}`)).body;

    const row = await boardRow(prt.api, detail.id);
    const byOwnerRole = row.taskCounts?.byOwnerRole ?? {};
    expect(byOwnerRole).toEqual(expectedByOwnerRole(seenByPrt));
    expect(byOwnerRole.PRE_RELEASE_TEAM?.overdue).toBe(1);
    expect(byOwnerRole.PRE_RELEASE_TEAM?.byPathway.FINANCE_AND_ID?.overdue).toBe(1);
    expect(byOwnerRole.COM?.atRisk).toBe(1);
    expect(byOwnerRole.COM?.byPathway.DOMESTIC_ABUSE?.open).toBeGreaterThan(0);
    const sum = Object.values(byOwnerRole).reduce((total, c) => total + (c?.open ?? 0), 0);
    expect(sum).toBe(row.taskCounts?.open);

    // A governor's counts leave out the special category pathways; a caseworker's hold only CRS work.
    const governorRow = await boardRow(governor.api, detail.id);
    for (const counts of Object.values(governorRow.taskCounts?.byOwnerRole ?? {})) {
      expect(Object.keys(counts?.byPathway ?? {})).not.toContain('DOMESTIC_ABUSE');
    }
    expect(governorRow.taskCounts?.byOwnerRole.COM?.open).toBe(
      (byOwnerRole.COM?.open ?? 0) - (byOwnerRole.COM?.byPathway.DOMESTIC_ABUSE?.open ?? 0),
    );
    const caseworkerPage = await caseworker.api.get<Page<WomanBoardRow>>('/women?limit=500');
    const caseworkerRow = caseworkerPage.body.items.find((w) => w.id === detail.id);
    expect(Object.keys(caseworkerRow?.taskCounts?.byOwnerRole ?? {})).toEqual(['CRS_CASEWORKER']);
  });

  it('shows on her board card the pathway statuses her detail shows, to each role', async () => {
    const detail = await plannedWoman();
    const needed = detail.pathways.filter((p) => p.needIdentifiedAt !== null).map((p) => p.pathway);
    expect(needed.sort()).toEqual(['ACCOMMODATION', 'DOMESTIC_ABUSE', 'FINANCE_AND_ID']);
    for (const reader of [prt, governor]) {
      const seen = (await reader.api.get<WomanDetailView>(`/women/${detail.id}`)).body;
      const row = await boardRow(reader.api, detail.id);
      expect(row.pathways).toEqual(seen.pathways);
    }
    // The governor's card leaves out the special category pathway, as her detail does.
    expect((await boardRow(governor.api, detail.id)).pathways.map((p) => p.pathway)).not.toContain('DOMESTIC_ABUSE');
  });

  it('shows an assessment in her detail as recorded, to the roles that read assessments only', async () => {
    const detail = await plannedWoman();
    const outcomes = [
      { pathway: 'ACCOMMODATION', status: 'SUPPORT_REQUIRED' },
      { pathway: 'HEALTH', status: 'SUPPORT_REQUIRED' },
    ];
    const recorded = await prt.api.post(`/women/${detail.id}/assessments`, {
      kind: 'PRE_RELEASE',
      method: 'FACE_TO_FACE',
      outcomes,
    });
    expect(recorded.status).toBe(201);
    const seen = (await prt.api.get<WomanDetailView>(`/women/${detail.id}`)).body;
    const assessment = seen.assessments?.find((a) => a.kind === 'PRE_RELEASE');
    expect(assessment).toMatchObject({ method: 'FACE_TO_FACE', assessedById: prt.id });
    expect(Number.isNaN(Date.parse(assessment?.assessedAt ?? ''))).toBe(false);
    expect(assessment?.outcomes).toEqual(outcomes.map((o) => ({ ...o, notes: null })));
    // Assessments are the case holders' (visibility-policy.ts), the special category pathways among them too.
    const governorSees = (await governor.api.get<WomanDetailView>(`/women/${detail.id}`)).body;
    expect(governorSees).not.toHaveProperty('assessments');
  });

  it('names the task and the woman on every alert, and shows each role only the alerts it may see', async () => {
    const detail = await plannedWoman();
    const other = await plannedWoman();
    const pick = (d: WomanDetailView, ownerRole: Role, pathway: Pathway) => {
      const task = d.tasks.find((t) => t.ownerRole === ownerRole && t.pathway === pathway);
      if (!task) throw new Error(`no ${ownerRole} task on ${pathway}`);
      return task;
    };
    const finance = pick(detail, Role.PRE_RELEASE_TEAM, Pathway.FINANCE_AND_ID);
    const abuse = pick(detail, Role.COM, Pathway.DOMESTIC_ABUSE);
    const crs = pick(detail, Role.CRS_CASEWORKER, Pathway.ACCOMMODATION);
    const elsewhere = pick(other, Role.PRE_RELEASE_TEAM, Pathway.FINANCE_AND_ID);
    // Alert rows as the deadline engine writes them (the engine itself is tested in test/e2e/live).
    for (const task of [finance, abuse, crs, elsewhere]) {
      await api.dataSource.query(
        `INSERT INTO alerts (task_id, woman_id, kind, level, deadline_revision, threshold_at, recipients)
         VALUES ($1, $2, 'OVERDUE', 0, 1, now(), '{"rooms": []}')`,
        [task.id, task.womanId],
      );
    }

    const forPrt = await prt.api.get<AlertView[]>(`/alerts?womanId=${detail.id}`);
    expect(forPrt.status).toBe(200);
    expect(forPrt.body.map((a) => a.task.title).sort()).toEqual([finance.title, abuse.title, crs.title].sort());
    for (const alert of forPrt.body) {
      expect(alert.woman).toEqual({
        id: detail.id,
        prisonNumber: detail.prisonNumber,
        firstName: detail.firstName,
        lastName: detail.lastName,
        prisonCode: 'STI',
      });
      expect(alert.task.id).toBe(alert.taskId);
    }
    expect(forPrt.body.find((a) => a.taskId === abuse.id)?.task).toMatchObject({
      pathway: 'DOMESTIC_ABUSE',
      ownerRole: 'COM',
    });

    const forGovernor = await governor.api.get<AlertView[]>(`/alerts?womanId=${detail.id}`);
    expect(forGovernor.body.map((a) => a.taskId).sort()).toEqual([finance.id, crs.id].sort());
    const forCaseworker = await caseworker.api.get<AlertView[]>(`/alerts?womanId=${detail.id}`);
    expect(forCaseworker.body.map((a) => a.taskId)).toEqual([crs.id]);

    const everyone = await prt.api.get<AlertView[]>('/alerts?open=true');
    expect(everyone.body.map((a) => a.taskId)).toEqual(expect.arrayContaining([finance.id, elsewhere.id]));
    const notAnId = await prt.api.get('/alerts?womanId=nobody');
    expect(notAnId.status).toBe(400);
  });

  it('returns a task’s notes, with the author’s name, in the woman’s detail once saved', async () => {
    const detail = await plannedWoman();
    const task = detail.tasks.find((t) => t.ownerRole === Role.PRE_RELEASE_TEAM);
    expect(task?.notes).toEqual([]);
    const saved = await prt.api.post(`/tasks/${task?.id}/notes`, { body: 'Birth certificate ordered from GRO' });
    expect(saved.status).toBe(201);

    const after = (await prt.api.get<WomanDetailView>(`/women/${detail.id}`)).body;
    const notes = after.tasks.find((t) => t.id === task?.id)?.notes;
    expect(notes).toEqual([
      expect.objectContaining({
        taskId: task?.id,
        authorId: prt.id,
        authorName: prt.displayName,
        body: 'Birth certificate ordered from GRO',
      }),
    ]);
    expect(after.tasks.filter((t) => t.id !== task?.id).every((t) => t.notes?.length === 0)).toBe(true);
  });
});
