/**
 * Coded withdrawal and return reasons, her needs and requirements, and a referral following her when she moves,
 * end to end against real PostgreSQL and Redis: a bad code is refused naming the field with nothing written; needs
 * are kept and shown only to those who may read the referral's detail; a transfer keeps the referral with its
 * reason in the referral's transfer record and the audit trail.
 */
import { Role } from '@app/domain';
import type { AuditView, ReferralDetailView, WomanDetailView, WomanView } from '@app/contracts';
import { ApiResponse, ErrorBody } from '../../setup/api-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  TestProvider,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  createWoman,
} from '../../factories';

const ACCOMMODATION = {
  pathway: 'ACCOMMODATION',
  complexity: 'MEDIUM',
  desiredOutcomes: ['A settled address before release'],
};
const RISK = { roshLevel: 'LOW', riskSummary: 'No known risk to others' };
const NEEDS = {
  accessibilityNeeds: 'Uses a wheelchair: ground-floor rooms only',
  needsInterpreter: true,
  interpreterLanguage: 'Polish',
  hasAdditionalResponsibilities: true,
  whenUnavailable: 'School runs, 8:30 to 9:15 and 15:00 to 15:30 on weekdays',
};

type Refusal = ErrorBody & { fields: { field: string }[] };

describe('coded reasons, needs and requirements, and referrals that follow her', () => {
  let api: TestApi;
  let provider: TestProvider;
  let areaCode: string;
  let otherAreaCode: string;
  let com: SignedInUser;
  let prt: SignedInUser;
  let caseworker: SignedInUser;
  let outsider: SignedInUser;
  let governor: SignedInUser;

  beforeAll(async () => {
    api = await startTestApi();
    provider = await createProvider(api.dataSource);
    const otherProvider = await createProvider(api.dataSource);
    areaCode = (await createReleaseArea(api.dataSource, provider.id)).code;
    otherAreaCode = (await createReleaseArea(api.dataSource, otherProvider.id)).code;
    const make = (role: Role, extra: { prisonCodes?: string[]; providerId?: string } = {}) =>
      createSignedInUser(api.dataSource, api.baseUrl, { role, ...extra });
    [com, prt, caseworker, outsider, governor] = await Promise.all([
      make(Role.COM),
      make(Role.PRE_RELEASE_TEAM, { prisonCodes: ['STI', 'BZI'] }),
      make(Role.CRS_CASEWORKER, { providerId: provider.id }),
      make(Role.CRS_CASEWORKER, { providerId: otherProvider.id }),
      make(Role.GOVERNOR, { prisonCodes: ['STI'] }),
    ]);
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

  async function newWoman(): Promise<WomanView> {
    return createWoman(api.baseUrl, prt.token, { releaseAreaCode: areaCode, comId: com.id });
  }

  async function sent(body: Record<string, unknown> = {}): Promise<ReferralDetailView> {
    const woman = await newWoman();
    const draft = ok(
      await com.api.post<ReferralDetailView>(`/women/${woman.id}/referrals`, {
        pathways: [ACCOMMODATION],
        riskInformation: RISK,
        ...body,
      }),
    );
    return ok(await com.api.post<ReferralDetailView>(`/referrals/${draft.id}/send`, {}));
  }

  async function trailOf(womanId: string, referralId: string): Promise<AuditView[]> {
    return ok(await com.api.get<WomanDetailView>(`/women/${womanId}`)).auditTrail.filter(
      (e) => e.entityType === 'REFERRAL' && e.entityId === referralId,
    );
  }

  async function written(referralId: string): Promise<{ log: number; audit: number; status: string }> {
    const [log, audit, row] = await Promise.all([
      api.dataSource.query('SELECT count(*)::int AS n FROM referral_status_changes WHERE referral_id = $1', [
        referralId,
      ]),
      api.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1`, [referralId]),
      api.dataSource.query('SELECT status FROM referrals WHERE id = $1', [referralId]),
    ]);
    return { log: log[0].n as number, audit: audit[0].n as number, status: row[0].status as string };
  }

  it('refuses an unknown withdrawal code with 400 naming reasonCode, and writes nothing', async () => {
    const referral = await sent();
    const before = await written(referral.id);
    for (const body of [
      { reasonCode: 'XYZ', reason: 'Moved away' },
      { reason: 'Moved away' },
      { reasonCode: 'RISK_INFORMATION' },
    ]) {
      const refused = await com.api.post<Refusal>(`/referrals/${referral.id}/withdraw`, body);
      expect(refused.status).toBe(400);
      expect(refused.body.fields.map((f) => f.field)).toEqual(['reasonCode']);
      expect(refused.body.message).toContain('INE');
    }
    // "Any other change of circumstance" says nothing by itself: the free text is required with it.
    const unexplained = await com.api.post<Refusal>(`/referrals/${referral.id}/withdraw`, { reasonCode: 'ANO' });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.fields.map((f) => f.field)).toEqual(['reason']);
    // A return takes the return codes, not the withdrawal codes.
    const wrongList = await caseworker.api.post<Refusal>(`/referrals/${referral.id}/return`, { reasonCode: 'MOV' });
    expect(wrongList.status).toBe(400);
    expect(wrongList.body.fields.map((f) => f.field)).toEqual(['reasonCode']);
    expect(await written(referral.id)).toEqual(before);
    expect(before.status).toBe('SENT');

    const withdrawn = ok(
      await com.api.post<ReferralDetailView>(`/referrals/${referral.id}/withdraw`, {
        reasonCode: 'ANO',
        reason: 'She asked for her support to come from the women’s centre she already knows',
      }),
    );
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', withdrawalReasonCode: 'ANO' });
    const trail = await trailOf(referral.womanId, referral.id);
    expect(trail.at(-1)).toMatchObject({ action: 'WITHDRAW', actorId: com.id, after: { reasonCode: 'ANO' } });
  });

  it('records a return’s code on the referral and its status log, and clears it when the COM resends', async () => {
    const referral = await sent();
    const returned = ok(
      await caseworker.api.post<ReferralDetailView>(`/referrals/${referral.id}/return`, {
        reasonCode: 'OUTCOMES_UNCLEAR',
      }),
    );
    expect(returned).toMatchObject({
      status: 'RETURNED',
      returnedReasonCode: 'OUTCOMES_UNCLEAR',
      returnedReason: null,
    });
    expect(returned.statusLog.at(-1)).toMatchObject({ toStatus: 'RETURNED', reasonCode: 'OUTCOMES_UNCLEAR' });
    const resent = ok(await com.api.post<ReferralDetailView>(`/referrals/${referral.id}/send`, {}));
    expect(resent.returnedReasonCode).toBeNull();
  });

  it('keeps her needs and requirements and shows them only to those who may read the referral’s detail', async () => {
    const referral = await sent({ needsAndRequirements: NEEDS });
    expect(referral.needsAndRequirements).toEqual(NEEDS);

    // Her provider's caseworker works with her, so she sees them; a governor sees the referral but not its detail
    // (accessibility needs can reveal her health); another provider does not see the referral at all.
    const asCaseworker = ok(await caseworker.api.get<ReferralDetailView>(`/referrals/${referral.id}`));
    expect(asCaseworker.needsAndRequirements).toMatchObject(NEEDS);
    const asGovernor = ok(await governor.api.get<ReferralDetailView>(`/referrals/${referral.id}`));
    expect(asGovernor.status).toBe('SENT');
    expect(asGovernor).not.toHaveProperty('needsAndRequirements');
    expect(JSON.stringify(asGovernor)).not.toContain('wheelchair');
    expect((await outsider.api.get(`/referrals/${referral.id}`)).status).toBe(404);

    // Returned and edited, the change is in the trail: the COM reads the needs there, the governor does not.
    const returned = ok(
      await caseworker.api.post<ReferralDetailView>(`/referrals/${referral.id}/return`, {
        reasonCode: 'DETAILS_MISSING',
      }),
    );
    ok(
      await com.api.patch(`/referrals/${referral.id}`, {
        needsAndRequirements: { additionalNeedsInformation: 'Dyslexic: read letters to her' },
        version: returned.version,
      }),
    );
    const comTrail = await trailOf(referral.womanId, referral.id);
    expect(JSON.stringify(comTrail.at(-1))).toContain('Dyslexic');
    const governorView = ok(await governor.api.get<WomanDetailView>(`/women/${referral.womanId}`));
    const governorTrail = governorView.auditTrail.filter((e) => e.entityId === referral.id);
    expect(governorTrail.map((e) => e.action)).toContain('UPDATED');
    expect(JSON.stringify(governorView)).not.toContain('Dyslexic');
    expect(JSON.stringify(governorView)).not.toContain('wheelchair');
  });

  it('lets the referrer edit needs while the referral is hers to edit, asking for the detail a yes needs', async () => {
    const woman = await newWoman();
    const draft = ok(
      await com.api.post<ReferralDetailView>(`/women/${woman.id}/referrals`, {
        pathways: [ACCOMMODATION],
        riskInformation: RISK,
      }),
    );
    expect(draft.needsAndRequirements).toBeNull();
    const missingLanguage = await com.api.patch<Refusal>(`/referrals/${draft.id}`, {
      needsAndRequirements: { needsInterpreter: true },
      version: draft.version,
    });
    expect(missingLanguage.status).toBe(400);
    expect(missingLanguage.body.fields.map((f) => f.field)).toEqual(['needsAndRequirements.interpreterLanguage']);
    const badType = await com.api.patch<Refusal>(`/referrals/${draft.id}`, {
      needsAndRequirements: { needsInterpreter: 'yes' },
      version: draft.version,
    });
    expect(badType.status).toBe(400);
    expect(badType.body.fields.map((f) => f.field)).toEqual(['needsAndRequirements.needsInterpreter']);

    const edited = ok(
      await com.api.patch<ReferralDetailView>(`/referrals/${draft.id}`, {
        needsAndRequirements: { needsInterpreter: true, interpreterLanguage: 'Romanian' },
        version: draft.version,
      }),
    );
    expect(edited.needsAndRequirements).toEqual({ needsInterpreter: true, interpreterLanguage: 'Romanian' });
    expect(edited.version).toBe(draft.version + 1);
    const trail = await trailOf(woman.id, draft.id);
    expect(trail.at(-1)).toMatchObject({
      action: 'UPDATED',
      actorId: com.id,
      after: { needsAndRequirements: { needsInterpreter: true, interpreterLanguage: 'Romanian' } },
    });
  });

  it('keeps her open referral when she is transferred, with the reason in its transfer record and audit trail', async () => {
    const referral = await sent();
    const woman = ok(await prt.api.get<WomanDetailView>(`/women/${referral.womanId}`));
    expect(woman.prisonCode).toBe('STI');
    ok(
      await prt.api.post(`/women/${referral.womanId}/transfer`, {
        prisonCode: 'BZI',
        reason: 'Closer to her children in Surrey',
      }),
    );
    const after = ok(await caseworker.api.get<ReferralDetailView>(`/referrals/${referral.id}`));
    expect(after).toMatchObject({ status: 'SENT', prisonCode: 'BZI', providerId: provider.id });
    expect(after.transfers).toEqual([
      expect.objectContaining({
        kind: 'PRISON',
        fromCode: 'STI',
        toCode: 'BZI',
        reason: 'She was transferred from STI to BZI: Closer to her children in Surrey',
        actorId: prt.id,
      }),
    ]);
    const trail = await trailOf(referral.womanId, referral.id);
    expect(trail.at(-1)).toMatchObject({
      action: 'TRANSFERRED',
      actorId: prt.id,
      before: { prisonCode: 'STI' },
      after: { prisonCode: 'BZI', reason: 'She was transferred from STI to BZI: Closer to her children in Surrey' },
    });
  });

  it('keeps her open referrals with their provider when her release area changes, saying so', async () => {
    const open = await sent();
    const closed = ok(
      await com.api.post<ReferralDetailView>(`/women/${open.womanId}/referrals`, {
        pathways: [{ ...ACCOMMODATION, pathway: 'FINANCE_AND_ID' }],
        riskInformation: RISK,
      }),
    );
    ok(await com.api.post(`/referrals/${closed.id}/withdraw`, { reasonCode: 'MIS' }));
    const woman = ok(await prt.api.get<WomanDetailView>(`/women/${open.womanId}`));
    ok(await prt.api.patch(`/women/${open.womanId}`, { releaseAreaCode: otherAreaCode, version: woman.version }));

    const followed = ok(await caseworker.api.get<ReferralDetailView>(`/referrals/${open.id}`));
    expect(followed.providerId).toBe(provider.id);
    expect(followed.transfers).toEqual([
      expect.objectContaining({ kind: 'RELEASE_AREA', fromCode: areaCode, toCode: otherAreaCode, actorId: prt.id }),
    ]);
    // A withdrawn referral is closed: nothing follows her.
    expect(ok(await com.api.get<ReferralDetailView>(`/referrals/${closed.id}`)).transfers).toEqual([]);
  });
});
