/**
 * Issue 13 points 3, 4 and 8 through the API: a sentence-end release planned for the prison's teams only, HDC
 * address tasks dated from the HDC eligibility date, granting HDC re-dating her whole plan, and provider
 * accountability counting only the work CRS providers are contracted for.
 * Sources: Criminal Justice Act 2003 ss.246, 256AA; HMPPS Home Detention Curfew Policy Framework; HMI Probation and
 * HMI Prisons, "The quality of work undertaken with women" (2024), 3.4 and recommendation 4.
 */
import { addCalendarDays, isBankHoliday, Role, TaskStatus } from '@app/domain';
import type { TaskView, WomanDetailView, WomanView } from '@app/contracts';
import { ErrorBody } from '../../setup/api-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  CatalogueEntry,
  catalogueDeadline,
  catalogueEntryFor,
  catalogueTasks,
  SignedInUser,
  createPrison,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  createWoman,
  daysFromToday,
  getCatalogue,
  getWomanDetail,
  insertReferral,
  insertWoman,
  nextWeekday,
  recordNeeds,
  testRegionCode,
} from '../../factories';

const PRISON_ROLES: string[] = [Role.PRE_RELEASE_TEAM, Role.POM];
const PATHWAYS = ['ACCOMMODATION', 'FINANCE_AND_ID', 'EDUCATION_SKILLS_AND_WORK', 'ATTITUDES_THINKING_AND_BEHAVIOUR'];

/** A Wednesday at least `days` ahead that is neither a bank holiday nor the day before one. */
function plainWednesday(days: number): string {
  let date = nextWeekday(daysFromToday(days), 3);
  while (isBankHoliday(date) || isBankHoliday(addCalendarDays(date, 1))) date = addCalendarDays(date, 7);
  return date;
}

describe('planning by release type, HDC and the CRS contracted scope', () => {
  let testApi: TestApi;
  let prt: SignedInUser;
  let admin: SignedInUser;
  let catalogue: CatalogueEntry[];

  beforeAll(async () => {
    testApi = await startTestApi();
    prt = await createSignedInUser(testApi.dataSource, testApi.baseUrl, {
      role: Role.PRE_RELEASE_TEAM,
      prisonCodes: ['STI'],
    });
    admin = await createSignedInUser(testApi.dataSource, testApi.baseUrl, { role: Role.ADMIN });
    catalogue = await getCatalogue(prt.api);
  });

  afterAll(async () => {
    await testApi?.close();
  });

  const detail = (womanId: string): Promise<WomanDetailView> => getWomanDetail(prt.api, womanId);

  describe('release type drives the plan (point 3)', () => {
    it('gives a woman released at sentence end only tasks the prison’s teams own, with the pre-release team’s alternatives', async () => {
      const woman = await createWoman(testApi.baseUrl, prt.token, { releaseType: 'SENTENCE_END_NO_SUPERVISION' });
      await recordNeeds(prt.api, woman.id, PATHWAYS);
      const { tasks } = await detail(woman.id);

      expect(tasks.length).toBeGreaterThan(0);
      expect(tasks.filter((t) => !PRISON_ROLES.includes(t.ownerRole)).map((t) => [t.templateKey, t.ownerRole])).toEqual(
        [],
      );
      const keys = tasks.map((t) => t.templateKey);
      for (const key of [
        'CRS_ACCOMMODATION_REFERRAL_ALTERNATIVE',
        'RELEASE_ADDRESS_CONFIRMED_ALTERNATIVE',
        'CRS_PERSONAL_WELLBEING_REFERRAL_ALTERNATIVE',
        'DUTY_TO_REFER',
        'FINANCE_DEBT_SUPPORT_BEFORE_RELEASE',
        'EDUCATION_WORK_PLAN_BEFORE_RELEASE',
      ]) {
        expect([key, keys.includes(key)]).toEqual([key, true]);
      }
      for (const key of [
        'CRS_ACCOMMODATION_REFERRAL',
        'CRS_ACCOMMODATION_SUPPORT',
        'ACCOMMODATION_NIGHT_OF_RELEASE',
        'ACCOMMODATION_OUTCOME_12_WEEKS',
        'CRS_FINANCE_BENEFIT_DEBT_SUPPORT',
        'CRS_EDUCATION_WORK_SUPPORT',
      ]) {
        expect([key, keys.includes(key)]).toEqual([key, false]);
      }
      const alternative = tasks.find((t) => t.templateKey === 'CRS_ACCOMMODATION_REFERRAL_ALTERNATIVE');
      expect(alternative).toMatchObject({ ownerRole: Role.PRE_RELEASE_TEAM, status: 'TODO' });
    });

    it('gives a woman on licence the COM’s CRS referral, address and outcome tasks, and nothing for a CRS caseworker before release outside the contract', async () => {
      const woman = await createWoman(testApi.baseUrl, prt.token, { releaseType: 'LICENCE' });
      await recordNeeds(prt.api, woman.id, PATHWAYS);
      const { tasks } = await detail(woman.id);
      const owner = (key: string) => tasks.find((t) => t.templateKey === key)?.ownerRole;
      expect(owner('CRS_ACCOMMODATION_REFERRAL')).toBe(Role.COM);
      expect(owner('RELEASE_ADDRESS_CONFIRMED')).toBe(Role.COM);
      expect(owner('ACCOMMODATION_OUTCOME_12_WEEKS')).toBe(Role.COM);
      expect(owner('CRS_ACCOMMODATION_SUPPORT')).toBe(Role.CRS_CASEWORKER);
      // Finance and work before release are the pre-release team's (point 8).
      expect(tasks.filter((t) => t.ownerRole === Role.CRS_CASEWORKER).map((t) => t.pathway)).toEqual(['ACCOMMODATION']);
    });

    it('swaps her COM and CRS tasks for the alternatives when her release type becomes sentence end, and audits it', async () => {
      const woman = await createWoman(testApi.baseUrl, prt.token, { releaseType: 'LICENCE' });
      await recordNeeds(prt.api, woman.id, ['ACCOMMODATION']);
      const before = await detail(woman.id);

      const patched = await prt.api.patch<WomanView>(`/women/${woman.id}`, {
        releaseType: 'SENTENCE_END_NO_SUPERVISION',
        version: before.version,
      });
      expect(patched.status).toBe(200);

      const after = await detail(woman.id);
      const open = after.tasks.filter((t) => t.status === TaskStatus.TODO);
      expect(open.filter((t) => !PRISON_ROLES.includes(t.ownerRole)).map((t) => t.templateKey)).toEqual([]);
      expect(open.map((t) => t.templateKey)).toEqual(
        expect.arrayContaining(['CRS_ACCOMMODATION_REFERRAL_ALTERNATIVE', 'RELEASE_ADDRESS_CONFIRMED_ALTERNATIVE']),
      );
      const closed = after.tasks.filter((t) => t.status === TaskStatus.NOT_NEEDED).map((t) => t.templateKey);
      expect(closed.sort()).toEqual(
        [
          'ACCOMMODATION_NIGHT_OF_RELEASE',
          'ACCOMMODATION_OUTCOME_12_WEEKS',
          // No COM after a sentence-end release, so none to allocate (com-allocation.ts).
          'COM_ALLOCATION',
          'CRS_ACCOMMODATION_REFERRAL',
          'CRS_ACCOMMODATION_SUPPORT',
          'RELEASE_ADDRESS_CONFIRMED',
        ].sort(),
      );
      const statusChanges = after.auditTrail.filter(
        (e) => e.entityType === 'TASK' && e.action === 'STATUS_CHANGED' && e.after?.status === 'NOT_NEEDED',
      );
      expect(statusChanges).toHaveLength(6);
    });
  });

  describe('HDC (point 4)', () => {
    it('plans the HDC address tasks as soon as she has an HDCED, dated back from it', async () => {
      const hdced = daysFromToday(100);
      const woman = await createWoman(testApi.baseUrl, prt.token, {
        conditionalReleaseDate: daysFromToday(150),
        hdcEligibilityDate: hdced,
      });
      const { tasks } = await detail(woman.id);
      const hdcTasks = tasks.filter((t) => t.templateKey.startsWith('HDC_'));
      expect(hdcTasks.map((t) => [t.templateKey, t.ownerRole]).sort()).toEqual(
        [
          ['HDC_ADDRESS_CHECKS', Role.COM],
          ['HDC_CAS2_REFERRAL', Role.POM],
          ['HDC_CURFEW_ADDRESS', Role.POM],
        ].sort(),
      );
      const anchors = { releaseDate: woman.releaseDate, receptionDate: woman.receptionDate, needIdentifiedAt: null };
      for (const task of hdcTasks) {
        const entry = catalogueEntryFor(catalogue, task);
        expect(entry.deadlineAnchor).toBe('HDC_ELIGIBILITY');
        const deadline = catalogueDeadline(entry, { ...anchors, hdcEligibilityDate: hdced });
        expect([task.templateKey, task.dueDate]).toEqual([task.templateKey, deadline?.dueDate]);
        // Not counted from her release date.
        expect(task.dueDate).not.toBe(
          catalogueDeadline(entry, { ...anchors, hdcEligibilityDate: woman.releaseDate })?.dueDate,
        );
      }
      // The process starts 10 weeks (70 days) before the HDCED: never later than that.
      const start = hdcTasks.find((t) => t.templateKey === 'HDC_CURFEW_ADDRESS') as TaskView;
      expect(start.dueDate !== null && start.dueDate <= addCalendarDays(hdced, -70)).toBe(true);
    });

    it('plans no HDC task for a woman with no HDCED', async () => {
      const woman = await createWoman(testApi.baseUrl, prt.token);
      await recordNeeds(prt.api, woman.id, ['ACCOMMODATION']);
      const { tasks } = await detail(woman.id);
      expect(tasks.filter((t) => t.templateKey.startsWith('HDC_'))).toEqual([]);
    });

    it('re-dates the HDC tasks when her HDCED moves', async () => {
      const woman = await createWoman(testApi.baseUrl, prt.token, {
        conditionalReleaseDate: daysFromToday(150),
        hdcEligibilityDate: daysFromToday(100),
      });
      const before = await detail(woman.id);
      const moved = daysFromToday(110);
      const patched = await prt.api.patch<WomanView>(`/women/${woman.id}`, {
        hdcEligibilityDate: moved,
        version: before.version,
      });
      expect(patched.status).toBe(200);
      const after = await detail(woman.id);
      const anchors = { releaseDate: woman.releaseDate, receptionDate: woman.receptionDate, needIdentifiedAt: null };
      const hdcTasks = after.tasks.filter((t) => t.templateKey.startsWith('HDC_'));
      expect(hdcTasks).toHaveLength(3);
      for (const task of hdcTasks) {
        const deadline = catalogueDeadline(catalogueEntryFor(catalogue, task), {
          ...anchors,
          hdcEligibilityDate: moved,
        });
        expect([task.templateKey, task.dueDate]).toEqual([task.templateKey, deadline?.dueDate]);
      }
    });

    it('moves her whole plan to the HDC actual date when HDC is granted', async () => {
      const hdced = daysFromToday(60);
      const woman = await createWoman(testApi.baseUrl, prt.token, {
        conditionalReleaseDate: daysFromToday(150),
        hdcEligibilityDate: hdced,
      });
      const assessedAt = new Date(Date.now() - 60_000);
      await recordNeeds(prt.api, woman.id, ['ACCOMMODATION', 'FINANCE_AND_ID'], assessedAt);
      const before = await detail(woman.id);
      expect(before.releaseDateSource).toBe('CRD');

      const granted = plainWednesday(75);
      const patched = await prt.api.patch<WomanView>(`/women/${woman.id}`, {
        hdcActualDate: granted,
        releaseType: 'HDC',
        version: before.version,
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ releaseDate: granted, releaseDateSource: 'HDC_ACTUAL', releaseType: 'HDC' });

      const after = await detail(woman.id);
      const anchors = {
        releaseDate: granted,
        receptionDate: woman.receptionDate,
        needIdentifiedAt: assessedAt,
        hdcEligibilityDate: hdced,
        // The COM allocation task counts from her handover date (handover.ts), as the view gives it.
        comAllocatedDate: after.handover.comAllocatedDate,
      };
      const planned = catalogueTasks(after.tasks);
      const releaseAnchored = planned.filter((t) => catalogueEntryFor(catalogue, t).deadlineAnchor === 'RELEASE');
      expect(releaseAnchored.length).toBeGreaterThan(5);
      for (const task of planned) {
        const deadline = catalogueDeadline(catalogueEntryFor(catalogue, task), anchors);
        expect([task.templateKey, task.status, task.dueDate]).toEqual([task.templateKey, 'TODO', deadline?.dueDate]);
      }
      for (const task of releaseAnchored) {
        const was = before.tasks.find((t) => t.id === task.id) as TaskView;
        expect([task.templateKey, task.dueDate === was.dueDate]).toEqual([task.templateKey, false]);
      }
      const moves = after.auditTrail.filter((e) => e.action === 'DEADLINE_MOVED').map((e) => e.entityId);
      expect(moves.sort()).toEqual(releaseAnchored.map((t) => t.id).sort());
    });
  });

  describe('CRS contracted scope (point 8)', () => {
    it('refuses a catalogue edit that gives a CRS caseworker finance work before release, naming the field, writing nothing', async () => {
      const entry = catalogue.find((e) => e.key === 'FINANCE_DEBT_SUPPORT_BEFORE_RELEASE') as CatalogueEntry;
      const refused = await admin.api.patch<ErrorBody>(`/task-catalogue/${entry.key}`, {
        ownerRole: 'CRS_CASEWORKER',
        version: entry.version,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.fields?.map((f) => f.field)).toEqual(['ownerRole']);
      const unchanged = (await getCatalogue(admin.api)).find((e) => e.key === entry.key);
      expect(unchanged).toMatchObject({ ownerRole: Role.PRE_RELEASE_TEAM, version: entry.version });
    });

    it('counts for provider accountability only referrals with contracted work, and only contracted outcomes', async () => {
      const ds = testApi.dataSource;
      const prison = await createPrison(ds, testRegionCode());
      const provider = (await createProvider(ds)).id;
      const area = await createReleaseArea(ds, provider);
      const inCustody = await insertWoman(ds, {
        prisonCode: prison,
        releaseAreaCode: area.code,
        releaseDate: daysFromToday(40),
      });
      const released = await insertWoman(ds, {
        prisonCode: prison,
        releaseAreaCode: area.code,
        releasedOn: daysFromToday(-20),
      });
      const sentAt = (daysAgo: number) => new Date(`${daysFromToday(-daysAgo)}T12:00:00Z`);
      const referral = (womanId: string, pathways: string[], daysAgo: number, outcomes?: string[]) =>
        insertReferral(ds, {
          womanId,
          providerId: provider,
          releaseAreaCode: area.code,
          referrerRole: 'COM',
          needIdentifiedAt: sentAt(daysAgo + 1),
          status: outcomes ? 'ENDED' : 'SENT',
          log: [{ to: 'SENT', at: sentAt(daysAgo) }],
          pathways,
          outcomes,
        });
      // Before release: finance alone is outside the custodial scope; accommodation, and wellbeing with finance, count.
      await referral(inCustody, ['FINANCE_AND_ID'], 10);
      await referral(inCustody, ['EDUCATION_SKILLS_AND_WORK'], 9);
      await referral(inCustody, ['DOMESTIC_ABUSE'], 8);
      await referral(inCustody, ['ACCOMMODATION', 'FINANCE_AND_ID'], 7, ['ACHIEVED', 'NOT_ACHIEVED']);
      await referral(inCustody, ['FINANCE_AND_ID', 'ATTITUDES_THINKING_AND_BEHAVIOUR'], 6);
      // After release (released 20 days ago): finance is contracted in the community.
      await referral(released, ['FINANCE_AND_ID'], 5, ['PARTIALLY_ACHIEVED']);
      // Sent before her release: pre-release, finance alone, not counted.
      await referral(released, ['FINANCE_AND_ID'], 30);

      const response = await admin.api.get<{ tables: { key: string; rows: Record<string, unknown>[] }[] }>(
        `/reports/provider-accountability?prison=${prison}`,
      );
      expect(response.status).toBe(200);
      const rows = response.body.tables.find((t) => t.key === 'providers')?.rows ?? [];
      expect(rows).toHaveLength(1);
      // 3 = accommodation+finance, wellbeing+finance (before release) and finance after release.
      expect(rows[0]).toMatchObject({
        received: 3,
        ended: 2,
        // The accommodation outcome counts; the finance outcome before release does not.
        outcomesAchieved: 1,
        outcomesNotAchieved: 0,
        outcomesPartlyAchieved: 1,
      });
    });
  });
});
