/**
 * Every malformed input is a 400 naming its field, and writes nothing. Generated from the running API's OpenAPI
 * document: every write (POST, PUT, PATCH, DELETE), every filter (an operation with query parameters) and every
 * read by id gets a NUL in each string, the wrong shape for each array and object, a malformed id for each uuid
 * field and parameter, and an integer beyond PostgreSQL's for each number, sent by a caller the operation admits,
 * with real ids in the path. A new endpoint is covered the day it is documented; one whose body is not documented fails.
 */
import { Role } from '@app/domain';
import { ApiClient, ApiResponse, ErrorBody, messageOf } from '../../setup/api-client';
import { hmppsEventsToken, readRunSettings } from '../../setup/run-settings';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  createWoman,
  getCatalogue,
  insertAlert,
  recordNeeds,
} from '../../factories';
import { BadInputCase, badInputCases, isUuid } from './bad-input-cases';
import { Snapshot, changedTables, snapshot, tablesOf } from './database-snapshot';
import { OpenApiDocument, Operation, describesFields, takesInput, operationsOf } from './openapi-operations';

/** Actions whose whole meaning is in the path: they take no body, so the document rightly shows none. */
const TAKES_NO_BODY = new Set([
  'POST /tasks/{id}/claim',
  'POST /tasks/{id}/release',
  'POST /alerts/{id}/acknowledge',
  // The token to refresh is the bearer token itself.
  'POST /auth/refresh',
  // Single sign-on: what they act on is the HttpOnly sign-in cookie the OIDC callback left.
  'POST /auth/oidc/session',
  'POST /auth/oidc/sign-out',
  'DELETE /women/{womanId}/release-day/appointments/{appointmentId}',
  // Her COM withdraws her own request: nothing to say but which woman.
  'DELETE /women/{id}/release-day-request',
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Caller {
  name: string;
  api: ApiClient;
}

function namedFields(body: ErrorBody): string[] {
  return (body.fields ?? []).map((f) => f.field);
}

/**
 * The 400 names the field, a field inside it (a wrong-shaped object's own fields), or, for a member of a list,
 * the list ("each value in rows must be an object" is about rows.0).
 */
function namesField(body: ErrorBody, field: string): boolean {
  const list = /^(.+)\.\d+$/.exec(field)?.[1];
  return namedFields(body).some((named) => named === field || named.startsWith(`${field}.`) || named === list);
}

describe('malformed input to every write, filter and read by id in the OpenAPI document', () => {
  let testApi: TestApi;
  let document: OpenApiDocument;
  let operations: Operation[];
  let tables: string[];
  let callers: Caller[];
  let admin: SignedInUser;
  const ids: Record<string, string> = {};

  // A larger fixture than most suites make (five users signed in, a referral, applications, an appointment),
  // so more time than Jest's default on a busy machine.
  beforeAll(async () => {
    testApi = await startTestApi();
    const { dataSource, baseUrl } = testApi;
    const provider = await createProvider(dataSource);
    const area = await createReleaseArea(dataSource, provider.id);
    const make = (role: Role, extra: { prisonCodes?: string[]; providerId?: string } = {}) =>
      createSignedInUser(dataSource, baseUrl, { role, ...extra });
    const [prt, pom, com, caseworker] = await Promise.all([
      make(Role.PRE_RELEASE_TEAM, { prisonCodes: ['STI'] }),
      make(Role.POM, { prisonCodes: ['STI'] }),
      make(Role.COM),
      make(Role.CRS_CASEWORKER, { providerId: provider.id }),
    ]);
    admin = await make(Role.ADMIN);
    const anonymous = new ApiClient(baseUrl);
    // Admin first: every role check admits her. The others stand by for an operation that one day does not.
    callers = [
      { name: 'anonymous', api: anonymous },
      { name: 'ADMIN', api: admin.api },
      { name: 'PRE_RELEASE_TEAM', api: prt.api },
      { name: 'POM', api: pom.api },
      { name: 'COM', api: com.api },
      { name: 'CRS_CASEWORKER', api: caseworker.api },
      { name: 'HMPPS event forwarder', api: anonymous.as(hmppsEventsToken(readRunSettings())) },
    ];

    const woman = await createWoman(baseUrl, prt.token, { releaseAreaCode: area.code, comId: com.id });
    await recordNeeds(prt.api, woman.id, ['ACCOMMODATION', 'FINANCE_AND_ID']);
    const referral = await com.api.post<{ id: string }>(`/women/${woman.id}/referrals`, {
      pathways: [{ pathway: 'ACCOMMODATION', complexity: 'MEDIUM', desiredOutcomes: ['A settled home'] }],
    });
    const steps: ApiResponse<unknown>[] = [
      referral,
      await prt.api.post(`/women/${woman.id}/bank-account/applications`, { bankName: 'Basic Bank' }),
      await prt.api.post(`/women/${woman.id}/id-documents`, { documentType: 'BIRTH_CERTIFICATE' }),
      await prt.api.post(`/women/${woman.id}/release-day/appointments`, {
        kind: 'PROBATION',
        startsAt: `${woman.releaseDate}T14:00:00+01:00`,
        durationMinutes: 60,
        place: 'Probation office',
        town: 'Manchester',
      }),
    ];
    for (const step of steps) {
      if (step.status !== 201) throw new Error(`Fixture step failed: ${step.status} ${JSON.stringify(step.body)}`);
    }
    const one = async (sql: string): Promise<string> => {
      const rows: { id: string }[] = await dataSource.query(sql, [woman.id]);
      if (!rows[0]) throw new Error(`Fixture row missing: ${sql}`);
      return rows[0].id;
    };
    const taskId = await one('SELECT id FROM tasks WHERE woman_id = $1 ORDER BY id LIMIT 1');
    await insertAlert(dataSource, { taskId, womanId: woman.id, kind: 'OVERDUE', level: 0, createdAt: new Date() });
    // A delivery session row of her referral, written directly: only its id is needed here.
    const sessionRow = await dataSource.query<{ id: string }[]>(
      `INSERT INTO delivery_sessions (referral_id, number, starts_at, duration_minutes, method, booked_by_id)
       VALUES ($1, 1, now(), 60, 'PHONE_CALL', $2) RETURNING id`,
      [referral.body.id, com.id],
    );
    Object.assign(ids, {
      'women/{id}': woman.id,
      '{womanId}': woman.id,
      'tasks/{id}': taskId,
      'referrals/{id}': referral.body.id,
      // A delivery session row of her referral, written directly: only its id is needed here.
      'sessions/{id}': sessionRow[0].id,
      'alerts/{id}': await one('SELECT id FROM alerts WHERE woman_id = $1'),
      'bank-account-applications/{id}': await one('SELECT id FROM bank_account_applications WHERE woman_id = $1'),
      'id-document-applications/{id}': await one('SELECT id FROM id_document_applications WHERE woman_id = $1'),
      'appointments/{appointmentId}': await one('SELECT id FROM release_day_appointments WHERE woman_id = $1'),
      'providers/{id}': provider.id,
      'users/{id}': com.id,
      'release-areas/{code}': area.code,
      'task-catalogue/{key}': (await getCatalogue(admin.api))[0].key,
      'pathways/{pathway}': 'HEALTH',
    });

    const response = await anonymous.get<OpenApiDocument>('/docs/openapi.json');
    expect(response.status).toBe(200);
    document = response.body;
    operations = operationsOf(document).filter(takesInput);
    tables = await tablesOf(dataSource);
  }, 120_000);

  afterAll(async () => {
    await testApi?.close();
  });

  /** A real id from the fixture for the path parameter: the segment before it says whose id it is. */
  function pathValue(operation: Operation, param: string): string {
    const segments = operation.path.split('/');
    const previous = segments[segments.indexOf(`{${param}}`) - 1];
    const value = ids[`${previous}/{${param}}`] ?? ids[`{${param}}`];
    if (value === undefined) {
      throw new Error(`No fixture value for {${param}} of ${operation.key}: give the suite's fixture one`);
    }
    return value;
  }

  function send(caller: Caller, operation: Operation, c: BadInputCase): Promise<ApiResponse<ErrorBody>> {
    return caller.api.send<ErrorBody>(operation.method, c.url, c.body);
  }

  /**
   * The first caller the operation admits. A 401 or 403 says nothing about validation (guards run before it),
   * so a case only counts once a caller gets past them.
   */
  async function admittedCaller(
    operation: Operation,
    first: BadInputCase,
  ): Promise<{ caller: Caller; response: ApiResponse<ErrorBody> } | null> {
    for (const caller of callers) {
      const response = await send(caller, operation, first);
      if (response.status !== 401 && response.status !== 403) return { caller, response };
    }
    return null;
  }

  /** Sends every case and returns what went wrong: a status other than 400, a 400 not naming the field, a write. */
  async function checkOperation(operation: Operation): Promise<string[]> {
    const cases = badInputCases(operation, pathValue);
    if (cases.length === 0) return [];
    const failures: string[] = [];
    let before: Snapshot = await snapshot(testApi.dataSource, tables);
    const admitted = await admittedCaller(operation, cases[0]);
    if (!admitted) return [`${operation.key}: no caller got past authentication and the role check`];

    for (const [index, c] of cases.entries()) {
      const response = index === 0 ? admitted.response : await send(admitted.caller, operation, c);
      const after = await snapshot(testApi.dataSource, tables);
      const label = `${operation.key} as ${admitted.caller.name} with ${c.what} in ${c.field}`;
      if (response.status !== 400) {
        failures.push(`${label}: ${response.status} ${messageOf(response.body)}`);
      } else if (!namesField(response.body, c.field)) {
        failures.push(`${label}: the 400 names ${JSON.stringify(namedFields(response.body))}, not ${c.field}`);
      }
      const changed = changedTables(before, after);
      if (changed.length > 0) failures.push(`${label}: wrote ${changed.join(', ')}`);
      before = after;
    }
    return failures;
  }

  it('finds the writes and filters in the document, each with a body schema that names its fields', () => {
    expect(operations.length).toBeGreaterThan(40);
    const undocumented = operations
      .filter((op) => op.method !== 'GET' && !TAKES_NO_BODY.has(op.key))
      .filter((op) => !describesFields(op.bodySchema))
      .map((op) => `${op.key}: ${op.declaresBody ? 'a body schema without fields' : 'no body schema'}`);
    expect(undocumented).toEqual([]);
    // A listed exception that starts taking a body must leave the list, or its body goes untested.
    expect(operations.filter((op) => TAKES_NO_BODY.has(op.key) && op.declaresBody).map((op) => op.key)).toEqual([]);
  });

  it('documents every path parameter that takes an id as format uuid', () => {
    const undeclared = operationsOf(document).flatMap((op) =>
      op.pathParams
        .filter((p) => UUID.test(pathValue(op, p.name)) && !isUuid(p.schema))
        .map((p) => `${op.key}: {${p.name}}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('refuses a NUL in the username or password of a login with a 400 naming the field', async () => {
    for (const field of ['username', 'password'] as const) {
      const body = { username: admin.username, password: admin.password, [field]: `${admin[field]}\u0000` };
      const response = await new ApiClient(testApi.baseUrl).post('/auth/login', body);
      expect(response.status).toBe(400);
      expect(namedFields(response.body)).toContain(field);
    }
  });

  it('refuses a body nested deeper than any request needs with a 400 naming where, and writes nothing', async () => {
    const before = await snapshot(testApi.dataSource, tables);
    const nested = `{"rows":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;

    const response = await admin.api.send<ErrorBody>('PUT', '/travel-times', undefined, { rawBody: nested });

    expect(response.status).toBe(400);
    expect(namedFields(response.body)).toEqual([expect.stringMatching(/^rows(\.0)+$/)]);
    expect(changedTables(before, await snapshot(testApi.dataSource, tables))).toEqual([]);
  });

  it('answers every bad write with a 400 naming the field, and writes nothing', async () => {
    const writes = operations.filter((op) => op.method !== 'GET');
    const failures: string[] = [];
    for (const operation of writes) failures.push(...(await checkOperation(operation)));
    expect(failures).toEqual([]);
  }, 600_000);

  it('answers every bad filter and read by id with a 400 naming the parameter, and writes nothing', async () => {
    const filters = operations.filter((op) => op.method === 'GET');
    expect(filters.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const operation of filters) failures.push(...(await checkOperation(operation)));
    expect(failures).toEqual([]);
  }, 300_000);
});
