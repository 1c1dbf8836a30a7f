/**
 * CRS delivery sessions end to end against real PostgreSQL, Redis, a worker and a gateway: booking after the
 * action plan is approved, attendance and feedback, a missed session's follow-up task and its deadline, a concern
 * reaching the COM's own room on a real socket, bad input refused naming the field with nothing written, the
 * audit rows, another provider refused, and the end-of-service report following the sessions.
 */
import { addWorkingDays, londonDateOf, Role } from '@app/domain';
import type {
  DeliverySessionsView,
  DeliverySessionView,
  ReferralDetailView,
  TaskView,
  WomanDetailView,
} from '@app/contracts';
import { ApiResponse, ErrorBody } from '../../setup/api-client';
import { AppProcess, startApp } from '../../setup/app-process';
import { BoardClient, eventually, waitForSentinel } from '../../setup/board-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  createWoman,
  daysFromToday,
} from '../../factories';

jest.setTimeout(180_000);

const ACCOMMODATION = {
  pathway: 'ACCOMMODATION',
  complexity: 'MEDIUM',
  desiredOutcomes: ['A settled address before release'],
};
const RISK = { roshLevel: 'LOW', riskSummary: 'No known risk to others' };
type Fields = ErrorBody & { fields: { field: string }[] };

describe('CRS delivery sessions', () => {
  let api: TestApi;
  let worker: AppProcess;
  let gateway: AppProcess;
  let areaCode: string;
  let com: SignedInUser;
  let prt: SignedInUser;
  let caseworker: SignedInUser;
  let colleague: SignedInUser;
  let outsider: SignedInUser;
  const clients: BoardClient[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    [gateway, worker] = await Promise.all([startApp('gateway'), startApp('worker')]);
    const provider = await createProvider(api.dataSource);
    const otherProvider = await createProvider(api.dataSource);
    areaCode = (await createReleaseArea(api.dataSource, provider.id)).code;
    await createReleaseArea(api.dataSource, otherProvider.id);
    const make = (role: Role, extra: { prisonCodes?: string[]; providerId?: string } = {}) =>
      createSignedInUser(api.dataSource, api.baseUrl, { role, ...extra });
    [com, prt, caseworker, colleague, outsider] = await Promise.all([
      make(Role.COM),
      make(Role.PRE_RELEASE_TEAM, { prisonCodes: ['STI'] }),
      make(Role.CRS_CASEWORKER, { providerId: provider.id }),
      make(Role.CRS_CASEWORKER, { providerId: provider.id }),
      make(Role.CRS_CASEWORKER, { providerId: otherProvider.id }),
    ]);
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await Promise.all([worker?.stop(), gateway?.stop()]);
    await api?.close();
  });

  function ok<T>(response: ApiResponse<T | ErrorBody>, status = 200): T {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body as T;
  }

  /** A referral taken by the caseworker and brought to an approved action plan. */
  async function approvedReferral(): Promise<ReferralDetailView> {
    const woman = await createWoman(api.baseUrl, prt.token, { releaseAreaCode: areaCode, comId: com.id });
    const draft = ok(
      await com.api.post<ReferralDetailView>(`/women/${woman.id}/referrals`, {
        pathways: [ACCOMMODATION],
        riskInformation: RISK,
      }),
      201,
    );
    ok(await com.api.post(`/referrals/${draft.id}/send`, {}));
    ok(await caseworker.api.post(`/referrals/${draft.id}/claim`, {}));
    ok(
      await caseworker.api.post(`/referrals/${draft.id}/book-assessment`, {
        assessmentAt: `${daysFromToday(2)}T10:00:00Z`,
      }),
    );
    ok(
      await caseworker.api.post(`/referrals/${draft.id}/action-plan`, {
        actionPlan: 'Four weekly sessions on finding and keeping a tenancy',
      }),
    );
    return ok(await com.api.post<ReferralDetailView>(`/referrals/${draft.id}/approve-action-plan`, {}));
  }

  const booking = (days = 3) => ({
    startsAt: `${daysFromToday(days)}T10:00:00Z`,
    durationMinutes: 60,
    method: 'IN_PERSON_PROVIDER_LOCATION',
    place: '12 High Street, Manchester',
  });

  async function book(referralId: string, days = 3): Promise<DeliverySessionView> {
    return ok(await caseworker.api.post<DeliverySessionView>(`/referrals/${referralId}/sessions`, booking(days)), 201);
  }

  /** The session's time passes (as it would by waiting): attendance can only be recorded after it. */
  async function happened(sessionId: string): Promise<void> {
    await api.dataSource.query(`UPDATE delivery_sessions SET starts_at = now() - interval '2 hours' WHERE id = $1`, [
      sessionId,
    ]);
  }

  async function sessionRows(referralId: string): Promise<Record<string, unknown>[]> {
    return api.dataSource.query('SELECT * FROM delivery_sessions WHERE referral_id = $1 ORDER BY number', [referralId]);
  }

  async function auditActions(referralId: string): Promise<{ action: string; actor_id: string }[]> {
    return api.dataSource.query(
      `SELECT action, actor_id FROM audit_events WHERE entity_type = 'REFERRAL' AND entity_id = $1 AND action LIKE 'SESSION_%' ORDER BY id`,
      [referralId],
    );
  }

  it('books numbered sessions once the action plan is approved, and lets her COM see them but not book', async () => {
    const referral = await approvedReferral();
    expect(
      ok(await caseworker.api.get<DeliverySessionsView>(`/referrals/${referral.id}/sessions`)).allowedActions,
    ).toEqual(['session.book']);
    const first = await book(referral.id, 3);
    const second = await book(referral.id, 10);
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(first).toMatchObject({
      status: 'BOOKED',
      method: 'IN_PERSON_PROVIDER_LOCATION',
      place: '12 High Street, Manchester',
      durationMinutes: 60,
      attendance: null,
      bookedById: caseworker.id,
      allowedActions: ['session.reschedule'],
    });

    const seenByCom = ok(await com.api.get<DeliverySessionsView>(`/referrals/${referral.id}/sessions`));
    expect(seenByCom.sessions.map((s) => s.number)).toEqual([1, 2]);
    expect(seenByCom.allowedActions).toEqual([]);
    expect(seenByCom.sessions[0].allowedActions).toEqual([]);
    const comBooks = await com.api.post<ErrorBody>(`/referrals/${referral.id}/sessions`, booking());
    expect(comBooks.status).toBe(403);

    // A colleague at the same provider covers: she may move the session.
    const moved = ok(
      await colleague.api.patch<DeliverySessionView>(`/sessions/${first.id}`, {
        ...booking(4),
        method: 'VIDEO_CALL',
        place: undefined,
        version: first.version,
      }),
    );
    expect(moved).toMatchObject({ method: 'VIDEO_CALL', place: null, startsAt: `${daysFromToday(4)}T10:00:00.000Z` });
    expect(await auditActions(referral.id)).toEqual([
      { action: 'SESSION_BOOKED', actor_id: caseworker.id },
      { action: 'SESSION_BOOKED', actor_id: caseworker.id },
      { action: 'SESSION_RESCHEDULED', actor_id: colleague.id },
    ]);
  });

  it('refuses a session before the action plan is approved', async () => {
    const woman = await createWoman(api.baseUrl, prt.token, { releaseAreaCode: areaCode, comId: com.id });
    const draft = ok(
      await com.api.post<ReferralDetailView>(`/women/${woman.id}/referrals`, {
        pathways: [ACCOMMODATION],
        riskInformation: RISK,
      }),
      201,
    );
    ok(await com.api.post(`/referrals/${draft.id}/send`, {}));
    ok(await caseworker.api.post(`/referrals/${draft.id}/claim`, {}));
    const early = await caseworker.api.post<ErrorBody>(`/referrals/${draft.id}/sessions`, booking());
    expect(early.status).toBe(409);
    expect(await sessionRows(draft.id)).toEqual([]);
  });

  it('refuses bad input with a 400 naming the field, writing nothing', async () => {
    const referral = await approvedReferral();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...booking(), startsAt: `${daysFromToday(-1)}T10:00:00Z` }, 'startsAt'],
      [{ ...booking(), startsAt: 'next tuesday' }, 'startsAt'],
      [{ ...booking(), durationMinutes: 5 }, 'durationMinutes'],
      [{ ...booking(), method: 'CARRIER_PIGEON' }, 'method'],
      [{ ...booking(), place: '' }, 'place'],
    ];
    for (const [body, field] of cases) {
      const refused = await caseworker.api.post<Fields>(`/referrals/${referral.id}/sessions`, body);
      expect({ field, status: refused.status, fields: refused.body.fields.map((f) => f.field) }).toEqual({
        field,
        status: 400,
        fields: [field],
      });
    }
    expect(await sessionRows(referral.id)).toEqual([]);

    const session = await book(referral.id);
    const tooSoon = await caseworker.api.post<Fields>(`/sessions/${session.id}/attendance`, {
      version: session.version,
      attendance: 'YES',
      sessionSummary: 'Went through her tenancy agreement',
    });
    expect([tooSoon.status, tooSoon.body.fields.map((f) => f.field)]).toEqual([400, ['attendance']]);

    await happened(session.id);
    const attempts: [Record<string, unknown>, string][] = [
      [{ attendance: 'MAYBE' }, 'attendance'],
      [{ attendance: 'NO' }, 'attendanceReason'],
      [{ attendance: 'YES' }, 'sessionSummary'],
      [{ attendance: 'LATE', sessionSummary: 'Budgeting', concernRaised: true }, 'concernDetails'],
    ];
    for (const [body, field] of attempts) {
      const refused = await caseworker.api.post<Fields>(`/sessions/${session.id}/attendance`, {
        version: session.version,
        ...body,
      });
      expect({ field, status: refused.status, fields: refused.body.fields.map((f) => f.field) }).toEqual({
        field,
        status: 400,
        fields: [field],
      });
    }
    const [row] = await sessionRows(referral.id);
    expect(row).toMatchObject({ attendance: null, concern_raised: false, version: session.version });
    expect((await auditActions(referral.id)).map((a) => a.action)).toEqual(['SESSION_BOOKED']);
  });

  it('refuses a caseworker of another provider, who cannot even see the referral’s sessions', async () => {
    const referral = await approvedReferral();
    const session = await book(referral.id);
    await happened(session.id);
    expect((await outsider.api.get(`/referrals/${referral.id}/sessions`)).status).toBe(404);
    expect((await outsider.api.post(`/referrals/${referral.id}/sessions`, booking())).status).toBe(404);
    const recorded = await outsider.api.post(`/sessions/${session.id}/attendance`, {
      version: session.version,
      attendance: 'YES',
      sessionSummary: 'Not mine to record',
    });
    expect(recorded.status).toBe(404);
    expect((await sessionRows(referral.id))[0]).toMatchObject({ attendance: null });
  });

  it('records attended and late sessions with their feedback, once each', async () => {
    const referral = await approvedReferral();
    const first = await book(referral.id, 3);
    const second = await book(referral.id, 5);
    await happened(first.id);
    await happened(second.id);
    const attended = ok(
      await caseworker.api.post<DeliverySessionView>(`/sessions/${first.id}/attendance`, {
        version: first.version,
        attendance: 'YES',
        sessionSummary: 'Went through her tenancy agreement',
        sessionResponse: 'Engaged well and asked questions',
      }),
    );
    expect(attended).toMatchObject({
      status: 'ATTENDANCE_RECORDED',
      attendance: 'YES',
      attendanceRecordedById: caseworker.id,
      followUpTaskId: null,
      allowedActions: [],
      feedback: { sessionSummary: 'Went through her tenancy agreement' },
    });
    const late = ok(
      await caseworker.api.post<DeliverySessionView>(`/sessions/${second.id}/attendance`, {
        version: second.version,
        attendance: 'LATE',
        attendanceReason: 'Bus was late',
        sessionSummary: 'Budgeting for the first month',
      }),
    );
    expect(late).toMatchObject({ attendance: 'LATE', feedback: { attendanceReason: 'Bus was late' } });
    const again = await caseworker.api.post<ErrorBody>(`/sessions/${first.id}/attendance`, {
      version: attended.version,
      attendance: 'NO',
      attendanceReason: 'Changed my mind',
    });
    expect(again.status).toBe(409);
    expect(await auditActions(referral.id)).toEqual([
      { action: 'SESSION_BOOKED', actor_id: caseworker.id },
      { action: 'SESSION_BOOKED', actor_id: caseworker.id },
      { action: 'SESSION_ATTENDANCE_RECORDED', actor_id: caseworker.id },
      { action: 'SESSION_ATTENDANCE_RECORDED', actor_id: caseworker.id },
    ]);
  });

  it('opens a "Follow up missed CRS session" task for the caseworker, due in 2 working days, when she did not attend', async () => {
    const referral = await approvedReferral();
    const session = await book(referral.id);
    await happened(session.id);
    const missed = ok(
      await colleague.api.post<DeliverySessionView>(`/sessions/${session.id}/attendance`, {
        version: session.version,
        attendance: 'NO',
        attendanceReason: 'She was not at the address and did not answer her phone',
      }),
    );
    expect(missed.followUpTaskId).not.toBeNull();
    const tasks = ok(await com.api.get<WomanDetailView>(`/women/${referral.womanId}`)).tasks as TaskView[];
    const followUp = tasks.find((t) => t.id === missed.followUpTaskId);
    expect(followUp).toMatchObject({
      title: `Follow up missed CRS session 1 (${referral.reference})`,
      ownerRole: 'CRS_CASEWORKER',
      status: 'TODO',
      // The referral's own caseworker holds it, whoever recorded the miss.
      assigneeId: caseworker.id,
      dueDate: addWorkingDays(londonDateOf(new Date()), 2),
    });
    const [row] = await sessionRows(referral.id);
    expect(row).toMatchObject({ attendance: 'NO', follow_up_task_id: missed.followUpTaskId });

    // Starting delivery closes the stage before it, not the follow-up: that is still hers to do.
    ok(await caseworker.api.post(`/referrals/${referral.id}/start-delivery`, {}));
    const afterStart = ok(await com.api.get<WomanDetailView>(`/women/${referral.womanId}`)).tasks as TaskView[];
    expect(afterStart.find((t) => t.id === missed.followUpTaskId)?.status).toBe('TODO');
  });

  it('tells her COM of a concern raised in feedback, on her own room and by a message, naming her in the event', async () => {
    const referral = await approvedReferral();
    // Her COM takes messages by e-mail (the default channel once she has an address).
    expect((await com.api.patch('/users/me/settings', { email: 'com.concerns@example.gov.uk' })).status).toBe(200);
    const session = await book(referral.id);
    const sentinel = await book(referral.id, 6);
    await happened(session.id);
    const comBoard = await BoardClient.connect(gateway.url, com.token);
    const caseworkerBoard = await BoardClient.connect(gateway.url, caseworker.token);
    clients.push(comBoard, caseworkerBoard);
    expect((await comBoard.subscribe([`user:${com.id}`])).refused).toEqual([]);
    expect((await caseworkerBoard.subscribe([`user:${caseworker.id}`])).refused).toEqual([]);

    ok(
      await caseworker.api.post<DeliverySessionView>(`/sessions/${session.id}/attendance`, {
        version: session.version,
        attendance: 'YES',
        sessionSummary: 'Looked at two flats',
        concernRaised: true,
        concernDetails: 'She said her former partner has found out where she is staying',
      }),
    );
    const concern = () =>
      comBoard.events.find((e) => e.type === 'session.concern_raised' && e.womanId === referral.womanId);
    expect(await eventually(() => concern() !== undefined, 30_000)).toBe(true);
    expect(concern()).toMatchObject({
      comId: com.id,
      referral: { id: referral.id, reference: referral.reference },
      session: { id: session.id, number: 1, attendance: 'YES', concernRaised: true },
    });
    // The words of the concern never travel on a socket.
    expect(JSON.stringify(concern())).not.toContain('former partner');
    const outbox: { rooms: string[]; payload: { comId: string } }[] = await api.dataSource.query(
      `SELECT rooms, payload FROM outbox_events WHERE type = 'session.concern_raised' AND payload->'session'->>'id' = $1`,
      [session.id],
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0].rooms).toEqual([`user:${com.id}`]);
    expect(outbox[0].payload.comId).toBe(com.id);
    // And a GOV.UK Notify message for her, in the same transaction: the reference and the session, not the words.
    const messages: { channel: string; personalisation: Record<string, string> }[] = await api.dataSource.query(
      `SELECT channel, personalisation FROM notifications WHERE recipient_user_id = $1 AND template_key = 'session-concern'
         AND dedupe_key LIKE $2`,
      [com.id, `concern:${session.id}:%`],
    );
    expect(messages).toEqual([{ channel: 'email', personalisation: { referral: referral.reference, session: '1' } }]);

    // The caseworker's room hears of the session changing, but the concern goes to the COM only.
    ok(await caseworker.api.patch(`/sessions/${sentinel.id}`, { ...booking(7), version: sentinel.version }));
    await waitForSentinel(
      caseworkerBoard,
      (e) => e.type === 'session.changed' && (e as { session?: { id: string } }).session?.id === sentinel.id,
    );
    expect(caseworkerBoard.events.some((e) => e.type === 'session.concern_raised')).toBe(false);
  });

  it('ends a referral only once every booked session has its attendance recorded', async () => {
    const referral = await approvedReferral();
    ok(await caseworker.api.post(`/referrals/${referral.id}/start-delivery`, {}));
    const session = await book(referral.id);
    const end = () =>
      caseworker.api.post<ReferralDetailView & Fields>(`/referrals/${referral.id}/end`, {
        summary: 'Housed in a council flat',
        outcomes: [
          { pathway: 'ACCOMMODATION', desiredOutcome: 'A settled address before release', outcome: 'ACHIEVED' },
        ],
      });
    const early = await end();
    expect([early.status, early.body.fields.map((f) => f.field)]).toEqual([400, ['sessions']]);
    await happened(session.id);
    ok(
      await caseworker.api.post(`/sessions/${session.id}/attendance`, {
        version: session.version,
        attendance: 'YES',
        sessionSummary: 'Signed the tenancy',
      }),
    );
    expect(ok(await end()).status).toBe('ENDED');
    const afterEnd = await caseworker.api.post<ErrorBody>(`/referrals/${referral.id}/sessions`, booking());
    expect(afterEnd.status).toBe(409);
  });
});
