/**
 * Need-to-know, role by role: which women and tasks each role lists and reads, what it may change, and who
 * never sees special category data (sensitive flags, and the domestic abuse, sex work and health pathways).
 */
import { Pathway, Role } from '@app/domain';
import type { TaskDetailView, TaskView, WomanBoardRow, WomanDetailView, WomanView } from '@app/contracts';
import { ApiClient } from '../../setup/api-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  SENSITIVE_PATHWAYS,
  TestReleaseArea,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  createWoman,
  crsCatalogueEntry,
  getCatalogue,
  insertCrsTask,
  recordNeeds,
} from '../../factories';

const FLAGS = ['DOMESTIC_ABUSE', 'MENTAL_HEALTH'];

type Who = 'ADMIN' | 'PRE_RELEASE_TEAM' | 'POM' | 'GOVERNOR' | 'COM' | 'CRS_A' | 'CRS_B';
type Place = 'STI_A' | 'STI_B' | 'BZI_A' | 'BZI_B';

const EVERYONE: Who[] = ['ADMIN', 'PRE_RELEASE_TEAM', 'POM', 'GOVERNOR', 'COM', 'CRS_A', 'CRS_B'];
const HIDDEN_FROM: Who[] = ['GOVERNOR', 'CRS_A', 'CRS_B'];

/** Her prison and whose area she goes to: the COM holds STI_A only. */
const IN_SCOPE: Record<Who, Place[]> = {
  ADMIN: ['STI_A', 'STI_B', 'BZI_A', 'BZI_B'],
  PRE_RELEASE_TEAM: ['STI_A', 'STI_B'],
  POM: ['STI_A', 'STI_B'],
  GOVERNOR: ['STI_A', 'STI_B'],
  COM: ['STI_A'],
  CRS_A: ['STI_A', 'BZI_A'],
  CRS_B: ['STI_B', 'BZI_B'],
};

interface Page<T> {
  items: T[];
  total: number;
}

/** Every item of a paged list, so the suite's own rows are found however many other suites have made. */
async function listAll<T>(api: ApiClient, path: string): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += 500) {
    const separator = path.includes('?') ? '&' : '?';
    const response = await api.get<Page<T>>(`${path}${separator}limit=500&offset=${offset}`);
    expect(response.status).toBe(200);
    items.push(...response.body.items);
    if (items.length >= response.body.total || response.body.items.length === 0) return items;
  }
}

describe('scope matrix', () => {
  let testApi: TestApi;
  const users = {} as Record<Who, SignedInUser>;
  const women = {} as Record<Place, WomanView>;
  const areas = {} as Record<'A' | 'B', TestReleaseArea>;
  /** Every task of the suite's women, as the admin (who sees all) reads them. */
  let allTasks: TaskView[];
  let crsPathway: string;

  function canSee(who: Who, task: TaskView): boolean {
    const place = (Object.keys(women) as Place[]).find((p) => women[p].id === task.womanId) as Place;
    if (!IN_SCOPE[who].includes(place)) return false;
    if (HIDDEN_FROM.includes(who) && SENSITIVE_PATHWAYS.includes(task.pathway)) return false;
    if (who === 'CRS_A' || who === 'CRS_B') return task.ownerRole === Role.CRS_CASEWORKER;
    return true;
  }

  /** Whether a listed woman lies inside the role's scope (checked for every row, not only ours). */
  function inScope(who: Who, woman: WomanView): boolean {
    switch (who) {
      case 'ADMIN':
        return true;
      case 'PRE_RELEASE_TEAM':
      case 'POM':
      case 'GOVERNOR':
        return woman.prisonCode === 'STI';
      case 'COM':
        return woman.comId === users.COM.id;
      case 'CRS_A':
        return woman.releaseAreaCode === areas.A.code;
      case 'CRS_B':
        return woman.releaseAreaCode === areas.B.code;
    }
  }

  beforeAll(async () => {
    testApi = await startTestApi();
    const { dataSource, baseUrl } = testApi;
    const [providerA, providerB] = await Promise.all([createProvider(dataSource), createProvider(dataSource)]);
    [areas.A, areas.B] = await Promise.all([
      createReleaseArea(dataSource, providerA.id),
      createReleaseArea(dataSource, providerB.id),
    ]);
    const make = (role: Role, extra: { prisonCodes?: string[]; providerId?: string } = {}) =>
      createSignedInUser(dataSource, baseUrl, { role, ...extra });
    [users.ADMIN, users.PRE_RELEASE_TEAM, users.POM, users.GOVERNOR, users.COM, users.CRS_A, users.CRS_B] =
      await Promise.all([
        make(Role.ADMIN),
        make(Role.PRE_RELEASE_TEAM, { prisonCodes: ['STI'] }),
        make(Role.POM, { prisonCodes: ['STI'] }),
        make(Role.GOVERNOR, { prisonCodes: ['STI'] }),
        make(Role.COM),
        make(Role.CRS_CASEWORKER, { providerId: providerA.id }),
        make(Role.CRS_CASEWORKER, { providerId: providerB.id }),
      ]);

    const catalogue = await getCatalogue(users.ADMIN.api);
    const crsEntry = crsCatalogueEntry(catalogue);
    crsPathway = crsEntry?.pathway ?? 'ACCOMMODATION';

    const admin = users.ADMIN.token;
    const placements: [Place, string, TestReleaseArea][] = [
      ['STI_A', 'STI', areas.A],
      ['STI_B', 'STI', areas.B],
      ['BZI_A', 'BZI', areas.A],
      ['BZI_B', 'BZI', areas.B],
    ];
    for (const [place, prisonCode, area] of placements) {
      women[place] = await createWoman(baseUrl, admin, {
        prisonCode,
        releaseAreaCode: area.code,
        sensitiveFlags: FLAGS,
        ...(place === 'STI_A' ? { comId: users.COM.id } : {}),
      });
      await recordNeeds(users.ADMIN.api, women[place].id, [
        ...new Set([crsPathway, 'ACCOMMODATION', 'DOMESTIC_ABUSE', 'HEALTH']),
      ]);
      if (!crsEntry) {
        // No CRS-owned entry in the catalogue: give her one CRS task directly, so the CRS queue has something to show.
        await insertCrsTask(dataSource, women[place].id, crsPathway);
      }
    }
    allTasks = (
      await Promise.all(Object.values(women).map((w) => listAll<TaskView>(users.ADMIN.api, `/tasks?womanId=${w.id}`)))
    ).flat();
  });

  afterAll(async () => {
    await testApi?.close();
  });

  it('has built women with tasks in every pathway the matrix relies on', () => {
    const pathways = new Set(allTasks.map((t) => t.pathway));
    // Women without a COM also hold "allocate her COM", planned from her sentence on this pathway (com-allocation.ts).
    expect(pathways).toEqual(
      new Set([crsPathway, 'ACCOMMODATION', 'DOMESTIC_ABUSE', 'HEALTH', 'ATTITUDES_THINKING_AND_BEHAVIOUR']),
    );
    expect(allTasks.some((t) => t.ownerRole === Role.CRS_CASEWORKER)).toBe(true);
    expect(allTasks.some((t) => t.ownerRole !== Role.CRS_CASEWORKER && !SENSITIVE_PATHWAYS.includes(t.pathway))).toBe(
      true,
    );
  });

  it.each(EVERYONE)('lists for %s exactly the in-scope women it made, and nobody out of scope', async (who) => {
    const items = await listAll<WomanBoardRow>(users[who].api, '/women');

    const ours = new Map(Object.values(women).map((w) => [w.id, w]));
    const listedOurs = items.filter((w) => ours.has(w.id)).map((w) => w.id);
    expect(listedOurs.sort()).toEqual(IN_SCOPE[who].map((p) => women[p].id).sort());
    expect(items.filter((w) => !inScope(who, w)).map((w) => w.id)).toEqual([]);
    for (const row of items.filter((w) => ours.has(w.id))) {
      const visible = allTasks.filter((t) => t.womanId === row.id && canSee(who, t));
      expect(row.taskCounts?.open).toBe(visible.length);
    }
  });

  it.each(EVERYONE)('lists for %s exactly the in-scope tasks it made, and none out of scope', async (who) => {
    const items = await listAll<TaskView>(users[who].api, '/tasks');

    const ourIds = new Set(allTasks.map((t) => t.id));
    expect(
      items
        .filter((t) => ourIds.has(t.id))
        .map((t) => t.id)
        .sort(),
    ).toEqual(
      allTasks
        .filter((t) => canSee(who, t))
        .map((t) => t.id)
        .sort(),
    );
    if (HIDDEN_FROM.includes(who)) expect(items.filter((t) => SENSITIVE_PATHWAYS.includes(t.pathway))).toEqual([]);
    if (who === 'CRS_A' || who === 'CRS_B')
      expect(items.filter((t) => t.ownerRole !== Role.CRS_CASEWORKER)).toEqual([]);
    if (['PRE_RELEASE_TEAM', 'POM', 'GOVERNOR'].includes(who))
      expect(items.filter((t) => t.prisonCode !== 'STI')).toEqual([]);
  });

  it.each(EVERYONE)('opens for %s an in-scope woman (200) and answers 404 for one out of scope', async (who) => {
    for (const place of Object.keys(women) as Place[]) {
      const response = await users[who].api.get<WomanDetailView>(`/women/${women[place].id}`);
      expect({ place, status: response.status }).toEqual({ place, status: IN_SCOPE[who].includes(place) ? 200 : 404 });
      if (response.status === 200) {
        const expectedTasks = allTasks.filter((t) => t.womanId === women[place].id && canSee(who, t)).map((t) => t.id);
        expect(response.body.tasks.map((t) => t.id).sort()).toEqual(expectedTasks.sort());
      }
    }
  });

  it.each(EVERYONE)('opens for %s exactly the tasks it may see (200) and answers 404 for the rest', async (who) => {
    const statuses = await Promise.all(
      allTasks.map(async (t) => [t.id, (await users[who].api.get(`/tasks/${t.id}`)).status]),
    );

    expect(statuses).toEqual(allTasks.map((t) => [t.id, canSee(who, t) ? 200 : 404]));
  });

  it.each(HIDDEN_FROM)(
    'never sends %s sensitive flags or sensitive pathways, in lists, details or the audit trail',
    async (who) => {
      const api = users[who].api;
      const listed = await listAll<WomanBoardRow>(api, '/women');
      for (const row of listed) {
        expect(row).not.toHaveProperty('sensitiveFlags');
        expect(row.pathways.filter((p) => SENSITIVE_PATHWAYS.includes(p.pathway))).toEqual([]);
      }
      for (const place of IN_SCOPE[who]) {
        const { body } = await api.get<WomanDetailView>(`/women/${women[place].id}`);
        expect(body).not.toHaveProperty('sensitiveFlags');
        expect(body.pathways.filter((p) => SENSITIVE_PATHWAYS.includes(p.pathway))).toEqual([]);
        expect(body.tasks.filter((t) => SENSITIVE_PATHWAYS.includes(t.pathway))).toEqual([]);
        expect(body).not.toHaveProperty('assessments');
        expect(body.auditTrail.length).toBeGreaterThan(0);
        const hiddenTaskIds = new Set(allTasks.filter((t) => !canSee(who, t)).map((t) => t.id));
        for (const event of body.auditTrail) {
          expect(event.before ?? {}).not.toHaveProperty('sensitiveFlags');
          expect(event.after ?? {}).not.toHaveProperty('sensitiveFlags');
          expect(event.entityType === 'PATHWAY' && SENSITIVE_PATHWAYS.includes(event.entityId)).toBe(false);
          expect(event.entityType === 'TASK' && hiddenTaskIds.has(event.entityId)).toBe(false);
          expect(event.entityType).not.toBe('ASSESSMENT');
          expect(JSON.stringify(event)).not.toMatch(/DOMESTIC_ABUSE|MENTAL_HEALTH/);
        }
      }
      const tasks = await listAll<TaskView>(api, '/tasks');
      expect(JSON.stringify(tasks)).not.toMatch(/sensitiveFlags/);
    },
  );

  it.each(['ADMIN', 'PRE_RELEASE_TEAM', 'POM', 'COM'] as Who[])(
    'shows %s her sensitive flags and sensitive pathways in the list, the detail and the audit trail',
    async (who) => {
      const place: Place = 'STI_A';
      const listed = (await listAll<WomanBoardRow>(users[who].api, '/women')).find(
        (w) => w.id === women[place].id,
      ) as WomanBoardRow;
      const { body } = await users[who].api.get<WomanDetailView>(`/women/${women[place].id}`);

      expect(listed.sensitiveFlags).toEqual(FLAGS);
      expect(body.sensitiveFlags).toEqual(FLAGS);
      expect(
        body.pathways
          .filter((p) => SENSITIVE_PATHWAYS.includes(p.pathway))
          .map((p) => p.pathway)
          .sort(),
      ).toEqual(['DOMESTIC_ABUSE', 'HEALTH', 'SEX_WORK']);
      expect(body.tasks.some((t) => t.pathway === Pathway.DOMESTIC_ABUSE)).toBe(true);
      expect(body.auditTrail.find((e) => e.action === 'CREATED' && e.entityType === 'WOMAN')?.after).toMatchObject({
        sensitiveFlags: FLAGS,
      });
    },
  );

  describe('writes out of scope', () => {
    async function adminView(womanId: string): Promise<WomanDetailView> {
      const response = await users.ADMIN.api.get<WomanDetailView>(`/women/${womanId}`);
      expect(response.status).toBe(200);
      return response.body;
    }

    it.each([
      ['PRE_RELEASE_TEAM', 'BZI_A'],
      ['POM', 'BZI_B'],
      ['COM', 'STI_B'],
      ['GOVERNOR', 'STI_A'],
      ['CRS_A', 'STI_A'],
      ['CRS_B', 'STI_A'],
    ] as [Who, Place][])('refuses %s changing the woman at %s (403 or 404) and changes nothing', async (who, place) => {
      const womanId = women[place].id;
      const before = await adminView(womanId);
      const api = users[who].api;

      const attempts = [
        await api.patch(`/women/${womanId}`, { lastName: 'Changed' }),
        await api.post(`/women/${womanId}/assessments`, {
          kind: 'PRE_RELEASE',
          method: 'FACE_TO_FACE',
          outcomes: [{ pathway: 'EDUCATION_SKILLS_AND_WORK', status: 'SUPPORT_REQUIRED' }],
        }),
        await api.put(`/women/${womanId}/pathways/CHILDREN_FAMILIES_AND_COMMUNITY`, { status: 'SUPPORT_REQUIRED' }),
      ];

      for (const attempt of attempts) expect([403, 404]).toContain(attempt.status);
      const after = await adminView(womanId);
      expect(after.version).toBe(before.version);
      expect(after.lastName).toBe(before.lastName);
      expect(after.pathways).toEqual(before.pathways);
      expect(after.tasks.map((t) => [t.id, t.version])).toEqual(before.tasks.map((t) => [t.id, t.version]));
      expect(after.auditTrail).toHaveLength(before.auditTrail.length);
    });

    it.each([
      ['PRE_RELEASE_TEAM', 'BZI_A'],
      ['POM', 'BZI_A'],
      ['COM', 'STI_B'],
      ['CRS_A', 'STI_B'],
      ['CRS_B', 'BZI_A'],
    ] as [Who, Place][])(
      'answers 404 to %s claiming, working or noting a task of the woman at %s, and changes nothing',
      async (who, place) => {
        const ofHers = allTasks.filter((t) => t.womanId === women[place].id);
        const task = ofHers.find((t) => t.ownerRole === users[who].role) ?? ofHers[0];
        const readTask = async () => (await users.ADMIN.api.get<TaskDetailView>(`/tasks/${task.id}`)).body;
        const before = await readTask();
        const api = users[who].api;

        expect((await api.post(`/tasks/${task.id}/claim`)).status).toBe(404);
        expect(
          (await api.patch(`/tasks/${task.id}/status`, { status: 'IN_PROGRESS', version: before.version })).status,
        ).toBe(404);
        expect((await api.post(`/tasks/${task.id}/notes`, { body: 'Should not be written' })).status).toBe(404);
        expect((await api.post(`/tasks/${task.id}/release`)).status).toBe(404);

        const after = await readTask();
        expect(after).toMatchObject({ status: before.status, version: before.version, assigneeId: null });
        expect(after.notes).toEqual([]);
        expect(after.statusLog).toHaveLength(before.statusLog.length);
      },
    );

    it('refuses a governor changing, claiming or noting a task in her own prison with 403, and changes nothing', async () => {
      const task = allTasks.find(
        (t) => t.womanId === women.STI_B.id && !SENSITIVE_PATHWAYS.includes(t.pathway),
      ) as TaskView;
      const api = users.GOVERNOR.api;
      expect((await api.get(`/tasks/${task.id}`)).status).toBe(200);

      expect(
        (await api.patch(`/tasks/${task.id}/status`, { status: 'IN_PROGRESS', version: task.version })).status,
      ).toBe(403);
      expect((await api.post(`/tasks/${task.id}/claim`)).status).toBe(403);
      expect((await api.post(`/tasks/${task.id}/notes`, { body: 'Governor note' })).status).toBe(403);

      const after = (await users.ADMIN.api.get<TaskDetailView>(`/tasks/${task.id}`)).body;
      expect(after).toMatchObject({ status: task.status, version: task.version, assigneeId: null });
      expect(after.notes).toEqual([]);
    });

    it("lets a CRS caseworker claim and work her own provider's task, which the other provider still cannot see", async () => {
      const task = allTasks.find(
        (t) => t.womanId === women.BZI_A.id && t.ownerRole === Role.CRS_CASEWORKER,
      ) as TaskView;

      const claimed = await users.CRS_A.api.post<TaskView>(`/tasks/${task.id}/claim`);
      expect(claimed.status).toBe(200);
      const started = await users.CRS_A.api.patch<TaskView>(`/tasks/${task.id}/status`, {
        status: 'IN_PROGRESS',
        version: claimed.body.version,
      });

      expect(started.status).toBe(200);
      expect((await users.CRS_B.api.get(`/tasks/${task.id}`)).status).toBe(404);
      expect((await users.ADMIN.api.get<TaskView>(`/tasks/${task.id}`)).body).toMatchObject({
        status: 'IN_PROGRESS',
        assigneeId: users.CRS_A.id,
      });
    });
  });
});
