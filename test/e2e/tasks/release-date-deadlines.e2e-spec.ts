/** Tasks planned from a woman's needs, dated from her release date, and re-dated when that date moves. */
import {
  Role,
  checkEligibility,
  CustodyStatus,
  effectiveReleaseDate,
  EligibilityRule,
  KEYWORK_TASK_KEY,
  nationalInsuranceRoute,
  PLANNED_AT_RECEPTION,
  releaseAreaCountry,
  ReleaseType,
  SensitiveFlag,
  TaskDeadline,
} from '@app/domain';
import type { TaskView, WomanDetailView, WomanView } from '@app/contracts';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  CatalogueEntry,
  catalogueDeadline,
  catalogueEntryFor,
  SignedInUser,
  createSignedInUser,
  createWoman,
  daysFromToday,
  getCatalogue,
  recordNeeds,
  today,
} from '../../factories';

const MARKED = ['ACCOMMODATION', 'FINANCE_AND_ID'];
const ALTERNATIVE = '_ALTERNATIVE';

function expectDeadlineOf(task: TaskView, deadline: TaskDeadline | null): void {
  expect({ key: task.templateKey, dueDate: task.dueDate, dueAt: task.dueAt, atRiskAt: task.atRiskAt }).toEqual({
    key: task.templateKey,
    dueDate: deadline?.dueDate ?? null,
    dueAt: deadline?.dueAt.toISOString() ?? null,
    atRiskAt: deadline?.atRiskAt.toISOString() ?? null,
  });
}

function releaseDateOf(woman: WomanView): string {
  const release = effectiveReleaseDate(woman);
  if (!release) throw new Error('She has no release date');
  return release.date;
}

describe('tasks planned from the release date', () => {
  let testApi: TestApi;
  let prt: SignedInUser;
  let catalogue: CatalogueEntry[];

  beforeAll(async () => {
    testApi = await startTestApi();
    prt = await createSignedInUser(testApi.dataSource, testApi.baseUrl, {
      role: Role.PRE_RELEASE_TEAM,
      prisonCodes: ['STI'],
    });
    catalogue = await getCatalogue(prt.api);
  });

  afterAll(async () => {
    await testApi?.close();
  });

  /**
   * Her need-driven tasks and their trail. The "allocate her COM" task these women also get (no COM) is planned
   * from her sentence and dated by the handover rules, not from her needs: test/e2e/handover covers it. Her keywork
   * task counts from her reception and sessions, never her release: test/e2e/workflows/keywork covers it.
   */
  async function detail(womanId: string): Promise<WomanDetailView> {
    const response = await prt.api.get<WomanDetailView>(`/women/${womanId}`);
    expect(response.status).toBe(200);
    const otherIds = new Set(
      response.body.tasks
        .filter((t) => t.templateKey === 'COM_ALLOCATION' || t.templateKey === KEYWORK_TASK_KEY)
        .map((t) => t.id),
    );
    return {
      ...response.body,
      tasks: response.body.tasks.filter((t) => !otherIds.has(t.id)),
      auditTrail: response.body.auditTrail.filter((e) => !otherIds.has(e.entityId)),
    };
  }

  /** The keys she should get: the active entries of the pathways, or their alternative where she is not eligible. */
  function expectedKeys(woman: WomanView, pathways: string[]): string[] {
    const flags = new Set(woman.sensitiveFlags ?? []);
    const facts = {
      custodyStatus: woman.custodyStatus as CustodyStatus,
      releaseType: woman.releaseType as ReleaseType | null,
      releaseDate: woman.releaseDate,
      today: today(),
      flags,
    };
    // Tasks that were never hers are left out silently: another nation's housing law, the other NI route
    // (issue 13 points 6 and 11); the reception tasks are never planned from a pathway (point 10).
    const country = releaseAreaCountry(woman.releaseAreaCode);
    const route = nationalInsuranceRoute({ hasNationalInsuranceNumber: woman.hasNationalInsuranceNumber, flags });
    const rule = (e: CatalogueEntry) => e.eligibility as EligibilityRule;
    return catalogue
      .filter((e) => e.active && pathways.includes(e.pathway) && !PLANNED_AT_RECEPTION.includes(e.key))
      .filter((e) => !e.eligibility.requiresFlag || flags.has(e.eligibility.requiresFlag as SensitiveFlag))
      .filter((e) => !rule(e).releaseCountryIn || (country !== null && rule(e).releaseCountryIn?.includes(country)))
      .filter((e) => !rule(e).nationalInsuranceRoute || rule(e).nationalInsuranceRoute === route)
      .flatMap((e) => {
        if (checkEligibility(e.eligibility as EligibilityRule, facts).eligible) return [e.key];
        return e.ineligibleAlternative ? [`${e.key}${ALTERNATIVE}`] : [];
      })
      .sort();
  }

  it('gives a woman exactly the active catalogue tasks of the pathways marked SUPPORT_REQUIRED, due when the rules say', async () => {
    const woman = await createWoman(testApi.baseUrl, prt.token, { conditionalReleaseDate: daysFromToday(140) });
    const assessedAt = new Date(Date.now() - 5 * 60_000);

    const recorded = await recordNeeds(prt.api, woman.id, MARKED, assessedAt);
    const after = await detail(woman.id);

    expect(woman.releaseDate).toBe(releaseDateOf(woman));
    const keys = after.tasks.map((t) => t.templateKey).sort();
    expect(keys).toEqual(expectedKeys(woman, MARKED));
    expect(keys.length).toBeGreaterThan(0);
    expect(recorded.tasksCreated.map((t) => t.templateKey).sort()).toEqual(keys);
    for (const pathway of MARKED) {
      expect(after.pathways.find((p) => (p.pathway as string) === pathway)).toEqual({
        pathway,
        status: 'SUPPORT_REQUIRED',
        needIdentifiedAt: assessedAt.toISOString(),
      });
    }
    const anchors = {
      releaseDate: woman.releaseDate,
      receptionDate: woman.receptionDate,
      needIdentifiedAt: assessedAt,
    };
    for (const task of after.tasks) {
      const entry = catalogueEntryFor(catalogue, task);
      expect(task).toMatchObject({
        status: 'TODO',
        ownerRole: entry.ownerRole,
        pathway: entry.pathway,
        deadlineRevision: 0,
        assigneeId: null,
      });
      expectDeadlineOf(task, catalogueDeadline(entry, anchors));
    }
  });

  it('gives a remanded woman the bank account alternative, with the reasons, instead of the bank account task', async () => {
    const bankAccount = catalogue.find((e) => e.active && e.pathway === 'FINANCE_AND_ID' && e.ineligibleAlternative);
    if (!bankAccount) throw new Error('The catalogue has no FINANCE_AND_ID entry with an ineligible alternative');
    const woman = await createWoman(testApi.baseUrl, prt.token, {
      custodyStatus: 'REMANDED',
      conditionalReleaseDate: daysFromToday(140),
    });

    await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
    const { tasks } = await detail(woman.id);

    const keys = tasks.map((t) => t.templateKey);
    expect(keys).toContain(`${bankAccount.key}${ALTERNATIVE}`);
    expect(keys).not.toContain(bankAccount.key);
    expect(keys.sort()).toEqual(expectedKeys(woman, ['FINANCE_AND_ID']));
    const alternative = tasks.find((t) => t.templateKey === `${bankAccount.key}${ALTERNATIVE}`) as TaskView;
    expect(alternative.title).toBe(bankAccount.ineligibleAlternative?.title);
    expect(alternative.ineligibleReasons?.length).toBeGreaterThan(0);
  });

  // CJA 1961 s.23(3) brings her to the last working day before; that day precedes a non-working day, so s.23(3B)
  // and the HMPPS presumption bring her to the eligible working day before it (she has served over 28 days).
  it.each([
    ['a Saturday (Sat 13 Mar 2027 -> Fri 12 -> Thu 11)', '2027-03-13', '2027-03-11'],
    ['Easter Monday (Mon 29 Mar 2027 -> Thu 25, before Good Friday -> Wed 24)', '2027-03-29', '2027-03-24'],
    ['the summer bank holiday (Mon 30 Aug 2027 -> Fri 27 -> Thu 26)', '2027-08-30', '2027-08-26'],
    ['the Boxing Day substitute (Mon 28 Dec 2026 -> Thu 24, before Christmas -> Wed 23)', '2026-12-28', '2026-12-23'],
  ])('brings a CRD on %s forward to the eligible working day before it', async (_what, crd, expected) => {
    const woman = await createWoman(testApi.baseUrl, prt.token, {
      conditionalReleaseDate: crd,
      sentenceStartDate: '2026-01-05',
      receptionDate: '2026-01-05',
    });

    expect(woman).toMatchObject({ conditionalReleaseDate: crd, releaseDate: expected, releaseDateSource: 'CRD' });
    expect((await detail(woman.id)).releaseDate).toBe(expected);
  });

  it('moves every open task when her CRD moves, bumps deadlineRevision, leaves closed tasks alone and audits DEADLINE_MOVED', async () => {
    const woman = await createWoman(testApi.baseUrl, prt.token, { conditionalReleaseDate: daysFromToday(140) });
    const assessedAt = new Date(Date.now() - 60_000);
    await recordNeeds(prt.api, woman.id, MARKED, assessedAt);
    const planned = await detail(woman.id);
    const closed = planned.tasks.find((t) => t.ownerRole === Role.PRE_RELEASE_TEAM && t.dueDate !== null) as TaskView;
    expect(closed).toBeDefined();
    const done = await prt.api.patch<TaskView>(`/tasks/${closed.id}/status`, {
      status: 'DONE',
      version: closed.version,
    });
    expect(done.status).toBe(200);
    const newCrd = daysFromToday(168);

    const patched = await prt.api.patch<WomanView>(`/women/${woman.id}`, {
      conditionalReleaseDate: newCrd,
      version: planned.version,
    });

    expect(patched.status).toBe(200);
    expect(patched.body.releaseDate).toBe(effectiveReleaseDate({ ...woman, conditionalReleaseDate: newCrd })?.date);
    const after = await detail(woman.id);
    const anchors = {
      releaseDate: patched.body.releaseDate,
      receptionDate: woman.receptionDate,
      needIdentifiedAt: assessedAt,
    };
    const movedIds: string[] = [];
    for (const task of after.tasks.filter((t) => t.id !== closed.id)) {
      const before = planned.tasks.find((t) => t.id === task.id) as TaskView;
      expectDeadlineOf(task, catalogueDeadline(catalogueEntryFor(catalogue, task), anchors));
      const moved = task.dueAt !== before.dueAt || task.atRiskAt !== before.atRiskAt;
      expect({ key: task.templateKey, deadlineRevision: task.deadlineRevision }).toEqual({
        key: task.templateKey,
        deadlineRevision: moved ? 1 : 0,
      });
      if (moved) movedIds.push(task.id);
    }
    expect(movedIds.length).toBeGreaterThan(0);
    const closedAfter = after.tasks.find((t) => t.id === closed.id) as TaskView;
    expect(closedAfter).toMatchObject({ status: 'DONE', dueDate: closed.dueDate, deadlineRevision: 0 });

    const deadlineMoves = after.auditTrail.filter((e) => e.action === 'DEADLINE_MOVED');
    expect(deadlineMoves.map((e) => e.entityId).sort()).toEqual([...movedIds].sort());
    for (const event of deadlineMoves) {
      const before = planned.tasks.find((t) => t.id === event.entityId) as TaskView;
      const moved = after.tasks.find((t) => t.id === event.entityId) as TaskView;
      expect(event).toMatchObject({
        entityType: 'TASK',
        actorId: prt.id,
        before: { dueDate: before.dueDate },
        after: { dueDate: moved.dueDate },
      });
    }
  });

  it('dates her tasks from a confirmed release date over the CRD, and a later CRD change does not move them', async () => {
    const crd = daysFromToday(140);
    const confirmed = daysFromToday(126);
    const woman = await createWoman(testApi.baseUrl, prt.token, { conditionalReleaseDate: crd });
    const assessedAt = new Date(Date.now() - 60_000);
    await recordNeeds(prt.api, woman.id, ['ACCOMMODATION'], assessedAt);

    expect((await prt.api.patch(`/women/${woman.id}`, { confirmedReleaseDate: confirmed })).status).toBe(200);

    const confirming = await detail(woman.id);
    expect(confirming).toMatchObject({
      releaseDate: effectiveReleaseDate({ ...woman, confirmedReleaseDate: confirmed })?.date,
      releaseDateSource: 'CONFIRMED',
      conditionalReleaseDate: crd,
      confirmedReleaseDate: confirmed,
    });
    const anchors = {
      releaseDate: confirming.releaseDate,
      receptionDate: woman.receptionDate,
      needIdentifiedAt: assessedAt,
    };
    for (const task of confirming.tasks)
      expectDeadlineOf(task, catalogueDeadline(catalogueEntryFor(catalogue, task), anchors));

    expect((await prt.api.patch(`/women/${woman.id}`, { conditionalReleaseDate: daysFromToday(150) })).status).toBe(
      200,
    );

    const afterNewCrd = await detail(woman.id);
    expect(afterNewCrd).toMatchObject({ releaseDate: confirming.releaseDate, releaseDateSource: 'CONFIRMED' });
    expect(afterNewCrd.tasks.map((t) => [t.id, t.dueDate, t.deadlineRevision])).toEqual(
      confirming.tasks.map((t) => [t.id, t.dueDate, t.deadlineRevision]),
    );
  });

  it('falls back to the CRD, and re-dates her tasks from it, when the confirmed release date is withdrawn', async () => {
    const crd = daysFromToday(140);
    const woman = await createWoman(testApi.baseUrl, prt.token, {
      conditionalReleaseDate: crd,
      confirmedReleaseDate: daysFromToday(126),
    });
    expect(woman.releaseDateSource).toBe('CONFIRMED');
    const assessedAt = new Date(Date.now() - 60_000);
    await recordNeeds(prt.api, woman.id, ['ACCOMMODATION'], assessedAt);

    expect((await prt.api.patch(`/women/${woman.id}`, { confirmedReleaseDate: null })).status).toBe(200);

    const after = await detail(woman.id);
    expect(after).toMatchObject({
      conditionalReleaseDate: crd,
      confirmedReleaseDate: null,
      releaseDate: effectiveReleaseDate({ ...woman, confirmedReleaseDate: null, conditionalReleaseDate: crd })?.date,
      releaseDateSource: 'CRD',
    });
    const anchors = {
      releaseDate: after.releaseDate,
      receptionDate: woman.receptionDate,
      needIdentifiedAt: assessedAt,
    };
    for (const task of after.tasks)
      expectDeadlineOf(task, catalogueDeadline(catalogueEntryFor(catalogue, task), anchors));
  });

  it('answers a partial PATCH /women/:id with her whole record, the fields it did not touch unchanged', async () => {
    const woman = await createWoman(testApi.baseUrl, prt.token, { keyworkerName: 'Kim Officer' });

    const patched = await prt.api.patch<WomanView>(`/women/${woman.id}`, { confirmedReleaseDate: daysFromToday(126) });

    expect(patched.status).toBe(200);
    const {
      updatedAt: _u,
      version: _v,
      confirmedReleaseDate: _c,
      releaseDate: _r,
      releaseDateSource: _s,
      // Why the release date is what it is: derived with it.
      releaseDateReason: _why,
      releaseDateReasonWords: _whyWords,
      scheduledReleaseDate: _sr,
      releaseDayRule: _rr,
      // Derived from the release date (a Friday release is flagged), so it may change with it.
      warnings: _w,
      ...untouched
    } = woman;
    expect(patched.body).toMatchObject(untouched);
  });
});
