/**
 * Issue 13 points 2 and 12 through the API: her release date follows HMPPS's precedence (ministryofjustice/
 * prison-api OffenderBooking.deriveOffenderReleaseDate and NonDtoReleaseDate: confirmed, APD, HDCAD, then the
 * latest of ARD/CRD/NPD/PRRD, an override beating its calculated date), a recalled woman's is her PRRD, the
 * record says which date was used and why, impossible expiry dates are refused naming the field, and an HMPPS
 * RELEASED_TO_HOSPITAL movement (Mental Health Act 1983 s.47/s.48) is applied, not ignored.
 */
import {
  computeDeadline,
  DeadlineAnchor,
  effectiveReleaseDate,
  londonDateOf,
  OffsetUnit,
  Role,
  TaskStatus,
} from '@app/domain';
import type { WomanDetailView, WomanView } from '@app/contracts';
import { ApiClient, ApiResponse, ErrorBody } from '../../setup/api-client';
import { hmppsEventsToken, readRunSettings } from '../../setup/run-settings';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  CatalogueEntry,
  SignedInUser,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  createWoman,
  daysFromToday,
  getCatalogue,
  recordNeeds,
  uniqueSuffix,
} from '../../factories';

interface Receipt {
  eventId: string;
  outcome: string;
  detail: string;
  duplicate: boolean;
}

type Problem = ErrorBody & { fields: { field: string }[] };

describe('release date precedence, recall PRRDs and transfers to hospital', () => {
  let api: TestApi;
  let hmpps: ApiClient;
  let areaCode: string;
  let prtStyal: SignedInUser;
  let prtBronzefield: SignedInUser;
  let com: SignedInUser;
  let catalogue: CatalogueEntry[];

  beforeAll(async () => {
    api = await startTestApi();
    hmpps = new ApiClient(api.baseUrl, hmppsEventsToken(readRunSettings()));
    const provider = await createProvider(api.dataSource);
    areaCode = (await createReleaseArea(api.dataSource, provider.id)).code;
    const make = (role: Role, extra: { prisonCodes?: string[] } = {}) =>
      createSignedInUser(api.dataSource, api.baseUrl, { role, ...extra });
    [prtStyal, prtBronzefield, com] = await Promise.all([
      make(Role.PRE_RELEASE_TEAM, { prisonCodes: ['STI'] }),
      make(Role.PRE_RELEASE_TEAM, { prisonCodes: ['BZI'] }),
      make(Role.COM),
    ]);
    catalogue = await getCatalogue(prtStyal.api);
  });

  afterAll(async () => {
    await api?.close();
  });

  function ok<T>(response: ApiResponse<T | ErrorBody>): T {
    if (response.status !== 200 && response.status !== 201) {
      throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body as T;
  }

  function newWoman(overrides: Record<string, unknown> = {}): Promise<WomanView> {
    return createWoman(api.baseUrl, prtStyal.token, { releaseAreaCode: areaCode, comId: com.id, ...overrides });
  }

  function event(type: 'received' | 'released', prisonNumber: string, info: Record<string, string>) {
    return {
      eventId: `evt-${uniqueSuffix()}`,
      eventType: `prison-offender-events.prisoner.${type}`,
      occurredAt: new Date().toISOString(),
      additionalInformation: { nomsNumber: prisonNumber, ...info },
    };
  }

  /** The stored release date is the one the shared rule makes of what the view shows. */
  function expectReleaseDateFollowsTheRule(woman: WomanView): void {
    expect(woman.releaseDate).toBe(effectiveReleaseDate(woman)?.date ?? null);
  }

  /** Each open task anchored on her release date is due where the catalogue's rule puts it from that date. */
  function expectReleaseAnchoredTasksDatedFrom(detail: WomanDetailView, releaseDate: string): number {
    let checked = 0;
    for (const task of detail.tasks.filter((t) => t.status === TaskStatus.TODO)) {
      const entry = catalogue.find((e) => e.key === task.templateKey.replace(/_ALTERNATIVE$/, ''));
      if (!entry || entry.deadlineAnchor !== (DeadlineAnchor.RELEASE as string)) continue;
      const deadline = computeDeadline(
        {
          anchor: DeadlineAnchor.RELEASE,
          offset: entry.deadlineOffset,
          unit: entry.deadlineUnit as OffsetUnit,
        },
        entry.atRiskLeadWorkingDays,
        { releaseDate, receptionDate: detail.receptionDate, needIdentifiedAt: new Date() },
      );
      expect([task.templateKey, task.dueDate]).toEqual([task.templateKey, deadline?.dueDate]);
      checked++;
    }
    return checked;
  }

  describe('create and update with each date', () => {
    it('stores NPD, PRRD, SED, LED, SLED, TUSED and the overrides, and shows them back', async () => {
      const dates = {
        conditionalReleaseDate: daysFromToday(150),
        conditionalReleaseOverrideDate: daysFromToday(148),
        automaticReleaseOverrideDate: null,
        nonParoleDate: daysFromToday(120),
        nonParoleOverrideDate: daysFromToday(121),
        sentenceExpiryDate: daysFromToday(400),
        sentenceExpiryOverrideDate: daysFromToday(401),
        licenceExpiryDate: daysFromToday(400),
        licenceExpiryOverrideDate: daysFromToday(401),
        topupSupervisionExpiryDate: daysFromToday(766),
      };
      const woman = await newWoman(dates);
      expect(woman).toMatchObject(dates);
      // The CRD override (148 days) is later than the NPD override (121): the CRD override is her date.
      expect(woman.releaseDateSource).toBe('CRD');
      expect(effectiveReleaseDate(woman)?.scheduledDate).toBe(dates.conditionalReleaseOverrideDate);
      expect(woman.releaseDateReason).toBe(
        "Conditional release date (CRD, override set by the prison's calculation): the latest of her release dates, on or after her NPD (HMPPS takes the latest)",
      );
      expectReleaseDateFollowsTheRule(woman);

      const sled = ok(
        await prtStyal.api.patch<WomanView>(`/women/${woman.id}`, {
          sentenceExpiryDate: null,
          sentenceExpiryOverrideDate: null,
          licenceExpiryDate: null,
          licenceExpiryOverrideDate: null,
          sentenceAndLicenceExpiryDate: daysFromToday(402),
          postRecallReleaseDate: daysFromToday(160),
        }),
      );
      expect(sled).toMatchObject({
        sentenceAndLicenceExpiryDate: daysFromToday(402),
        postRecallReleaseDate: daysFromToday(160),
      });
      // Not recalled: the PRRD is one of her release dates and, being the latest, wins (as prison-api has it).
      expect(sled.releaseDateSource).toBe('PRRD');
      expectReleaseDateFollowsTheRule(sled);
    });

    it('lets an override beat its calculated date, and moves her tasks when it does', async () => {
      const woman = await newWoman({ conditionalReleaseDate: daysFromToday(150) });
      await recordNeeds(prtStyal.api, woman.id, ['ACCOMMODATION']);
      // An override earlier than the calculated CRD still wins: the prison's calculation set it.
      const override = daysFromToday(120);
      const patched = ok(
        await prtStyal.api.patch<WomanView>(`/women/${woman.id}`, { conditionalReleaseOverrideDate: override }),
      );
      expect(patched).toMatchObject({ releaseDateSource: 'CRD', conditionalReleaseDate: daysFromToday(150) });
      expect(effectiveReleaseDate(patched)?.scheduledDate).toBe(override);
      expect(patched.releaseDateReason).toBe(
        "Conditional release date (CRD, override set by the prison's calculation)",
      );
      expectReleaseDateFollowsTheRule(patched);
      const detail = ok(await prtStyal.api.get<WomanDetailView>(`/women/${woman.id}`));
      expect(expectReleaseAnchoredTasksDatedFrom(detail, patched.releaseDate as string)).toBeGreaterThan(0);

      // Taking the override away puts her back on the calculated CRD.
      const back = ok(
        await prtStyal.api.patch<WomanView>(`/women/${woman.id}`, { conditionalReleaseOverrideDate: null }),
      );
      expect(effectiveReleaseDate(back)?.scheduledDate).toBe(daysFromToday(150));
      expect(back.releaseDateReason).toBe('Conditional release date (CRD, as calculated)');
    });

    it('takes a later NPD over the CRD', async () => {
      const woman = await newWoman({ conditionalReleaseDate: daysFromToday(100), nonParoleDate: daysFromToday(130) });
      expect(woman.releaseDateSource).toBe('NPD');
      expect(effectiveReleaseDate(woman)?.scheduledDate).toBe(daysFromToday(130));
      expectReleaseDateFollowsTheRule(woman);
    });

    it('refuses dates no sentence can have with 400 naming the field, and writes nothing', async () => {
      const woman = await newWoman({ conditionalReleaseDate: daysFromToday(150) });
      const refusals: [Record<string, unknown>, string[]][] = [
        [{ licenceExpiryDate: daysFromToday(149) }, ['licenceExpiryDate']],
        [{ sentenceExpiryDate: daysFromToday(140) }, ['conditionalReleaseDate']],
        [
          { licenceExpiryDate: daysFromToday(300), topupSupervisionExpiryDate: daysFromToday(300) },
          ['topupSupervisionExpiryDate'],
        ],
        [
          { sentenceAndLicenceExpiryDate: daysFromToday(300), sentenceExpiryDate: daysFromToday(301) },
          ['sentenceAndLicenceExpiryDate'],
        ],
        [
          { conditionalReleaseOverrideDate: daysFromToday(500), sentenceExpiryDate: daysFromToday(400) },
          ['conditionalReleaseOverrideDate'],
        ],
        [{ postRecallReleaseOverrideDate: '2027-02-30' }, ['postRecallReleaseOverrideDate']],
        [{ nonParoleDate: daysFromToday(-300) }, ['nonParoleDate']],
      ];
      for (const [body, fields] of refusals) {
        const refused = await prtStyal.api.patch<Problem>(`/women/${woman.id}`, body);
        const named = [...new Set(refused.body.fields?.map((f) => f.field))];
        expect([body, refused.status, named]).toEqual([body, 400, fields]);
      }
      const created = await prtStyal.api.post<Problem>('/women', {
        prisonNumber: `Z${String(Date.now()).slice(-4)}ZZ`,
        firstName: 'Test',
        lastName: `Woman-${uniqueSuffix()}`,
        dateOfBirth: '1990-05-17',
        prisonCode: 'STI',
        custodyStatus: 'SENTENCED',
        sentenceStartDate: daysFromToday(-200),
        receptionDate: daysFromToday(-200),
        conditionalReleaseDate: daysFromToday(140),
        licenceExpiryDate: daysFromToday(100),
        releaseType: 'LICENCE',
        releaseAreaCode: areaCode,
        complexity: 'MEDIUM',
      });
      expect([created.status, created.body.fields?.map((f) => f.field)]).toEqual([400, ['licenceExpiryDate']]);
      const unchanged = ok(await prtStyal.api.get<WomanDetailView>(`/women/${woman.id}`));
      expect(unchanged).toMatchObject({ version: woman.version, licenceExpiryDate: null, sentenceExpiryDate: null });
    });
  });

  describe('recall', () => {
    async function releasedWoman(): Promise<WomanView> {
      const woman = await newWoman({ conditionalReleaseDate: daysFromToday(60) });
      await recordNeeds(prtStyal.api, woman.id, ['ACCOMMODATION']);
      ok(await prtStyal.api.post(`/women/${woman.id}/release`, {}));
      return woman;
    }

    it('takes a PRRD at recall, dates her tasks from it, and refuses a CRD typed in at recall', async () => {
      const woman = await releasedWoman();
      const evidence = { prisonNumber: woman.prisonNumber, lastName: woman.lastName, dateOfBirth: woman.dateOfBirth };
      const withCrd = await prtBronzefield.api.post<Problem>('/recalls', {
        ...evidence,
        prisonCode: 'BZI',
        movementReason: 'ETRLR',
        conditionalReleaseDate: daysFromToday(90),
      });
      expect([withCrd.status, withCrd.body.fields?.map((f) => f.field)]).toEqual([400, ['conditionalReleaseDate']]);

      const prrd = daysFromToday(150);
      const recalled = ok(
        await prtBronzefield.api.post<WomanView>('/recalls', {
          ...evidence,
          prisonCode: 'BZI',
          movementReason: 'ETRLR',
          postRecallReleaseDate: prrd,
        }),
      );
      expect(recalled).toMatchObject({
        custodyStatus: 'RECALLED',
        postRecallReleaseDate: prrd,
        conditionalReleaseDate: null,
        releaseDateSource: 'PRRD',
        releaseDateReason:
          'Post-recall release date (PRRD, as calculated): she was recalled, so only her post-recall release date counts',
      });
      expect(effectiveReleaseDate(recalled)?.scheduledDate).toBe(prrd);
      expectReleaseDateFollowsTheRule(recalled);
      const detail = ok(await prtBronzefield.api.get<WomanDetailView>(`/women/${woman.id}`));
      expect(expectReleaseAnchoredTasksDatedFrom(detail, recalled.releaseDate as string)).toBeGreaterThan(0);

      // The prison's calculation then overrides the PRRD: the override wins and her tasks move to it.
      const override = daysFromToday(130);
      const overridden = ok(
        await prtBronzefield.api.patch<WomanView>(`/women/${woman.id}`, { postRecallReleaseOverrideDate: override }),
      );
      expect(overridden.releaseDateReason).toBe(
        "Post-recall release date (PRRD, override set by the prison's calculation): she was recalled, so only her post-recall release date counts",
      );
      expect(effectiveReleaseDate(overridden)?.scheduledDate).toBe(override);
      const moved = ok(await prtBronzefield.api.get<WomanDetailView>(`/women/${woman.id}`));
      expect(expectReleaseAnchoredTasksDatedFrom(moved, overridden.releaseDate as string)).toBeGreaterThan(0);
    });

    it('says plainly that a recall from an HMPPS event has no release date until a PRRD is given', async () => {
      const woman = await releasedWoman();
      const receipt = ok(
        await hmpps.post<Receipt>(
          '/hmpps/domain-events',
          event('received', woman.prisonNumber, { reason: 'ADMISSION', prisonId: 'BZI', nomisMovementReasonCode: 'Y' }),
        ),
      );
      expect(receipt.outcome).toBe('APPLIED');
      const back = ok(await prtBronzefield.api.get<WomanDetailView>(`/women/${woman.id}`));
      expect(back).toMatchObject({ custodyStatus: 'RECALLED', releaseDate: null, releaseDateSource: null });
      expect(back.releaseDateReason).toMatch(/^Recalled: no post-recall release date \(PRRD\) yet, so no release date/);
      // Her old CRD is not taken up again by an update either: only a PRRD dates her.
      const crdOnly = ok(
        await prtBronzefield.api.patch<WomanView>(`/women/${woman.id}`, { conditionalReleaseDate: daysFromToday(90) }),
      );
      expect(crdOnly).toMatchObject({ releaseDate: null, releaseDateSource: null });
      expect(crdOnly.releaseDateReason).toMatch(/Her CRD belongs to the release she was recalled from\.$/);

      const prrd = daysFromToday(140);
      const dated = ok(
        await prtBronzefield.api.patch<WomanView>(`/women/${woman.id}`, { postRecallReleaseDate: prrd }),
      );
      expect(dated.releaseDateSource).toBe('PRRD');
      expect(effectiveReleaseDate(dated)?.scheduledDate).toBe(prrd);
      const detail = ok(await prtBronzefield.api.get<WomanDetailView>(`/women/${woman.id}`));
      expect(expectReleaseAnchoredTasksDatedFrom(detail, dated.releaseDate as string)).toBeGreaterThan(0);
    });
  });

  describe('RELEASED_TO_HOSPITAL', () => {
    it('puts her back on the prison board when she is admitted from hospital, and ignores an admission of anyone else', async () => {
      const woman = await newWoman({ conditionalReleaseDate: daysFromToday(120) });
      const admission = event('received', woman.prisonNumber, {
        reason: 'ADMISSION',
        prisonId: 'STI',
        nomisMovementReasonCode: 'N',
      });
      // In prison already: a non-recall admission is recorded and left alone.
      expect(ok(await hmpps.post<Receipt>('/hmpps/domain-events', admission)).outcome).toBe('IGNORED');

      ok(
        await hmpps.post<Receipt>(
          '/hmpps/domain-events',
          event('released', woman.prisonNumber, { reason: 'RELEASED_TO_HOSPITAL', prisonId: 'STI' }),
        ),
      );
      expect((await prtStyal.api.get(`/women/${woman.id}`)).status).toBe(404);
      const back = ok(
        await hmpps.post<Receipt>(
          '/hmpps/domain-events',
          event('received', woman.prisonNumber, { reason: 'ADMISSION', prisonId: 'STI', nomisMovementReasonCode: 'N' }),
        ),
      );
      expect(back).toMatchObject({ outcome: 'APPLIED', detail: 'Returned from a secure hospital to STI' });
      const returned = ok(await prtStyal.api.get<WomanDetailView>(`/women/${woman.id}`));
      expect(returned).toMatchObject({
        prisonCode: 'STI',
        transferredToHospitalOn: null,
        transferredToHospitalFromPrisonCode: null,
        releaseDate: woman.releaseDate,
      });
      expect(returned.auditTrail.map((a) => a.action)).toEqual(
        expect.arrayContaining(['TRANSFERRED_TO_HOSPITAL', 'RETURNED_FROM_HOSPITAL']),
      );
    });

    it('takes her off the prison board, closes the prison’s tasks, keeps her case and dates for the COM', async () => {
      const woman = await newWoman({ conditionalReleaseDate: daysFromToday(120) });
      await recordNeeds(prtStyal.api, woman.id, ['ACCOMMODATION']);
      const before = ok(await prtStyal.api.get<WomanDetailView>(`/women/${woman.id}`));
      const openComTasks = before.tasks.filter((t) => t.ownerRole === Role.COM && t.status === TaskStatus.TODO);
      const openPrisonTasks = before.tasks.filter(
        (t) => t.ownerRole === Role.PRE_RELEASE_TEAM && t.status === TaskStatus.TODO,
      );
      expect(openPrisonTasks.length).toBeGreaterThan(0);

      const receipt = ok(
        await hmpps.post<Receipt>(
          '/hmpps/domain-events',
          event('released', woman.prisonNumber, { reason: 'RELEASED_TO_HOSPITAL', prisonId: 'STI' }),
        ),
      );
      expect(receipt).toMatchObject({ outcome: 'APPLIED', detail: 'Transferred from STI to a secure hospital' });

      const today = londonDateOf(new Date());
      const after = ok(await com.api.get<WomanDetailView>(`/women/${woman.id}`));
      expect(after).toMatchObject({
        prisonCode: 'OUT',
        transferredToHospitalOn: today,
        transferredToHospitalFromPrisonCode: 'STI',
        releasedOn: null,
        releaseDate: woman.releaseDate,
        conditionalReleaseDate: woman.conditionalReleaseDate,
      });
      const statuses: { id: string; status: string }[] = await api.dataSource.query(
        'SELECT id, status FROM tasks WHERE woman_id = $1',
        [woman.id],
      );
      for (const task of openPrisonTasks) {
        expect(statuses.find((t) => t.id === task.id)?.status).toBe(TaskStatus.NOT_NEEDED);
      }
      for (const task of openComTasks) {
        expect(after.tasks.find((t) => t.id === task.id)).toMatchObject({
          status: TaskStatus.TODO,
          dueDate: task.dueDate,
        });
      }
      // The prison's board no longer has her; no release into the community is recorded.
      expect((await prtStyal.api.get(`/women/${woman.id}`)).status).toBe(404);
      const releases: unknown[] = await api.dataSource.query('SELECT id FROM releases WHERE woman_id = $1', [woman.id]);
      expect(releases).toEqual([]);
      const audit: { action: string; after: Record<string, unknown> }[] = await api.dataSource.query(
        `SELECT action, after FROM audit_events WHERE woman_id = $1 AND entity_type = 'WOMAN' ORDER BY at DESC, id DESC LIMIT 1`,
        [woman.id],
      );
      expect(audit[0]).toMatchObject({ action: 'TRANSFERRED_TO_HOSPITAL', after: { prisonCode: 'OUT' } });
      const closing: { reason: string }[] = await api.dataSource.query(
        `SELECT l.reason FROM task_status_changes l JOIN tasks t ON t.id = l.task_id
          WHERE t.woman_id = $1 AND l.to_status = 'NOT_NEEDED'`,
        [woman.id],
      );
      expect(closing.map((c) => c.reason)).toContain(
        `Transferred from STI to a secure hospital on ${today}: the prison's part of her plan ends`,
      );

      // The same movement again contradicts her record: recorded, not applied twice.
      const again = ok(
        await hmpps.post<Receipt>(
          '/hmpps/domain-events',
          event('released', woman.prisonNumber, { reason: 'RELEASED_TO_HOSPITAL', prisonId: 'STI' }),
        ),
      );
      expect(again.outcome).toBe('IGNORED');

      // Released from hospital into the community, she counts as released from the prison she left.
      const released = ok(
        await hmpps.post<Receipt>(
          '/hmpps/domain-events',
          event('released', woman.prisonNumber, { reason: 'RELEASED', prisonId: 'OUT' }),
        ),
      );
      expect(released.outcome).toBe('APPLIED');
      const out = ok(await com.api.get<WomanDetailView>(`/women/${woman.id}`));
      expect(out).toMatchObject({
        releasedOn: today,
        releasedFromPrisonCode: 'STI',
        transferredToHospitalOn: null,
        releaseDateReason: 'The day she was released: a fact, not a schedule',
      });
    });
  });
});
