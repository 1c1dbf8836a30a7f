/**
 * Recall, transfer and release end to end, fed both by staff and by HMPPS domain events: a recall keeps the
 * CRS referral open and re-plans her needs for the new date; a transfer is seen live on both prisons' boards
 * (the real worker relays it through two real gateways); a redelivered event is applied once.
 */
import { randomUUID } from 'node:crypto';
import { Role, addWorkingDays, londonDateOf, TaskStatus, Pathway } from '@app/domain';
import type { ReferralDetailView, TaskView, WomanDetailView, WomanView } from '@app/contracts';
import { ApiClient, ApiResponse, ErrorBody } from '../../setup/api-client';
import { AppProcess, startApp } from '../../setup/app-process';
import { BoardClient, eventually } from '../../setup/board-client';
import { hmppsEventsToken, readRunSettings } from '../../setup/run-settings';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  createWoman,
  daysFromToday,
  recordNeeds,
  uniqueSuffix,
} from '../../factories';

jest.setTimeout(120_000);

interface Receipt {
  eventId: string;
  outcome: string;
  detail: string;
  duplicate: boolean;
}

describe('recall, transfer and release', () => {
  let api: TestApi;
  let worker: AppProcess;
  let gatewayA: AppProcess;
  let gatewayB: AppProcess;
  let hmpps: ApiClient;
  let areaCode: string;
  let prtStyal: SignedInUser;
  let prtBronzefield: SignedInUser;
  let pomBoth: SignedInUser;
  let com: SignedInUser;
  let caseworker: SignedInUser;
  const clients: BoardClient[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    [gatewayA, gatewayB, worker] = await Promise.all([startApp('gateway'), startApp('gateway'), startApp('worker')]);
    hmpps = new ApiClient(api.baseUrl, hmppsEventsToken(readRunSettings()));
    const provider = await createProvider(api.dataSource);
    areaCode = (await createReleaseArea(api.dataSource, provider.id)).code;
    const make = (role: Role, extra: { prisonCodes?: string[]; providerId?: string } = {}) =>
      createSignedInUser(api.dataSource, api.baseUrl, { role, ...extra });
    [prtStyal, prtBronzefield, pomBoth, com, caseworker] = await Promise.all([
      make(Role.PRE_RELEASE_TEAM, { prisonCodes: ['STI'] }),
      make(Role.PRE_RELEASE_TEAM, { prisonCodes: ['BZI'] }),
      make(Role.POM, { prisonCodes: ['STI', 'BZI'] }),
      make(Role.COM),
      make(Role.CRS_CASEWORKER, { providerId: provider.id }),
    ]);
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await Promise.all([worker?.stop(), gatewayA?.stop(), gatewayB?.stop()]);
    await api?.close();
  });

  function ok<T>(response: ApiResponse<T | ErrorBody>): T {
    if (response.status !== 200 && response.status !== 201) {
      throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body as T;
  }

  async function newWoman(overrides: Record<string, unknown> = {}): Promise<WomanView> {
    return createWoman(api.baseUrl, prtStyal.token, {
      releaseAreaCode: areaCode,
      comId: com.id,
      pomId: pomBoth.id,
      ...overrides,
    });
  }

  function event(
    type: 'received' | 'released',
    prisonNumber: string,
    info: Record<string, string>,
    eventId = `evt-${uniqueSuffix()}`,
  ) {
    return {
      eventId,
      eventType: `prison-offender-events.prisoner.${type}`,
      occurredAt: new Date().toISOString(),
      additionalInformation: { nomsNumber: prisonNumber, ...info },
    };
  }

  async function auditActions(womanId: string, entityType = 'WOMAN'): Promise<string[]> {
    const rows: { action: string }[] = await api.dataSource.query(
      'SELECT action FROM audit_events WHERE woman_id = $1 AND entity_type = $2 ORDER BY at, id',
      [womanId, entityType],
    );
    return rows.map((r) => r.action);
  }

  async function recallBasis(womanId: string): Promise<unknown> {
    const rows: { basis: unknown }[] = await api.dataSource.query(
      `SELECT after->'basis' AS basis FROM audit_events
        WHERE woman_id = $1 AND entity_type = 'WOMAN' AND action = 'RECALLED' ORDER BY id DESC LIMIT 1`,
      [womanId],
    );
    return rows[0]?.basis;
  }

  /** Everything a change to her leaves behind: her row, her audit entries and her board events. */
  async function footprint(womanId: string): Promise<{ woman: unknown; audit: number; outbox: number }> {
    const [woman]: unknown[] = await api.dataSource.query('SELECT * FROM women WHERE id = $1', [womanId]);
    const [audit]: { count: string }[] = await api.dataSource.query(
      'SELECT count(*) FROM audit_events WHERE woman_id = $1',
      [womanId],
    );
    const [outbox]: { count: string }[] = await api.dataSource.query(
      'SELECT count(*) FROM outbox_events WHERE woman_id = $1',
      [womanId],
    );
    return { woman, audit: Number(audit.count), outbox: Number(outbox.count) };
  }

  async function tasksOf(client: SignedInUser, womanId: string): Promise<TaskView[]> {
    return ok(await client.api.get<WomanDetailView>(`/women/${womanId}`)).tasks;
  }

  describe('HMPPS domain events', () => {
    it('refuses a caller without the events token', async () => {
      const woman = await newWoman();
      const body = event('received', woman.prisonNumber, { reason: 'TRANSFERRED', prisonId: 'BZI' });
      expect((await new ApiClient(api.baseUrl).post('/hmpps/domain-events', body)).status).toBe(401);
      expect((await new ApiClient(api.baseUrl, 'x'.repeat(40)).post('/hmpps/domain-events', body)).status).toBe(401);
      // A user's own token is no use either.
      expect((await prtStyal.api.post('/hmpps/domain-events', body)).status).toBe(401);
      expect(await auditActions(woman.id)).toEqual(['CREATED']);
    });

    it('applies an event once however often, and however concurrently, it is delivered', async () => {
      const woman = await newWoman();
      const body = event('received', woman.prisonNumber, { reason: 'TRANSFERRED', prisonId: 'BZI' });
      const receipts = await Promise.all(
        Array.from({ length: 5 }, () => hmpps.post<Receipt>('/hmpps/domain-events', body)),
      );
      expect(receipts.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(receipts.filter((r) => !r.body.duplicate)).toHaveLength(1);
      expect(receipts.every((r) => r.body.outcome === 'APPLIED')).toBe(true);

      const again = ok(await hmpps.post<Receipt>('/hmpps/domain-events', body));
      expect(again).toMatchObject({ duplicate: true, outcome: 'APPLIED', detail: 'Transferred to BZI' });
      expect(await auditActions(woman.id)).toEqual(['CREATED', 'TRANSFERRED']);
      expect(ok(await prtBronzefield.api.get<WomanView>(`/women/${woman.id}`)).prisonCode).toBe('BZI');
    });

    it('records and ignores what is not a movement of her sentence, naming why', async () => {
      const woman = await newWoman();
      const court = ok(
        await hmpps.post<Receipt>(
          '/hmpps/domain-events',
          event('released', woman.prisonNumber, { reason: 'SENT_TO_COURT', prisonId: 'STI' }),
        ),
      );
      expect(court).toMatchObject({ outcome: 'IGNORED', duplicate: false });
      const stranger = ok(
        await hmpps.post<Receipt>(
          '/hmpps/domain-events',
          event('released', 'Z9999ZZ', { reason: 'RELEASED', prisonId: 'STI' }),
        ),
      );
      expect(stranger.outcome).toBe('UNKNOWN_PERSON');
      const bad = await hmpps.post<ErrorBody & { fields: { field: string }[] }>('/hmpps/domain-events', {
        eventType: 'prison-offender-events.prisoner.released',
        occurredAt: 'yesterday',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.fields.map((f) => f.field).sort()).toEqual(['eventId', 'occurredAt']);
      expect(await auditActions(woman.id)).toEqual(['CREATED']);
    });
  });

  it('releases her: the prison’s part closes, and her night-of-release task is dated from the day she left', async () => {
    const woman = await newWoman();
    await recordNeeds(prtStyal.api, woman.id, ['ACCOMMODATION', 'FINANCE_AND_ID']);
    const receipt = ok(
      await hmpps.post<Receipt>(
        '/hmpps/domain-events',
        event('released', woman.prisonNumber, { reason: 'RELEASED', prisonId: 'STI' }),
      ),
    );
    expect(receipt.outcome).toBe('APPLIED');

    const out = ok(await com.api.get<WomanDetailView>(`/women/${woman.id}`));
    const releasedOn = londonDateOf(new Date());
    expect(out).toMatchObject({ prisonCode: 'OUT', releasedOn, releasedFromPrisonCode: 'STI' });
    expect(
      out.tasks.filter((t) => t.ownerRole === Role.PRE_RELEASE_TEAM).every((t) => t.status === TaskStatus.NOT_NEEDED),
    ).toBe(true);
    const night = out.tasks.find((t) => t.templateKey === 'ACCOMMODATION_NIGHT_OF_RELEASE');
    expect(night).toMatchObject({ status: 'TODO', dueDate: addWorkingDays(releasedOn, 1) });
    expect(out.tasks.find((t) => t.templateKey === 'ACCOMMODATION_OUTCOME_12_WEEKS')?.status).toBe('TODO');
    // The prison's board no longer has her.
    expect((await prtStyal.api.get(`/women/${woman.id}`)).status).toBe(404);
  });

  it('keeps her CRS referral open across a recall, gives her back her POM, and re-plans her needs for the new date', async () => {
    const woman = await newWoman();
    await recordNeeds(prtStyal.api, woman.id, ['ACCOMMODATION']);
    const draft = ok(
      await com.api.post<ReferralDetailView>(`/women/${woman.id}/referrals`, {
        pathways: [{ pathway: 'ACCOMMODATION', complexity: 'HIGH', desiredOutcomes: ['Settled address'] }],
        riskInformation: { roshLevel: 'LOW', riskSummary: 'No known risk to others' },
      }),
    );
    ok(await com.api.post(`/referrals/${draft.id}/send`, {}));
    ok(await prtStyal.api.post(`/women/${woman.id}/release`, {}));

    const recall = ok(
      await hmpps.post<Receipt>(
        '/hmpps/domain-events',
        event('received', woman.prisonNumber, { reason: 'ADMISSION', prisonId: 'BZI', nomisMovementReasonCode: 'Y' }),
      ),
    );
    expect(recall).toMatchObject({ outcome: 'APPLIED', detail: 'Recalled to BZI (Y)' });
    // The recall's audit entry names what it rested on: this event.
    expect(await recallBasis(woman.id)).toEqual({ kind: 'HMPPS_EVENT', eventId: recall.eventId });

    const back = ok(await prtBronzefield.api.get<WomanDetailView>(`/women/${woman.id}`));
    expect(back).toMatchObject({ prisonCode: 'BZI', custodyStatus: 'RECALLED', recallCount: 1, pomId: pomBoth.id });
    const referral = ok(await caseworker.api.get<ReferralDetailView>(`/referrals/${draft.id}`));
    expect(referral.status).toBe('SENT');
    expect(await auditActions(woman.id, 'REFERRAL')).toContain('KEPT_OPEN_ON_RECALL');

    // A fresh accommodation plan, waiting for her new release date...
    const replanned = back.tasks.filter((t) => t.pathway === Pathway.ACCOMMODATION && t.status === TaskStatus.TODO);
    expect(replanned.map((t) => t.templateKey)).toContain('DUTY_TO_REFER');
    expect(replanned.find((t) => t.templateKey === 'DUTY_TO_REFER')?.dueDate).toBeNull();
    // ...while the referral task, done when the referral went, is not asked for again.
    expect(replanned.map((t) => t.templateKey)).not.toContain('CRS_ACCOMMODATION_REFERRAL');

    // Four weeks left: deadlines that would already have passed are squeezed into the time she has.
    const releaseDate = addWorkingDays(daysFromToday(28), 0);
    const dated = ok(
      await prtBronzefield.api.patch<WomanView>(`/women/${woman.id}`, {
        confirmedReleaseDate: releaseDate,
        version: back.version,
      }),
    );
    const tomorrow = addWorkingDays(londonDateOf(new Date()), 1);
    const squeezed = (await tasksOf(prtBronzefield, woman.id)).filter(
      (t) =>
        t.pathway === Pathway.ACCOMMODATION &&
        t.status === TaskStatus.TODO &&
        t.templateKey !== 'ACCOMMODATION_NIGHT_OF_RELEASE' &&
        t.templateKey !== 'ACCOMMODATION_OUTCOME_12_WEEKS',
    );
    expect(squeezed.length).toBeGreaterThan(3);
    for (const task of squeezed) {
      expect([task.templateKey, task.dueDate! >= tomorrow, task.dueDate! <= (dated.releaseDate as string)]).toEqual([
        task.templateKey,
        true,
        true,
      ]);
    }
    const due = (key: string) => squeezed.find((t) => t.templateKey === key)?.dueDate as string;
    expect(due('DUTY_TO_REFER') <= due('RELEASE_ADDRESS_CONFIRMED')).toBe(true);
    expect(due('RELEASE_ADDRESS_CONFIRMED') <= due('RELEASE_DAY_APPOINTMENTS')).toBe(true);
  });

  it('recalls through the API into a prison where her POM does not work, and asks for a POM', async () => {
    const pomStyalOnly = await createSignedInUser(api.dataSource, api.baseUrl, {
      role: Role.POM,
      prisonCodes: ['STI'],
    });
    const woman = await newWoman({ pomId: pomStyalOnly.id });
    ok(await prtStyal.api.post(`/women/${woman.id}/release`, {}));

    // Her COM records where she slept that night, against the release; a caseworker may not.
    const night = await com.api.post<{ housed: boolean; category: string }>(
      `/women/${woman.id}/accommodation-outcomes`,
      {
        checkpoint: 'NIGHT_OF_RELEASE',
        accommodationType: 'CAS3',
      },
    );
    expect(night.status).toBe(201);
    expect(night.body).toMatchObject({ housed: true, category: 'TRANSIENT' });
    const badType = await com.api.post<ErrorBody & { fields: { field: string }[] }>(
      `/women/${woman.id}/accommodation-outcomes`,
      { checkpoint: 'NIGHT_OF_RELEASE', accommodationType: 'CASTLE' },
    );
    expect(badType.status).toBe(400);
    expect(badType.body.fields.map((f) => f.field)).toEqual(['accommodationType']);
    expect(
      (
        await caseworker.api.post(`/women/${woman.id}/accommodation-outcomes`, {
          checkpoint: 'NIGHT_OF_RELEASE',
          accommodationType: 'SETTLED',
        })
      ).status,
    ).toBe(403);

    // Reception's evidence: her prison number, surname and date of birth, as the receiving prison has them.
    const evidence = { prisonNumber: woman.prisonNumber, lastName: woman.lastName, dateOfBirth: woman.dateOfBirth };
    expect((await prtStyal.api.post('/recalls', { ...evidence, prisonCode: 'BZI', movementReason: 'Y' })).status).toBe(
      403,
    );
    const badReason = await prtBronzefield.api.post<ErrorBody & { fields: { field: string }[] }>('/recalls', {
      ...evidence,
      prisonCode: 'BZI',
      movementReason: 'N',
    });
    expect(badReason.status).toBe(400);
    expect(badReason.body.fields.map((f) => f.field)).toEqual(['movementReason']);

    const backwards = await prtBronzefield.api.post<ErrorBody & { fields: { field: string }[] }>('/recalls', {
      ...evidence,
      prisonCode: 'BZI',
      movementReason: 'Y',
      confirmedReleaseDate: daysFromToday(-3),
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.fields.map((f) => f.field)).toEqual(['confirmedReleaseDate']);
    expect(ok(await com.api.get<WomanView>(`/women/${woman.id}`)).prisonCode).toBe('OUT');

    const recalled = ok(
      await prtBronzefield.api.post<WomanView>('/recalls', {
        ...evidence,
        prisonCode: 'BZI',
        movementReason: 'ETRLR',
        confirmedReleaseDate: daysFromToday(60),
      }),
    );
    expect(recalled).toMatchObject({ prisonCode: 'BZI', pomId: null, custodyStatus: 'RECALLED' });
    // The release she was recalled from is closed by the recall, and keeps the outcome recorded against it.
    const releases: { prison_code: string; released_on: string; recalled_on: string; types: string[] }[] =
      await api.dataSource.query(
        `SELECT r.prison_code, to_char(r.released_on, 'YYYY-MM-DD') AS released_on,
                to_char(r.recalled_on, 'YYYY-MM-DD') AS recalled_on,
                array(SELECT accommodation_type FROM accommodation_outcomes o WHERE o.release_id = r.id) AS types
         FROM releases r WHERE r.woman_id = $1`,
        [woman.id],
      );
    const day = londonDateOf(new Date());
    expect(releases).toEqual([{ prison_code: 'STI', released_on: day, recalled_on: day, types: ['CAS3'] }]);
    const allocate = (await tasksOf(prtBronzefield, woman.id)).find((t) => t.templateKey === 'ALLOCATE_POM');
    expect(allocate).toMatchObject({
      ownerRole: 'POM',
      status: 'TODO',
      dueDate: addWorkingDays(londonDateOf(new Date()), 2),
    });

    // A woman in custody cannot be recalled, by her evidence or by her id.
    expect(
      (await prtBronzefield.api.post('/recalls', { ...evidence, prisonCode: 'BZI', movementReason: 'Y' })).status,
    ).toBe(409);
    expect(
      (await prtBronzefield.api.post(`/women/${woman.id}/recall`, { prisonCode: 'BZI', movementReason: 'Y' })).status,
    ).toBe(409);
  });

  describe('recall outside the receiving prison’s scope, on reception’s evidence', () => {
    async function releasedFromStyal(): Promise<WomanView> {
      const woman = await newWoman({ lastName: `O’Neill-${uniqueSuffix()}`, dateOfBirth: '1988-02-29' });
      ok(await prtStyal.api.post(`/women/${woman.id}/release`, {}));
      return woman;
    }

    it('recalls her when prison number, surname and date of birth all match, and audits the basis and who confirmed it', async () => {
      const woman = await releasedFromStyal();
      const recalled = ok(
        await prtBronzefield.api.post<WomanView>('/recalls', {
          // As reception may type them: lower case, another apostrophe, spaces.
          prisonNumber: woman.prisonNumber.toLowerCase(),
          lastName: ` ${woman.lastName.replace('’', "'").toUpperCase()} `,
          dateOfBirth: '1988-02-29',
          prisonCode: 'BZI',
          movementReason: 'PD',
        }),
      );
      expect(recalled).toMatchObject({ id: woman.id, prisonCode: 'BZI', custodyStatus: 'RECALLED', recallCount: 1 });
      expect(await recallBasis(woman.id)).toEqual({
        kind: 'RECEPTION_EVIDENCE',
        confirmed: ['prisonNumber', 'lastName', 'dateOfBirth'],
        confirmedById: prtBronzefield.id,
      });
      const [entry]: { actor_id: string; movement_reason: string }[] = await api.dataSource.query(
        `SELECT actor_id, after->>'movementReason' AS movement_reason FROM audit_events
          WHERE woman_id = $1 AND action = 'RECALLED'`,
        [woman.id],
      );
      expect(entry).toEqual({ actor_id: prtBronzefield.id, movement_reason: 'PD' });
      expect(ok(await prtBronzefield.api.get<WomanView>(`/women/${woman.id}`)).prisonCode).toBe('BZI');
    });

    it('refuses a wrong date of birth with the same 404 as any mismatch, writes nothing to her, and audits the attempt', async () => {
      const woman = await releasedFromStyal();
      const evidence = {
        prisonNumber: woman.prisonNumber,
        lastName: woman.lastName,
        dateOfBirth: '1988-02-29',
        prisonCode: 'BZI',
        movementReason: 'Y',
      };
      const before = await footprint(woman.id);

      const wrongBirth = await prtBronzefield.api.post<ErrorBody>('/recalls', {
        ...evidence,
        dateOfBirth: '1988-03-01',
      });
      expect(wrongBirth.status).toBe(404);
      const wrongName = await prtBronzefield.api.post<ErrorBody>('/recalls', { ...evidence, lastName: 'Smith' });
      const nobody = await prtBronzefield.api.post<ErrorBody>('/recalls', { ...evidence, prisonNumber: 'Z9999ZZ' });
      // The same answer whichever part was wrong, and none of them named.
      for (const refused of [wrongName, nobody]) {
        expect([refused.status, refused.body.message]).toEqual([404, wrongBirth.body.message]);
      }
      expect(wrongBirth.body.message).toBe(
        'No released woman matches that prison number, surname and date of birth together',
      );

      const after = await footprint(woman.id);
      expect(after.woman).toEqual(before.woman);
      expect(after.outbox).toBe(before.outbox);
      // Her two refusals are in her audit trail, naming the parts that failed; the unknown number's is nobody's.
      expect(after.audit).toBe(before.audit + 2);
      const attempts: { woman_id: string | null; entity_id: string; actor_id: string; mismatched: string[] }[] =
        await api.dataSource.query(
          `SELECT woman_id, entity_id, actor_id, after->'mismatched' AS mismatched FROM audit_events
            WHERE entity_type = 'RECALL' AND action = 'REFUSED' AND actor_id = $1 AND entity_id = ANY($2)
            ORDER BY id`,
          [prtBronzefield.id, [woman.prisonNumber, 'Z9999ZZ']],
        );
      expect(attempts).toEqual([
        { woman_id: woman.id, entity_id: woman.prisonNumber, actor_id: prtBronzefield.id, mismatched: ['dateOfBirth'] },
        { woman_id: woman.id, entity_id: woman.prisonNumber, actor_id: prtBronzefield.id, mismatched: ['lastName'] },
        { woman_id: null, entity_id: 'Z9999ZZ', actor_id: prtBronzefield.id, mismatched: ['prisonNumber'] },
      ]);
    });

    it('refuses a recall by bare id of a released woman outside the user’s scope, as a read would, writing nothing', async () => {
      const woman = await releasedFromStyal();
      const before = await footprint(woman.id);
      const byId = await prtBronzefield.api.post<WomanView & ErrorBody>(`/women/${woman.id}/recall`, {
        prisonCode: 'BZI',
        movementReason: 'Y',
      });
      expect(byId.status).toBe(404);
      expect(byId.body).not.toHaveProperty('sensitiveFlags');
      expect(byId.body).not.toHaveProperty('prisonNumber');
      // The same answer as for an id that does not exist.
      const unknown = await prtBronzefield.api.post<ErrorBody>(`/women/${randomUUID()}/recall`, {
        prisonCode: 'BZI',
        movementReason: 'Y',
      });
      expect([unknown.status, unknown.body.message]).toEqual([404, byId.body.message]);
      expect(await footprint(woman.id)).toEqual(before);
    });
  });

  it('moves a transferred woman from one prison’s live board to the other’s, on different gateways', async () => {
    const woman = await newWoman();
    const styalBoard = await BoardClient.connect(gatewayA.url, prtStyal.token);
    const bronzefieldBoard = await BoardClient.connect(gatewayB.url, prtBronzefield.token);
    clients.push(styalBoard, bronzefieldBoard);
    expect((await styalBoard.subscribe(['prison:STI'])).refused).toEqual([]);
    expect((await bronzefieldBoard.subscribe(['prison:BZI'])).refused).toEqual([]);

    ok(await prtStyal.api.post(`/women/${woman.id}/transfer`, { prisonCode: 'BZI' }));

    const transferred = (client: BoardClient) =>
      client.events.find((e) => e.type === 'woman.transferred' && e.womanId === woman.id);
    expect(await eventually(() => !!transferred(styalBoard) && !!transferred(bronzefieldBoard), 30_000)).toBe(true);
    expect(transferred(styalBoard)).toMatchObject({ prisonCode: 'BZI', previousPrisonCode: 'STI' });
    expect(transferred(bronzefieldBoard)).toMatchObject({ prisonCode: 'BZI', previousPrisonCode: 'STI' });

    const styalList = ok(await prtStyal.api.get<{ items: WomanView[] }>('/women?prison=STI&limit=500'));
    expect(styalList.items.map((w) => w.id)).not.toContain(woman.id);
    const bronzefieldList = ok(await prtBronzefield.api.get<{ items: WomanView[] }>('/women?prison=BZI&limit=500'));
    expect(bronzefieldList.items.map((w) => w.id)).toContain(woman.id);
  });
});
