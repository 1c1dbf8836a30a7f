/**
 * Issue 13 point 1 through the API: the day she walks out. CJA 1961 s.23(3) (weekends and bank holidays) and
 * s.23(3B)-(3D) (inserted by the Offenders (Day of Release from Detention) Act 2023): a release that would fall on
 * a Friday or before a bank holiday goes on the previous eligible working day (HMPPS policy framework, Nov 2023),
 * except on HDC, an indeterminate sentence or a Parole Board release; her COM may ask for one more working day.
 * Every task counts from the walk-out day, and moves when it moves.
 */
import { addCalendarDays, isWorkingDay, Role, WomanWarningCode } from '@app/domain';
import type { WomanDetailView, WomanView } from '@app/contracts';
import { ErrorBody } from '../../setup/api-client';
import { AppProcess, startApp } from '../../setup/app-process';
import { BoardClient, eventually } from '../../setup/board-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  CatalogueEntry,
  catalogueDeadline,
  catalogueEntryFor,
  catalogueTasks,
  SignedInUser,
  createSignedInUser,
  createWoman,
  daysFromToday,
  getCatalogue,
  getWomanDetail,
  nextWeekday,
  recordNeeds,
} from '../../factories';

jest.setTimeout(120_000);

const FRIDAY = 5;

/**
 * A Friday at least `days` ahead in an ordinary week: Tuesday to Friday are working days, so by the rule the
 * walk-out day is the Thursday, and with her COM's request the Wednesday (worked out here by hand, not by the rule).
 */
function ordinaryFriday(days: number): string {
  let friday = nextWeekday(daysFromToday(days), FRIDAY);
  while (![-3, -2, -1, 0].every((d) => isWorkingDay(addCalendarDays(friday, d)))) {
    friday = addCalendarDays(friday, 7);
  }
  return friday;
}

describe('the day she walks out (CJA 1961 s.23(3) and s.23(3B); HMPPS policy framework, Nov 2023)', () => {
  let testApi: TestApi;
  let prt: SignedInUser;
  let com: SignedInUser;
  let otherCom: SignedInUser;
  let catalogue: CatalogueEntry[];

  beforeAll(async () => {
    testApi = await startTestApi();
    const make = (role: Role, prisonCodes: string[] = []) =>
      createSignedInUser(testApi.dataSource, testApi.baseUrl, { role, prisonCodes });
    [prt, com, otherCom] = await Promise.all([make(Role.PRE_RELEASE_TEAM, ['STI']), make(Role.COM), make(Role.COM)]);
    catalogue = await getCatalogue(prt.api);
  });

  afterAll(async () => {
    await testApi?.close();
  });

  const detail = (womanId: string): Promise<WomanDetailView> => getWomanDetail(prt.api, womanId);

  /** Every task of hers is due as the catalogue says, counted from `releaseDate`; some from the release date itself. */
  function expectTasksDatedFrom(woman: WomanDetailView, releaseDate: string, needIdentifiedAt: Date): void {
    // The COM allocation task counts from her handover date (handover.ts), as the view gives it.
    const anchors = {
      releaseDate,
      receptionDate: woman.receptionDate,
      needIdentifiedAt,
      comAllocatedDate: woman.handover.comAllocatedDate,
    };
    expect(woman.tasks.length).toBeGreaterThan(0);
    for (const task of catalogueTasks(woman.tasks)) {
      const deadline = catalogueDeadline(catalogueEntryFor(catalogue, task), anchors);
      expect({ key: task.templateKey, dueDate: task.dueDate, dueAt: task.dueAt }).toEqual({
        key: task.templateKey,
        dueDate: deadline?.dueDate ?? null,
        dueAt: deadline?.dueAt.toISOString() ?? null,
      });
    }
  }

  it('walks her out on the Thursday before a Friday CRD and dates every task from the Thursday', async () => {
    const friday = ordinaryFriday(140);
    const thursday = addCalendarDays(friday, -1);
    const woman = await createWoman(testApi.baseUrl, prt.token, { conditionalReleaseDate: friday, comId: com.id });

    expect(woman).toMatchObject({
      conditionalReleaseDate: friday,
      scheduledReleaseDate: friday,
      releaseDate: thursday,
      releaseDayRule: 'FRIDAY_OR_PRE_BANK_HOLIDAY',
      releaseDateSource: 'CRD',
    });
    // She no longer walks out before closed days, so the board has nothing to warn of.
    expect(woman.warnings.map((w) => w.code)).not.toContain('RELEASE_BEFORE_CLOSED_DAYS');
    const assessedAt = new Date(Date.now() - 60_000);
    await recordNeeds(prt.api, woman.id, ['ACCOMMODATION', 'FINANCE_AND_ID'], assessedAt);
    const planned = await detail(woman.id);
    expectTasksDatedFrom(planned, thursday, assessedAt);
    // At least one deadline would differ had she been dated from the Friday: the walk-out day is what counts.
    const fromFriday = { releaseDate: friday, receptionDate: woman.receptionDate, needIdentifiedAt: assessedAt };
    expect(
      catalogueTasks(planned.tasks).some(
        (t) => catalogueDeadline(catalogueEntryFor(catalogue, t), fromFriday)?.dueAt.toISOString() !== t.dueAt,
      ),
    ).toBe(true);
  });

  it('re-dates her tasks to the Thursday when her CRD is moved onto a Friday', async () => {
    const friday = ordinaryFriday(150);
    const wednesday = addCalendarDays(friday, -9); // the Wednesday of the week before: an ordinary day
    const woman = await createWoman(testApi.baseUrl, prt.token, { conditionalReleaseDate: wednesday });
    expect(woman).toMatchObject({ releaseDate: wednesday, releaseDayRule: 'NOT_MOVED' });
    const assessedAt = new Date(Date.now() - 60_000);
    await recordNeeds(prt.api, woman.id, ['ACCOMMODATION'], assessedAt);

    const patched = await prt.api.patch<WomanView>(`/women/${woman.id}`, { conditionalReleaseDate: friday });

    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      scheduledReleaseDate: friday,
      releaseDate: addCalendarDays(friday, -1),
      releaseDayRule: 'FRIDAY_OR_PRE_BANK_HOLIDAY',
    });
    expectTasksDatedFrom(await detail(woman.id), addCalendarDays(friday, -1), assessedAt);
  });

  it("moves her and every task one more working day at her COM's request, audited, and back when she withdraws it", async () => {
    const friday = ordinaryFriday(160);
    const [thursday, wednesday] = [addCalendarDays(friday, -1), addCalendarDays(friday, -2)];
    const woman = await createWoman(testApi.baseUrl, prt.token, { conditionalReleaseDate: friday, comId: com.id });
    const assessedAt = new Date(Date.now() - 60_000);
    await recordNeeds(prt.api, woman.id, ['ACCOMMODATION'], assessedAt);
    const planned = await detail(woman.id);
    const reason = 'Her supported housing can take her in on the Wednesday only';
    // The server tells the web what to offer: her COM may ask; the pre-release team may not.
    const asComBefore = await com.api.get<WomanDetailView>(`/women/${woman.id}`);
    expect(asComBefore.body.releaseDayActions).toEqual(['REQUEST_EXTRA_RELEASE_DAY']);
    expect(planned.releaseDayActions).toEqual([]);

    const requested = await com.api.post<WomanView>(`/women/${woman.id}/release-day-request`, { reason });

    expect(requested.status).toBe(200);
    expect(requested.body).toMatchObject({
      scheduledReleaseDate: friday,
      releaseDate: wednesday,
      releaseDayRule: 'COM_REQUEST',
      releaseDayRequestReason: reason,
      releaseDayRequestedById: com.id,
    });
    expect(requested.body.releaseDayRequestedAt).not.toBeNull();
    const afterRequest = await detail(woman.id);
    expectTasksDatedFrom(afterRequest, wednesday, assessedAt);
    expect(afterRequest.tasks.some((t) => t.deadlineRevision > 0)).toBe(true);
    const audit = afterRequest.auditTrail.filter((e) => e.entityType === 'WOMAN' && e.action === 'UPDATED');
    expect(audit.at(-1)).toMatchObject({
      actorId: com.id,
      before: { releaseDate: thursday, releaseDayRequestReason: null },
      after: { releaseDate: wednesday, releaseDayRequestReason: reason, releaseDayRule: 'COM_REQUEST' },
    });
    expect(afterRequest.auditTrail.filter((e) => e.action === 'DEADLINE_MOVED').length).toBeGreaterThan(0);
    expect(planned.releaseDate).toBe(thursday);
    expect((await com.api.get<WomanDetailView>(`/women/${woman.id}`)).body.releaseDayActions).toEqual([
      'WITHDRAW_EXTRA_RELEASE_DAY',
    ]);

    const withdrawn = await com.api.delete<WomanView>(`/women/${woman.id}/release-day-request`);

    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      releaseDate: thursday,
      releaseDayRule: 'FRIDAY_OR_PRE_BANK_HOLIDAY',
      releaseDayRequestReason: null,
      releaseDayRequestedById: null,
      releaseDayRequestedAt: null,
    });
    expectTasksDatedFrom(await detail(woman.id), thursday, assessedAt);
  });

  it.each([
    ['on home detention curfew', { releaseType: 'HDC' }, 'EXCLUDED_HDC'],
    ['serving an indeterminate sentence', { indeterminateSentence: true }, 'EXCLUDED_INDETERMINATE'],
    ['released by the Parole Board', { releaseType: 'PAROLE' }, 'EXCLUDED_PAROLE_BOARD'],
    ['under 28 days from sentence', { sentenceStartDate: 'SENTENCED_20_DAYS_BEFORE' }, 'EXCLUDED_UNDER_28_DAYS'],
  ])('keeps a woman %s on the Friday, and refuses her COM one more day (409)', async (_who, facts, rule) => {
    const friday = ordinaryFriday(170);
    const overrides: Record<string, unknown> = { ...facts, conditionalReleaseDate: friday, comId: com.id };
    if (overrides.sentenceStartDate === 'SENTENCED_20_DAYS_BEFORE') {
      overrides.sentenceStartDate = addCalendarDays(friday, -20);
      overrides.receptionDate = addCalendarDays(friday, -20);
    }
    const woman = await createWoman(testApi.baseUrl, prt.token, overrides);

    expect(woman).toMatchObject({ scheduledReleaseDate: friday, releaseDate: friday, releaseDayRule: rule });
    expect(woman.warnings.find((w) => w.code === WomanWarningCode.RELEASE_BEFORE_CLOSED_DAYS)?.message).toContain(
      'Friday release rule not applied',
    );
    const refused = await com.api.post<ErrorBody>(`/women/${woman.id}/release-day-request`, { reason: 'Help her' });
    expect(refused.status).toBe(409);
    expect((await detail(woman.id)).version).toBe(woman.version);
  });

  it('puts her back on the Friday when her sentence is recorded as indeterminate', async () => {
    const friday = ordinaryFriday(180);
    const woman = await createWoman(testApi.baseUrl, prt.token, { conditionalReleaseDate: friday });
    expect(woman.releaseDate).toBe(addCalendarDays(friday, -1));

    const patched = await prt.api.patch<WomanView>(`/women/${woman.id}`, { indeterminateSentence: true });

    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      indeterminateSentence: true,
      releaseDate: friday,
      releaseDayRule: 'EXCLUDED_INDETERMINATE',
    });
  });

  it('refuses one more day on an ordinary Wednesday release (409): there is nothing to move', async () => {
    const wednesday = addCalendarDays(ordinaryFriday(190), -2);
    const woman = await createWoman(testApi.baseUrl, prt.token, { conditionalReleaseDate: wednesday, comId: com.id });

    const refused = await com.api.post<ErrorBody>(`/women/${woman.id}/release-day-request`, { reason: 'Help her' });

    expect(refused.status).toBe(409);
    expect((await detail(woman.id)).releaseDayRequestReason).toBeNull();
  });

  it('lets only her own COM ask or withdraw: the pre-release team is refused (403), another COM finds no one (404)', async () => {
    const friday = ordinaryFriday(200);
    const woman = await createWoman(testApi.baseUrl, prt.token, { conditionalReleaseDate: friday, comId: com.id });
    const body = { reason: 'Her tenancy starts on the Wednesday' };

    expect((await prt.api.post(`/women/${woman.id}/release-day-request`, body)).status).toBe(403);
    expect((await otherCom.api.post(`/women/${woman.id}/release-day-request`, body)).status).toBe(404);
    expect((await prt.api.delete(`/women/${woman.id}/release-day-request`)).status).toBe(403);
    expect((await otherCom.api.delete(`/women/${woman.id}/release-day-request`)).status).toBe(404);
    expect((await com.api.delete(`/women/${woman.id}/release-day-request`)).status).toBe(409);

    const after = await detail(woman.id);
    expect(after).toMatchObject({ version: woman.version, releaseDate: addCalendarDays(friday, -1) });
    expect(after.auditTrail.filter((e) => e.entityType === 'WOMAN').map((e) => e.action)).toEqual(['CREATED']);
  });

  it.each([
    ['no reason', {}, 'reason'],
    ['a blank reason', { reason: '   ' }, 'reason'],
    ['a reason that is not text', { reason: 42 }, 'reason'],
    ['a reason over 2000 characters', { reason: 'x'.repeat(2001) }, 'reason'],
    ['a version that is not a number', { reason: 'Help her', version: 'one' }, 'version'],
  ])('answers %s with 400 naming the field and writes nothing', async (_what, body, field) => {
    const woman = await createWoman(testApi.baseUrl, prt.token, {
      conditionalReleaseDate: ordinaryFriday(210),
      comId: com.id,
    });

    const refused = await com.api.post<ErrorBody>(`/women/${woman.id}/release-day-request`, body);

    expect(refused.status).toBe(400);
    expect(refused.body.fields?.map((f) => f.field)).toEqual([field]);
    const after = await detail(woman.id);
    expect(after).toMatchObject({
      version: woman.version,
      releaseDate: woman.releaseDate,
      releaseDayRequestReason: null,
    });
  });

  it('answers an indeterminateSentence that is not true or false with 400 naming it', async () => {
    const woman = await createWoman(testApi.baseUrl, prt.token, { conditionalReleaseDate: ordinaryFriday(220) });

    const refused = await prt.api.patch<ErrorBody>(`/women/${woman.id}`, { indeterminateSentence: 'yes' });

    expect(refused.status).toBe(400);
    expect(refused.body.fields?.map((f) => f.field)).toEqual(['indeterminateSentence']);
    expect((await detail(woman.id)).version).toBe(woman.version);
  });

  it('keeps the day she actually left (a Friday) once released, whatever is edited later, and refuses a request', async () => {
    const lastFriday = nextWeekday(daysFromToday(-7), FRIDAY);
    const woman = await createWoman(testApi.baseUrl, prt.token, { comId: com.id });
    const released = await prt.api.post<WomanView>(`/women/${woman.id}/release`, { releasedOn: lastFriday });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ releaseDate: lastFriday, releaseDayRule: 'NOT_MOVED' });

    const edited = await com.api.patch<WomanView>(`/women/${woman.id}`, { keyworkerName: 'After release' });

    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ releaseDate: lastFriday, scheduledReleaseDate: lastFriday });
    const refused = await com.api.post<ErrorBody>(`/women/${woman.id}/release-day-request`, { reason: 'Too late' });
    expect(refused.status).toBe(409);
  });

  it("shows the new walk-out day on the live board as soon as her COM's request is made", async () => {
    let gateway: AppProcess | null = null;
    let worker: AppProcess | null = null;
    let board: BoardClient | null = null;
    try {
      // The worker relays the outbox to the gateway, which pushes to the board's room.
      [gateway, worker] = await Promise.all([startApp('gateway'), startApp('worker')]);
      board = await BoardClient.connect(gateway.url, prt.token);
      expect((await board.subscribe(['prison:STI'])).refused).toEqual([]);
      const friday = ordinaryFriday(230);
      const woman = await createWoman(testApi.baseUrl, prt.token, { conditionalReleaseDate: friday, comId: com.id });

      const requested = await com.api.post<WomanView>(`/women/${woman.id}/release-day-request`, { reason: 'Housing' });

      expect(requested.status).toBe(200);
      const live = board;
      const seen = () =>
        live.events.some(
          (e) =>
            e.type === 'woman.updated' &&
            e.woman?.id === woman.id &&
            e.woman.releaseDate === addCalendarDays(friday, -2) &&
            e.woman.scheduledReleaseDate === friday &&
            e.woman.releaseDayRule === 'COM_REQUEST',
        );
      expect(await eventually(seen, 30_000)).toBe(true);
    } finally {
      board?.close();
      await Promise.all([gateway?.stop(), worker?.stop()]);
    }
  });
});
