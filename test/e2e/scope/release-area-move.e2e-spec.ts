/**
 * A CRS caseworker's scope is the women released to her provider's areas, and each task carries its woman's release
 * area so that her queue is read from the tasks alone (migration TasksCarryReleaseArea). The database keeps that
 * copy; this suite checks it through the API and in the rows: when a woman's release area moves to another
 * provider, every task of hers moves with her at once (lists, totals and reads by id), a task added after the move
 * carries the new area, and no task anywhere holds an area other than its woman's.
 */
import { Role } from '@app/domain';
import type { Page, TaskView, WomanView } from '@app/contracts';
import { ApiClient } from '../../setup/api-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
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

jest.setTimeout(120_000);

/** The CRS tasks of `womanId` in the caseworker's queue, and the queue's total. */
async function queueOf(api: ApiClient, womanId: string): Promise<{ ids: string[]; total: number }> {
  const response = await api.get<Page<TaskView>>('/tasks?status=TODO&limit=500');
  expect(response.status).toBe(200);
  return {
    ids: response.body.items.filter((t) => t.womanId === womanId).map((t) => t.id),
    total: response.body.total,
  };
}

describe('a move of her release area moves her tasks between providers', () => {
  let testApi: TestApi;
  let areaA: TestReleaseArea;
  let areaB: TestReleaseArea;
  let admin: SignedInUser;
  let caseworkerA: SignedInUser;
  let caseworkerB: SignedInUser;
  let woman: WomanView;
  let crsPathway: string;

  /** Tasks whose area is not their woman's: none, ever. */
  async function tasksAwayFromTheirWoman(): Promise<number> {
    const [row] = await testApi.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM tasks t JOIN women w ON w.id = t.woman_id
        WHERE t.release_area_code IS DISTINCT FROM w.release_area_code`,
    );
    return Number(row.n);
  }

  async function herCrsTaskIds(): Promise<string[]> {
    const rows = await testApi.dataSource.query<{ id: string }[]>(
      `SELECT id FROM tasks WHERE woman_id = $1 AND owner_role = 'CRS_CASEWORKER' AND status = 'TODO' ORDER BY id`,
      [woman.id],
    );
    return rows.map((r) => r.id);
  }

  beforeAll(async () => {
    testApi = await startTestApi();
    const { dataSource, baseUrl } = testApi;
    const [providerA, providerB] = await Promise.all([createProvider(dataSource), createProvider(dataSource)]);
    [areaA, areaB] = await Promise.all([
      createReleaseArea(dataSource, providerA.id),
      createReleaseArea(dataSource, providerB.id),
    ]);
    [admin, caseworkerA, caseworkerB] = await Promise.all([
      createSignedInUser(dataSource, baseUrl, { role: Role.ADMIN }),
      createSignedInUser(dataSource, baseUrl, { role: Role.CRS_CASEWORKER, providerId: providerA.id }),
      createSignedInUser(dataSource, baseUrl, { role: Role.CRS_CASEWORKER, providerId: providerB.id }),
    ]);
    const catalogue = await getCatalogue(admin.api);
    const crsEntry = crsCatalogueEntry(catalogue);
    crsPathway = crsEntry?.pathway ?? 'ACCOMMODATION';
    woman = await createWoman(baseUrl, admin.token, { prisonCode: 'STI', releaseAreaCode: areaA.code });
    await recordNeeds(admin.api, woman.id, [crsPathway]);
    // No CRS-owned entry in the catalogue: give her one CRS task directly, so the queues have something to show.
    if (!crsEntry) await insertCrsTask(dataSource, woman.id, crsPathway);
  });

  afterAll(async () => {
    await testApi?.close();
  });

  it('has CRS work planned for her in her first area, which only that provider sees', async () => {
    const planned = await herCrsTaskIds();
    expect(planned.length).toBeGreaterThan(0);
    expect((await queueOf(caseworkerA.api, woman.id)).ids.sort()).toEqual(planned);
    expect((await queueOf(caseworkerB.api, woman.id)).ids).toEqual([]);
    expect(await tasksAwayFromTheirWoman()).toBe(0);
  });

  it('moves every task of hers to the new provider, in lists, totals and reads by id, and adds new work there', async () => {
    const planned = await herCrsTaskIds();
    const [beforeA, beforeB] = [await queueOf(caseworkerA.api, woman.id), await queueOf(caseworkerB.api, woman.id)];

    const moved = await admin.api.patch<WomanView>(`/women/${woman.id}`, {
      releaseAreaCode: areaB.code,
      version: woman.version,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.releaseAreaCode).toBe(areaB.code);

    const [afterA, afterB] = [await queueOf(caseworkerA.api, woman.id), await queueOf(caseworkerB.api, woman.id)];
    expect(afterA.ids).toEqual([]);
    expect(afterA.total).toBe(beforeA.total - planned.length);
    expect(afterB.ids.sort()).toEqual(planned);
    expect(afterB.total).toBe(beforeB.total + planned.length);
    for (const id of planned) {
      expect((await caseworkerA.api.get(`/tasks/${id}`)).status).toBe(404);
      expect((await caseworkerB.api.get(`/tasks/${id}`)).status).toBe(200);
    }

    const added = await insertCrsTask(testApi.dataSource, woman.id, crsPathway);
    const now = await herCrsTaskIds();
    expect(now).toContain(added);
    expect((await queueOf(caseworkerB.api, woman.id)).ids.sort()).toEqual(now);
    expect((await queueOf(caseworkerA.api, woman.id)).ids).toEqual([]);
    expect(await tasksAwayFromTheirWoman()).toBe(0);
  });

  it('keeps the copy: a task cannot be given an area other than its woman’s', async () => {
    const [id] = await herCrsTaskIds();
    await testApi.dataSource.query(`UPDATE tasks SET release_area_code = $1 WHERE id = $2`, [areaA.code, id]);
    const [row] = await testApi.dataSource.query<{ release_area_code: string }[]>(
      `SELECT release_area_code FROM tasks WHERE id = $1`,
      [id],
    );
    expect(row.release_area_code).toBe(areaB.code);
  });
});
