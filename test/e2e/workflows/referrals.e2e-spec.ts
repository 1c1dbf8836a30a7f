/**
 * CRS referrals end to end against real PostgreSQL and Redis: the whole path from draft to end-of-service
 * report, illegal steps, who may send, scope between providers, racing caseworkers, returns and withdrawals.
 */
import { Role, addWorkingDays, londonDateOf, TaskStatus, ReferralStatus } from '@app/domain';
import type { Page, ReferralDetailView, ReferralView, TaskView, WomanDetailView } from '@app/contracts';
import { ApiResponse, ErrorBody, messageOf } from '../../setup/api-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  TestProvider,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  createWoman,
  recordNeeds,
} from '../../factories';

const ACCOMMODATION = {
  pathway: 'ACCOMMODATION',
  complexity: 'HIGH',
  desiredOutcomes: ['A settled address before release', 'Rent arrears plan'],
};
const RISK = { roshLevel: 'MEDIUM', riskSummary: 'Risk of violence to a former partner when drinking' };

describe('CRS referrals', () => {
  let api: TestApi;
  let provider: TestProvider;
  let otherProvider: TestProvider;
  let areaCode: string;
  let com: SignedInUser;
  let prt: SignedInUser;
  let caseworker: SignedInUser;
  let colleague: SignedInUser;
  let outsider: SignedInUser;
  let governor: SignedInUser;

  beforeAll(async () => {
    api = await startTestApi();
    provider = await createProvider(api.dataSource);
    otherProvider = await createProvider(api.dataSource);
    areaCode = (await createReleaseArea(api.dataSource, provider.id)).code;
    await createReleaseArea(api.dataSource, otherProvider.id);
    const make = (role: Role, extra: { prisonCodes?: string[]; providerId?: string } = {}) =>
      createSignedInUser(api.dataSource, api.baseUrl, { role, ...extra });
    [com, prt, caseworker, colleague, outsider, governor] = await Promise.all([
      make(Role.COM),
      make(Role.PRE_RELEASE_TEAM, { prisonCodes: ['STI'] }),
      make(Role.CRS_CASEWORKER, { providerId: provider.id }),
      make(Role.CRS_CASEWORKER, { providerId: provider.id }),
      make(Role.CRS_CASEWORKER, { providerId: otherProvider.id }),
      make(Role.GOVERNOR, { prisonCodes: ['STI'] }),
    ]);
  });

  afterAll(async () => {
    await api?.close();
  });

  async function newWoman(): Promise<string> {
    const woman = await createWoman(api.baseUrl, prt.token, { releaseAreaCode: areaCode, comId: com.id });
    return woman.id;
  }

  async function draft(womanId: string, body: Record<string, unknown> = {}): Promise<ReferralDetailView> {
    const response = await com.api.post<ReferralDetailView>(`/women/${womanId}/referrals`, {
      pathways: [ACCOMMODATION],
      riskInformation: RISK,
      ...body,
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function sent(womanId?: string): Promise<ReferralDetailView> {
    const referral = await draft(womanId ?? (await newWoman()));
    return ok(await com.api.post<ReferralDetailView>(`/referrals/${referral.id}/send`, {}));
  }

  function ok<T>(response: ApiResponse<T | ErrorBody>): T {
    if (response.status !== 200) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body as T;
  }

  async function tasksOf(womanId: string): Promise<TaskView[]> {
    return ok(await com.api.get<WomanDetailView>(`/women/${womanId}`)).tasks;
  }

  async function statusLogRows(referralId: string): Promise<number> {
    const rows: { n: string }[] = await api.dataSource.query(
      'SELECT count(*) AS n FROM referral_status_changes WHERE referral_id = $1',
      [referralId],
    );
    return Number(rows[0].n);
  }

  it('takes a referral from the COM’s task through to the end-of-service report, each stage a task', async () => {
    const womanId = await newWoman();
    const { tasksCreated } = await recordNeeds(prt.api, womanId, ['ACCOMMODATION']);
    const referTask = tasksCreated.find((t) => t.templateKey === 'CRS_ACCOMMODATION_REFERRAL');
    expect(referTask?.ownerRole).toBe('COM');

    const referral = await draft(womanId, { riskInformation: undefined });
    expect(referral.status).toBe('DRAFT');
    expect(referral.reference).toMatch(/^[A-HJ-NP-Z]{2}[0-9]{4}TST$/);
    expect(referral.needIdentifiedAt).not.toBeNull();

    // Providers cannot see OASys: without risk information the referral cannot go, and nothing changes.
    const refused = await com.api.post<ErrorBody & { fields: { field: string }[] }>(
      `/referrals/${referral.id}/send`,
      {},
    );
    expect(refused.status).toBe(400);
    expect(refused.body.fields.map((f) => f.field)).toEqual([
      'riskInformation.roshLevel',
      'riskInformation.riskSummary',
    ]);
    expect(ok(await com.api.get<ReferralDetailView>(`/referrals/${referral.id}`)).status).toBe('DRAFT');

    ok(await com.api.patch(`/referrals/${referral.id}`, { riskInformation: RISK, version: referral.version }));
    const sentOne = ok(await com.api.post<ReferralDetailView>(`/referrals/${referral.id}/send`, {}));
    expect(sentOne).toMatchObject({ status: 'SENT', referrerId: com.id, referrerRole: 'COM' });
    let tasks = await tasksOf(womanId);
    expect(tasks.find((t) => t.id === referTask?.id)?.status).toBe('DONE');
    const firstContact = tasks.find((t) => t.templateKey === 'REFERRAL_FIRST_CONTACT');
    expect(firstContact).toMatchObject({ ownerRole: 'CRS_CASEWORKER', status: 'TODO' });
    expect(firstContact?.dueAt).toBe(sentOne.stageDueAt);

    // The provider's queue shows it; its caseworker takes it, and the first-contact task is hers.
    const queue = ok(await caseworker.api.get<Page<ReferralView>>('/referrals?status=SENT'));
    expect(queue.items.map((r) => r.id)).toContain(referral.id);
    const taken = ok(await caseworker.api.post<ReferralDetailView>(`/referrals/${referral.id}/claim`, {}));
    expect(taken).toMatchObject({ status: 'ASSIGNED', caseworkerId: caseworker.id });
    tasks = await tasksOf(womanId);
    expect(tasks.find((t) => t.id === firstContact?.id)?.assigneeId).toBe(caseworker.id);

    ok(
      await caseworker.api.post(`/referrals/${referral.id}/book-assessment`, { assessmentAt: '2030-01-07T10:00:00Z' }),
    );
    tasks = await tasksOf(womanId);
    expect(tasks.find((t) => t.id === firstContact?.id)?.status).toBe('DONE');
    expect(tasks.find((t) => t.templateKey === 'REFERRAL_ACTION_PLAN')?.status).toBe('TODO');

    ok(
      await caseworker.api.post(`/referrals/${referral.id}/action-plan`, {
        actionPlan: 'Weekly sessions; housing applications to two councils; arrears plan with the landlord.',
      }),
    );
    const approval = (await tasksOf(womanId)).find((t) => t.templateKey === 'REFERRAL_APPROVAL');
    expect(approval).toMatchObject({ ownerRole: 'COM', status: 'TODO' });

    // Only the COM approves the plan.
    expect((await caseworker.api.post(`/referrals/${referral.id}/approve-action-plan`, {})).status).toBe(403);
    ok(await com.api.post(`/referrals/${referral.id}/approve-action-plan`, {}));
    ok(await caseworker.api.post(`/referrals/${referral.id}/start-delivery`, {}));

    const incomplete = await caseworker.api.post<ErrorBody>(`/referrals/${referral.id}/end`, {
      summary: 'Housed in a council flat; arrears plan agreed.',
      outcomes: [{ pathway: 'ACCOMMODATION', desiredOutcome: 'A settled address before release', outcome: 'ACHIEVED' }],
    });
    expect(incomplete.status).toBe(400);
    expect(messageOf(incomplete.body)).toContain('Rent arrears plan');

    const ended = ok(
      await caseworker.api.post<ReferralDetailView>(`/referrals/${referral.id}/end`, {
        summary: 'Housed in a council flat; arrears plan agreed.',
        outcomes: [
          { pathway: 'ACCOMMODATION', desiredOutcome: 'A settled address before release', outcome: 'ACHIEVED' },
          { pathway: 'ACCOMMODATION', desiredOutcome: 'Rent arrears plan', outcome: 'PARTIALLY_ACHIEVED' },
        ],
      }),
    );
    expect(ended.status).toBe('ENDED');
    expect(ended.statusLog.map((s) => s.toStatus)).toEqual([
      'DRAFT',
      'SENT',
      'ASSIGNED',
      'ASSESSMENT_BOOKED',
      'ACTION_PLAN_SUBMITTED',
      'ACTION_PLAN_APPROVED',
      'IN_DELIVERY',
      'ENDED',
    ]);
    expect(
      (await tasksOf(womanId)).filter((t) => t.templateKey.startsWith('REFERRAL_') && t.status === TaskStatus.TODO),
    ).toEqual([]);

    const trail = ok(await com.api.get<WomanDetailView>(`/women/${womanId}`)).auditTrail.filter(
      (e) => e.entityType === 'REFERRAL' && e.entityId === referral.id,
    );
    expect(trail.map((e) => [e.action, e.actorId])).toEqual([
      ['CREATED', com.id],
      ['UPDATED', com.id],
      ['SEND', com.id],
      ['ASSIGN', caseworker.id],
      ['BOOK_ASSESSMENT', caseworker.id],
      ['SUBMIT_ACTION_PLAN', caseworker.id],
      ['APPROVE_ACTION_PLAN', com.id],
      ['START_DELIVERY', caseworker.id],
      ['END', caseworker.id],
    ]);
  });

  it('gives the COM two working days from the need to refer, and escalates to her manager the moment she is late', async () => {
    const womanId = await newWoman();
    const identifiedAt = new Date();
    const { tasksCreated } = await recordNeeds(prt.api, womanId, ['ACCOMMODATION'], identifiedAt);
    const referTask = tasksCreated.find((t) => t.templateKey === 'CRS_ACCOMMODATION_REFERRAL');
    expect(referTask?.dueDate).toBe(addWorkingDays(londonDateOf(identifiedAt), 2));
    const rows: { due_at: Date; escalation_ats: Date[] }[] = await api.dataSource.query(
      'SELECT due_at, escalation_ats FROM tasks WHERE id = $1',
      [referTask?.id],
    );
    expect(rows[0].escalation_ats.map((d) => d.getTime())).toEqual([rows[0].due_at.getTime()]);
  });

  it('answers an illegal step with 409 naming what is allowed, and changes nothing', async () => {
    const referral = await draft(await newWoman());
    const logBefore = await statusLogRows(referral.id);

    const approve = await com.api.post<ErrorBody>(`/referrals/${referral.id}/approve-action-plan`, {});
    expect(approve.status).toBe(409);
    expect(messageOf(approve.body)).toBe(
      'A referral that is DRAFT cannot APPROVE_ACTION_PLAN; from DRAFT it can: SEND, WITHDRAW',
    );

    const after = ok(await com.api.get<ReferralDetailView>(`/referrals/${referral.id}`));
    expect([after.status, after.version]).toEqual(['DRAFT', referral.version]);
    expect(await statusLogRows(referral.id)).toBe(logBefore);

    const sentOne = await sent();
    const end = await caseworker.api.post(`/referrals/${sentOne.id}/end`, {
      summary: 'Nothing was done at all',
      outcomes: [{ pathway: 'ACCOMMODATION', desiredOutcome: 'A settled address before release', outcome: 'ACHIEVED' }],
    });
    // Only the caseworker holding a referral may end it; nobody holds this one yet.
    expect(end.status).toBe(403);
    const claimed = ok(await caseworker.api.post<ReferralDetailView>(`/referrals/${sentOne.id}/claim`, {}));
    const early = await caseworker.api.post<ErrorBody>(`/referrals/${claimed.id}/start-delivery`, {});
    expect(early.status).toBe(409);
    expect(ok(await com.api.get<ReferralDetailView>(`/referrals/${claimed.id}`)).status).toBe('ASSIGNED');
  });

  it('lets the pre-release team send only where the provider takes direct referrals', async () => {
    const womanId = await newWoman();
    const byPrt = await prt.api.post<ReferralDetailView>(`/women/${womanId}/referrals`, {
      pathways: [ACCOMMODATION],
      riskInformation: RISK,
    });
    expect(byPrt.status).toBe(201);

    const refused = await prt.api.post<ErrorBody>(`/referrals/${byPrt.body.id}/send`, {});
    expect(refused.status).toBe(403);
    expect(messageOf(refused.body)).toContain('only from the community offender manager');
    expect(byPrt.body.allowedActions).toEqual([]);

    await api.dataSource.query('UPDATE providers SET allows_direct_referral = true WHERE id = $1', [provider.id]);
    try {
      const direct = ok(await prt.api.post<ReferralDetailView>(`/referrals/${byPrt.body.id}/send`, {}));
      expect(direct).toMatchObject({ status: 'SENT', referrerRole: 'PRE_RELEASE_TEAM' });
    } finally {
      await api.dataSource.query('UPDATE providers SET allows_direct_referral = false WHERE id = $1', [provider.id]);
    }
  });

  it('never shows a provider another provider’s referrals, nor anyone’s drafts', async () => {
    const draftOne = await draft(await newWoman());
    const sentOne = await sent();

    const outsiders = ok(await outsider.api.get<Page<ReferralView>>('/referrals'));
    expect(outsiders.items.map((r) => r.id)).not.toContain(sentOne.id);
    expect((await outsider.api.get(`/referrals/${sentOne.id}`)).status).toBe(404);
    expect((await outsider.api.post(`/referrals/${sentOne.id}/claim`, {})).status).toBe(404);

    const own = ok(await caseworker.api.get<Page<ReferralView>>('/referrals'));
    expect(own.items.map((r) => r.id)).toContain(sentOne.id);
    expect(own.items.map((r) => r.id)).not.toContain(draftOne.id);
    expect(own.items.every((r) => r.providerId === provider.id && r.status !== ReferralStatus.DRAFT)).toBe(true);
    expect((await caseworker.api.get(`/referrals/${draftOne.id}`)).status).toBe(404);
  });

  it('shows governors a sent referral without its risk detail or special category pathways, and no drafts', async () => {
    const womanId = await newWoman();
    const send = async (r: ReferralDetailView) =>
      ok(await com.api.post<ReferralDetailView>(`/referrals/${r.id}/send`, { version: r.version }));
    const referral = await draft(womanId, {
      pathways: [ACCOMMODATION, { pathway: 'DOMESTIC_ABUSE', complexity: 'HIGH', desiredOutcomes: ['Safety plan'] }],
    });
    expect((await governor.api.get(`/referrals/${referral.id}`)).status).toBe(404);
    await send(referral);
    const seen = ok(await governor.api.get<ReferralDetailView>(`/referrals/${referral.id}`));
    expect(seen.pathways.map((p) => p.pathway)).toEqual(['ACCOMMODATION']);
    expect(seen).not.toHaveProperty('riskInformation');

    const onlySensitive = await draft(womanId, {
      pathways: [{ pathway: 'SEX_WORK', complexity: 'MEDIUM', desiredOutcomes: ['Specialist support'] }],
    });
    await send(onlySensitive);
    expect((await governor.api.get(`/referrals/${onlySensitive.id}`)).status).toBe(404);
  });

  it('gives one of two racing caseworkers the referral and tells the other who won', async () => {
    const referral = await sent();
    const [a, b] = await Promise.all([
      caseworker.api.post<ReferralDetailView>(`/referrals/${referral.id}/claim`, {}),
      colleague.api.post<ReferralDetailView>(`/referrals/${referral.id}/claim`, {}),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [caseworker, b] : [colleague, a];
    const lost = loser.body as unknown as ErrorBody & { heldBy: { id: string; displayName: string } };
    expect(lost.heldBy).toEqual({ id: winner.id, displayName: winner.displayName });
    expect(ok(await com.api.get<ReferralDetailView>(`/referrals/${referral.id}`)).caseworkerId).toBe(winner.id);
  });

  it('sends a returned referral back to the COM to fix, and lets her resend it', async () => {
    const referral = await sent();
    const noReason = await caseworker.api.post<ErrorBody & { fields: { field: string }[] }>(
      `/referrals/${referral.id}/return`,
      {},
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields.map((f) => f.field)).toEqual(['reasonCode']);

    const returned = ok(
      await caseworker.api.post<ReferralDetailView>(`/referrals/${referral.id}/return`, {
        reasonCode: 'RISK_INFORMATION',
        reason: 'No detail of the exclusion zone around her former address',
      }),
    );
    expect(returned).toMatchObject({
      status: 'RETURNED',
      timesReturned: 1,
      caseworkerId: null,
      returnedReasonCode: 'RISK_INFORMATION',
    });
    const resubmit = (await tasksOf(returned.womanId)).find((t) => t.templateKey === 'REFERRAL_RESUBMISSION');
    expect(resubmit).toMatchObject({ ownerRole: 'COM', status: 'TODO' });
    expect((await tasksOf(returned.womanId)).find((t) => t.templateKey === 'REFERRAL_FIRST_CONTACT')?.status).toBe(
      'NOT_NEEDED',
    );

    ok(
      await com.api.patch(`/referrals/${referral.id}`, {
        riskInformation: { exclusionsAndRestrictions: 'Not to enter Moss Side' },
        version: returned.version,
      }),
    );
    const resent = ok(await com.api.post<ReferralDetailView>(`/referrals/${referral.id}/send`, {}));
    expect(resent.status).toBe('SENT');
    expect(resent.riskInformation).toMatchObject({ ...RISK, exclusionsAndRestrictions: 'Not to enter Moss Side' });
    expect(resent.firstSentAt).toBe(referral.firstSentAt);
    expect((await tasksOf(resent.womanId)).find((t) => t.templateKey === 'REFERRAL_RESUBMISSION')?.status).toBe('DONE');
  });

  it('withdraws a referral with a reason and stands its waiting stage down', async () => {
    const referral = await sent();
    const withdrawn = ok(
      await com.api.post<ReferralDetailView>(`/referrals/${referral.id}/withdraw`, {
        reasonCode: 'MOV',
        reason: 'She has moved area',
      }),
    );
    expect(withdrawn).toMatchObject({
      status: 'WITHDRAWN',
      withdrawalReasonCode: 'MOV',
      withdrawnReason: 'She has moved area',
      allowedActions: [],
    });
    expect(withdrawn.statusLog.at(-1)).toMatchObject({ toStatus: 'WITHDRAWN', reasonCode: 'MOV' });
    const stage = (await tasksOf(referral.womanId)).find((t) => t.templateKey === 'REFERRAL_FIRST_CONTACT');
    expect(stage?.status).toBe('NOT_NEEDED');
    expect((await com.api.post(`/referrals/${referral.id}/send`, {})).status).toBe(409);
  });

  it('refuses a referral for a pathway the provider does not cover, naming the field', async () => {
    const response = await com.api.post<ErrorBody & { fields: { field: string }[] }>(
      `/women/${await newWoman()}/referrals`,
      { pathways: [{ pathway: 'HEALTH', complexity: 'LOW', desiredOutcomes: ['GP'] }] },
    );
    expect(response.status).toBe(400);
    expect(response.body.fields.map((f) => f.field)).toEqual(['pathways.0.pathway']);
  });
});
