/**
 * Every write by id checks scope as a read does. Generated from the running API's OpenAPI document: every
 * POST, PUT, PATCH and DELETE with a path parameter is called, by a user who has the role for it but not the
 * scope (another prison's pre-release team, POM and governor, another provider's caseworker, a COM without her),
 * on a woman at Bronzefield whose release area another provider serves, and on her task, referral, alert,
 * applications and appointment.
 *
 * The oracle: the answer is 404, or 403 where the role may never do it, and it is the same answer (status and
 * message) as for ids that do not exist, so it reveals nothing; and nothing is written (her audit trail and
 * board events, and every row naming the fixture, are unchanged). An administrator then reaches every one of
 * the same targets (never a 404), so the fixture ids are real and the refusals are about scope.
 *
 * Path parameters are filled from the fixture by name; a parameter or a request body the suite does not know
 * fails it, so a new write endpoint is covered the day it lands.
 */
import { randomUUID } from 'node:crypto';
import { Role } from '@app/domain';
import type { ReferralDetailView, WomanDetailView, WomanView } from '@app/contracts';
import { ApiClient, ApiResponse, ErrorBody } from '../../setup/api-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  TestProvider,
  TestReleaseArea,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  createWoman,
  daysFromToday,
  getCatalogue,
  recordNeeds,
} from '../../factories';

jest.setTimeout(120_000);

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const WRITE_METHODS: readonly Method[] = ['POST', 'PUT', 'PATCH', 'DELETE'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface OpenApiOperation {
  requestBody?: unknown;
}

interface WriteOperation {
  method: Method;
  /** As the document writes it: /women/{id}/recall. */
  path: string;
  params: string[];
  hasBody: boolean;
}

interface Fixture {
  /** The woman whose id fills women/{id} and {womanId}: in custody at Bronzefield, or released from there. */
  woman: WomanView;
  released: WomanView;
  taskId: string;
  referralId: string;
  sessionId: string;
  alertId: string;
  bankAccountApplicationId: string;
  idDocumentApplicationId: string;
  appointmentId: string;
  herCom: SignedInUser;
  provider: TestProvider;
  area: TestReleaseArea;
  catalogueKey: string;
}

/**
 * Where each path parameter comes from, keyed by the segment before it and its name (`women/{id}`), or by its
 * name alone where that is unambiguous (`{womanId}`).
 */
const PARAMETERS: Record<string, (f: Fixture) => string> = {
  'women/{id}': (f) => f.woman.id,
  '{womanId}': (f) => f.woman.id,
  'tasks/{id}': (f) => f.taskId,
  'referrals/{id}': (f) => f.referralId,
  'sessions/{id}': (f) => f.sessionId,
  'alerts/{id}': (f) => f.alertId,
  'bank-account-applications/{id}': (f) => f.bankAccountApplicationId,
  'id-document-applications/{id}': (f) => f.idDocumentApplicationId,
  '{appointmentId}': (f) => f.appointmentId,
  'pathways/{pathway}': () => 'ACCOMMODATION',
  'users/{id}': (f) => f.herCom.id,
  'providers/{id}': (f) => f.provider.id,
  'release-areas/{code}': (f) => f.area.code,
  'task-catalogue/{key}': (f) => f.catalogueKey,
};

/**
 * A valid body for each write: an invalid one would be refused (400) before the scope check is reached. Prison
 * codes are the caller's own (STI), so the only thing wrong with each request is whose she is.
 */
const BODIES: Record<string, (f: Fixture) => unknown> = {
  'PATCH /women/{id}': () => ({ keyworkerName: 'Scope Test' }),
  'POST /women/{id}/recall': () => ({ prisonCode: 'STI', movementReason: 'Y' }),
  'POST /women/{id}/transfer': () => ({ prisonCode: 'STI' }),
  'POST /women/{id}/release': () => ({}),
  'POST /women/{id}/release-day-request': () => ({ reason: 'Scope test' }),
  'POST /women/{id}/release-plan': () => ({ language: 'en', include: { staffNames: true, specialCategory: true } }),
  'POST /women/{womanId}/assessments': () => ({
    kind: 'PRE_RELEASE',
    method: 'FACE_TO_FACE',
    outcomes: [{ pathway: 'ACCOMMODATION', status: 'SUPPORT_REQUIRED' }],
  }),
  'PUT /women/{womanId}/pathways/{pathway}': () => ({ status: 'IN_PROGRESS' }),
  'POST /women/{womanId}/accommodation-outcomes': () => ({
    checkpoint: 'NIGHT_OF_RELEASE',
    accommodationType: 'SETTLED',
  }),
  'PUT /women/{womanId}/bank-account/barrier': () => ({ barrier: 'No proof of address' }),
  'POST /women/{womanId}/bank-account/applications': () => ({ bankName: 'Scope Bank' }),
  'POST /bank-account-applications/{id}/status': () => ({ status: 'ACCOUNT_OPENED', version: 1 }),
  'POST /women/{womanId}/id-documents': () => ({ documentType: 'MARRIAGE_CERTIFICATE' }),
  'POST /women/{womanId}/keywork/sessions': () => ({ sessionOn: daysFromToday(0), keyworkerName: 'Scope Keyworker' }),
  'PUT /women/{womanId}/keywork/target': () => ({ frequencyWeeks: 2 }),
  'POST /id-document-applications/{id}/outcome': () => ({
    outcome: 'ACCEPTED',
    receivedOn: daysFromToday(0),
    version: 1,
  }),
  'PUT /women/{womanId}/release-day': () => ({ notes: 'Scope test', checklist: { mobilePhone: 'ARRANGED' } }),
  'POST /women/{womanId}/release-day/appointments': () => ({
    kind: 'PROBATION',
    startsAt: `${daysFromToday(140)}T10:00:00.000Z`,
    durationMinutes: 60,
    place: 'Probation office',
    town: 'Manchester',
  }),
  'DELETE /women/{womanId}/release-day/appointments/{appointmentId}': () => undefined,
  'POST /women/{womanId}/referrals': () => ({
    pathways: [{ pathway: 'ACCOMMODATION', complexity: 'LOW', desiredOutcomes: ['Somewhere to live'] }],
    riskInformation: { roshLevel: 'LOW', riskSummary: 'No known risk' },
  }),
  'PATCH /referrals/{id}': () => ({ additionalInformation: 'Scope test', version: 1 }),
  'POST /referrals/{id}/send': () => ({}),
  'POST /referrals/{id}/claim': () => ({}),
  'POST /referrals/{id}/book-assessment': () => ({ assessmentAt: new Date(Date.now() + 86_400_000).toISOString() }),
  'POST /referrals/{id}/action-plan': () => ({ actionPlan: 'Weekly sessions on finding a tenancy' }),
  'POST /referrals/{id}/approve-action-plan': () => ({}),
  'POST /referrals/{id}/start-delivery': () => ({}),
  'POST /referrals/{id}/end': () => ({
    summary: 'Support given over eight weeks',
    outcomes: [{ pathway: 'ACCOMMODATION', desiredOutcome: 'Somewhere to live', outcome: 'ACHIEVED' }],
  }),
  'POST /referrals/{id}/withdraw': () => ({ reasonCode: 'NEE', reason: 'No longer needed' }),
  'POST /referrals/{id}/return': () => ({ reasonCode: 'RISK_INFORMATION', reason: 'Risk information incomplete' }),
  'POST /referrals/{id}/sessions': () => ({
    startsAt: `${daysFromToday(3)}T10:00:00.000Z`,
    durationMinutes: 60,
    method: 'PHONE_CALL',
  }),
  'PATCH /sessions/{id}': () => ({
    startsAt: `${daysFromToday(4)}T10:00:00.000Z`,
    durationMinutes: 60,
    method: 'VIDEO_CALL',
    version: 1,
  }),
  'POST /sessions/{id}/attendance': () => ({ attendance: 'YES', sessionSummary: 'Scope test', version: 1 }),
  'POST /tasks/{id}/claim': () => undefined,
  'POST /tasks/{id}/release': () => undefined,
  'PATCH /tasks/{id}/status': () => ({ status: 'IN_PROGRESS', version: 1 }),
  'POST /tasks/{id}/notes': () => ({ body: 'A note she should never get' }),
  'POST /alerts/{id}/acknowledge': () => undefined,
  'PATCH /users/{id}': () => ({ isManager: false }),
  'PATCH /users/{id}/settings': () => ({ notifyClaimedTasks: false }),
  'PATCH /providers/{id}': () => ({ allowsDirectReferral: false }),
  'PUT /release-areas/{code}/provider': (f) => ({ providerId: f.provider.id }),
  'PATCH /task-catalogue/{key}': () => ({ version: 1 }),
};

type Who = 'PRT_ELSEWHERE' | 'POM_ELSEWHERE' | 'GOVERNOR_ELSEWHERE' | 'CRS_OTHER_PROVIDER' | 'COM_WITHOUT_HER';
const WRONG_SCOPE: readonly Who[] = [
  'PRT_ELSEWHERE',
  'POM_ELSEWHERE',
  'GOVERNOR_ELSEWHERE',
  'CRS_OTHER_PROVIDER',
  'COM_WITHOUT_HER',
];

function paramKey(path: string, param: string): string[] {
  const segments = path.split('/');
  const at = segments.indexOf(`{${param}}`);
  return [`${segments[at - 1]}/{${param}}`, `{${param}}`];
}

/** Operations on a woman's record that name nothing else of hers by id (an appointment id would be the other woman's). */
function namesOnlyAWoman(op: WriteOperation): boolean {
  return op.path.startsWith('/women/{') && op.params.every((p) => p === 'id' || p === 'womanId' || !p.endsWith('Id'));
}

function fill(op: WriteOperation, fixture: Fixture, fresh: boolean): string {
  let path = op.path;
  for (const param of op.params) {
    const key = paramKey(op.path, param).find((k) => k in PARAMETERS);
    if (!key) throw new Error(`${op.method} ${op.path}: no fixture value for path parameter "${param}"`);
    const value = PARAMETERS[key](fixture);
    // An id that exists nowhere: what a caller who may not know of her must be unable to tell apart.
    path = path.replace(`{${param}}`, fresh && UUID.test(value) ? randomUUID() : encodeURIComponent(value));
  }
  return path;
}

function bodyFor(op: WriteOperation, fixture: Fixture): unknown {
  const make = BODIES[`${op.method} ${op.path}`];
  if (!make) {
    if (op.hasBody) throw new Error(`${op.method} ${op.path}: the suite has no valid body for this write`);
    return undefined;
  }
  return make(fixture);
}

function messageText(response: ApiResponse<unknown>): string {
  const body = response.body as Partial<ErrorBody> | null;
  return JSON.stringify(body?.message ?? null);
}

describe('every write by id checks scope as a read does', () => {
  let testApi: TestApi;
  let operations: WriteOperation[];
  let fixture: Fixture;
  let admin: SignedInUser;
  const users = {} as Record<Who, SignedInUser>;

  beforeAll(async () => {
    testApi = await startTestApi();
    const ds = testApi.dataSource;
    const make = (role: Role, extra: { prisonCodes?: string[]; providerId?: string } = {}) =>
      createSignedInUser(ds, testApi.baseUrl, { role, ...extra });

    const document = await new ApiClient(testApi.baseUrl).get<{ paths: Record<string, Record<string, unknown>> }>(
      '/docs/openapi.json',
    );
    expect(document.status).toBe(200);
    operations = Object.entries(document.body.paths).flatMap(([path, methods]) =>
      WRITE_METHODS.filter((m) => methods[m.toLowerCase()]).flatMap((method) => {
        const op = methods[method.toLowerCase()] as OpenApiOperation;
        // From the template itself: a parameter the document forgot to describe is still a parameter.
        const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        return params.length > 0 ? [{ method, path, params, hasBody: op.requestBody !== undefined }] : [];
      }),
    );

    const [theirProvider, ourProvider] = await Promise.all([createProvider(ds), createProvider(ds)]);
    const [theirArea] = await Promise.all([
      createReleaseArea(ds, theirProvider.id),
      createReleaseArea(ds, ourProvider.id),
    ]);
    const [prtBronzefield, herCom] = await Promise.all([
      make(Role.PRE_RELEASE_TEAM, { prisonCodes: ['BZI'] }),
      make(Role.COM),
    ]);
    [admin, users.PRT_ELSEWHERE, users.POM_ELSEWHERE, users.GOVERNOR_ELSEWHERE, users.CRS_OTHER_PROVIDER] =
      await Promise.all([
        make(Role.ADMIN),
        make(Role.PRE_RELEASE_TEAM, { prisonCodes: ['STI'] }),
        make(Role.POM, { prisonCodes: ['STI'] }),
        make(Role.GOVERNOR, { prisonCodes: ['STI'] }),
        make(Role.CRS_CASEWORKER, { providerId: ourProvider.id }),
      ]);
    users.COM_WITHOUT_HER = await make(Role.COM);

    // Her case, made by the people whose business it is.
    const woman = await createWoman(testApi.baseUrl, prtBronzefield.token, {
      prisonCode: 'BZI',
      releaseAreaCode: theirArea.code,
      comId: herCom.id,
      sensitiveFlags: ['DOMESTIC_ABUSE'],
    });
    await recordNeeds(prtBronzefield.api, woman.id, ['ACCOMMODATION', 'FINANCE_AND_ID']);
    const ok = <T>(response: ApiResponse<T>, what: string): T => {
      if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    };
    const referral = ok(
      await herCom.api.post<ReferralDetailView>(
        `/women/${woman.id}/referrals`,
        BODIES['POST /women/{womanId}/referrals']({} as Fixture),
      ),
      'referral',
    );
    ok(await herCom.api.post(`/referrals/${referral.id}/send`, {}), 'send');
    const bank = ok(
      await prtBronzefield.api.post<{ applications: { id: string }[] }>(
        `/women/${woman.id}/bank-account/applications`,
        {
          bankName: 'Her bank',
        },
      ),
      'bank account',
    );
    const ids = ok(
      await prtBronzefield.api.post<{ applications: { id: string }[] }>(`/women/${woman.id}/id-documents`, {
        documentType: 'BIRTH_CERTIFICATE',
      }),
      'ID document',
    );
    const plan = ok(
      await prtBronzefield.api.post<{ appointments: { id: string }[] }>(
        `/women/${woman.id}/release-day/appointments`,
        BODIES['POST /women/{womanId}/release-day/appointments']({} as Fixture),
      ),
      'appointment',
    );
    const detail = ok(await prtBronzefield.api.get<WomanDetailView>(`/women/${woman.id}`), 'her record');
    // Released, she is in no prison's scope: the case the bare-id recall got wrong.
    const released = await createWoman(testApi.baseUrl, prtBronzefield.token, {
      prisonCode: 'BZI',
      releaseAreaCode: theirArea.code,
      comId: herCom.id,
      sensitiveFlags: ['MENTAL_HEALTH'],
    });
    ok(await prtBronzefield.api.post(`/women/${released.id}/release`, {}), 'release');
    const task = detail.tasks.find((t) => t.ownerRole === Role.CRS_CASEWORKER) ?? detail.tasks[0];
    const [alert]: { id: string }[] = await ds.query(
      `INSERT INTO alerts (task_id, woman_id, kind, level, deadline_revision, threshold_at, recipients)
       VALUES ($1, $2, 'OVERDUE', 0, 0, now(), '{"rooms":[]}') RETURNING id`,
      [task.id, woman.id],
    );
    // A delivery session of her referral, written directly: the writes to it need only a session to exist.
    const [session]: { id: string }[] = await ds.query(
      `INSERT INTO delivery_sessions (referral_id, number, starts_at, duration_minutes, method, booked_by_id)
       VALUES ($1, 1, now() - interval '1 hour', 60, 'PHONE_CALL', $2) RETURNING id`,
      [referral.id, herCom.id],
    );
    fixture = {
      woman,
      released,
      taskId: task.id,
      referralId: referral.id,
      sessionId: session.id,
      alertId: alert.id,
      bankAccountApplicationId: bank.applications[0].id,
      idDocumentApplicationId: ids.applications[0].id,
      appointmentId: plan.appointments[0].id,
      herCom,
      provider: theirProvider,
      area: theirArea,
      catalogueKey: (await getCatalogue(admin.api))[0].key,
    };
  });

  afterAll(async () => {
    await testApi?.close();
  });

  /** Every row a write could leave about the fixture: audit entries and board events naming any of its ids. */
  async function footprint(): Promise<{ audit: number; outbox: number }> {
    const ids = [
      fixture.woman.id,
      fixture.released.id,
      fixture.taskId,
      fixture.referralId,
      fixture.sessionId,
      fixture.alertId,
      fixture.bankAccountApplicationId,
      fixture.idDocumentApplicationId,
      fixture.appointmentId,
      fixture.herCom.id,
      fixture.provider.id,
      fixture.area.code,
      fixture.catalogueKey,
    ];
    const actors = Object.values(users).map((u) => u.id);
    const [audit]: { count: string }[] = await testApi.dataSource.query(
      `SELECT count(*) FROM audit_events
        WHERE woman_id = ANY($1) OR entity_id = ANY($2) OR actor_id = ANY($3)`,
      [[fixture.woman.id, fixture.released.id], ids, actors],
    );
    const [outbox]: { count: string }[] = await testApi.dataSource.query(
      `SELECT count(*) FROM outbox_events
        WHERE woman_id = ANY($1) OR payload::text LIKE ANY($2)`,
      [[fixture.woman.id, fixture.released.id], ids.map((id) => `%${id}%`)],
    );
    return { audit: Number(audit.count), outbox: Number(outbox.count) };
  }

  function call(api: ApiClient, op: WriteOperation, path: string): Promise<ApiResponse<unknown>> {
    return api.send<unknown>(op.method, path, bodyFor(op, fixture));
  }

  /** Each operation on her in custody, and each operation on a woman's record again on her released. */
  function targets(): { op: WriteOperation; as: Fixture; label: string }[] {
    return [
      ...operations.map((op) => ({ op, as: fixture, label: `${op.method} ${op.path}` })),
      ...operations.filter(namesOnlyAWoman).map((op) => ({
        op,
        as: { ...fixture, woman: fixture.released },
        label: `${op.method} ${op.path} (released)`,
      })),
    ];
  }

  it('finds the write operations with path parameters, and knows how to fill each parameter and body', () => {
    // The API has dozens; a document that lost them would make the rest of this suite vacuous.
    expect(operations.length).toBeGreaterThan(30);
    const unknown = operations.flatMap((op) => {
      try {
        fill(op, fixture, false);
        bodyFor(op, fixture);
        return [];
      } catch (error) {
        return [(error as Error).message];
      }
    });
    expect(unknown).toEqual([]);
  });

  it.each(WRONG_SCOPE)(
    'refuses %s every write on her records as it would ids that do not exist, and writes nothing',
    async (who) => {
      const api = users[who].api;
      const problems: string[] = [];
      for (const { op, as, label: name } of targets()) {
        const before = await footprint();
        const target = fill(op, as, false);
        const real = await call(api, op, target);
        const after = await footprint();
        const nowhere = await call(api, op, fill(op, as, true));
        if (real.status === 400) problems.push(`${target}: 400, the suite's request is invalid: ${messageText(real)}`);
        else if (real.status !== 404 && real.status !== 403) {
          problems.push(`${name}: answered ${real.status} ${messageText(real)}, not 404 or 403`);
        }
        if (real.status !== nowhere.status || messageText(real) !== messageText(nowhere)) {
          problems.push(
            `${name}: ${real.status} ${messageText(real)} for her, ${nowhere.status} ${messageText(nowhere)} for nobody`,
          );
        }
        if (after.audit !== before.audit || after.outbox !== before.outbox) {
          problems.push(
            `${name}: wrote (audit ${before.audit} -> ${after.audit}, outbox ${before.outbox} -> ${after.outbox})`,
          );
        }
      }
      expect(problems).toEqual([]);
    },
  );

  // Last, because it writes: proves each refusal above was about scope, not a fixture id that does not exist.
  it('lets an administrator, whose scope is the estate, reach every one of the same targets', async () => {
    const missing: string[] = [];
    for (const { op, as, label } of targets()) {
      const response = await call(admin.api, op, fill(op, as, false));
      if (response.status === 404 || response.status === 400) {
        missing.push(`${label}: ${response.status} ${messageText(response)}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
