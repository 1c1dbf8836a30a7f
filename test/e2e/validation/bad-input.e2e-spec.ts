/** Bad input is refused with a status that says so and the field it concerns, and nothing is written. */
import { Role } from '@app/domain';
import type { WomanView } from '@app/contracts';
import { ApiResponse, ErrorBody, messageOf } from '../../setup/api-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  createSignedInUser,
  createWoman,
  randomPrisonNumber,
  recordNeeds,
  womanBody,
} from '../../factories';

interface Written {
  women: number;
  audit: number;
}

function namesField(body: ErrorBody, field: string): boolean {
  return (body.fields ?? []).some((f) => f.field === field) || messageOf(body).includes(field);
}

describe('bad input writes nothing', () => {
  let testApi: TestApi;
  let prt: SignedInUser;
  let existing: WomanView;

  beforeAll(async () => {
    testApi = await startTestApi();
    prt = await createSignedInUser(testApi.dataSource, testApi.baseUrl, {
      role: Role.PRE_RELEASE_TEAM,
      prisonCodes: ['STI'],
    });
    existing = await createWoman(testApi.baseUrl, prt.token, {
      sentenceStartDate: '2026-06-01',
      receptionDate: '2026-06-01',
    });
    await recordNeeds(prt.api, existing.id, ['FINANCE_AND_ID']);
  });

  afterAll(async () => {
    await testApi?.close();
  });

  /** Rows only this suite's user could have written, so suites running alongside do not disturb the count. */
  async function written(prisonNumber: string): Promise<Written> {
    const [women]: { count: string }[] = await testApi.dataSource.query(
      'SELECT count(*) FROM women WHERE prison_number = $1',
      [prisonNumber],
    );
    const [audit]: { count: string }[] = await testApi.dataSource.query(
      'SELECT count(*) FROM audit_events WHERE actor_id = $1',
      [prt.id],
    );
    return { women: Number(women.count), audit: Number(audit.count) };
  }

  async function herState(): Promise<unknown> {
    const rows: unknown[] = await testApi.dataSource.query(
      `SELECT w.*, (SELECT count(*) FROM tasks t WHERE t.woman_id = w.id) AS tasks,
              (SELECT count(*) FROM assessments a WHERE a.woman_id = w.id) AS assessments
         FROM women w WHERE w.id = $1`,
      [existing.id],
    );
    return rows[0];
  }

  const oversized = 'x'.repeat(150 * 1024);

  it.each([
    ['a malformed prison number', 400, 'prisonNumber', { prisonNumber: 'A123BC' }],
    ['an unknown prison code', 400, 'prisonCode', { prisonCode: 'XYZ' }],
    ['an unknown release area', 400, 'releaseAreaCode', { releaseAreaCode: 'NOWHERE_SHIRE' }],
    ['a date that does not exist', 400, 'conditionalReleaseDate', { conditionalReleaseDate: '2026-02-30' }],
    [
      'a CRD before the sentence start date',
      400,
      'conditionalReleaseDate',
      { sentenceStartDate: '2026-06-01', receptionDate: '2026-06-01', conditionalReleaseDate: '2026-05-29' },
    ],
    ['an unknown extra field', 400, 'favouriteColour', { favouriteColour: 'blue' }],
    ['a number where text belongs', 400, 'firstName', { firstName: 42 }],
    ['a string where a list belongs', 400, 'sensitiveFlags', { sensitiveFlags: 'DOMESTIC_ABUSE' }],
    ['a body over 100kb', 413, 'body', { keyworkerName: oversized }],
  ])('refuses POST /women with %s (%d naming %s) and writes nothing', async (_what, status, field, overrides) => {
    // A malformed number is the point of one case; every other case gets a fresh valid one.
    const prisonNumber = 'prisonNumber' in overrides ? String(overrides.prisonNumber) : randomPrisonNumber();
    const before = await written(prisonNumber);

    const response = await prt.api.post('/women', womanBody({ ...overrides, prisonNumber }));

    expect(response.status).toBe(status);
    expect(namesField(response.body, field)).toBe(true);
    expect(await written(prisonNumber)).toEqual(before);
  });

  it('refuses malformed JSON with 400 naming the body and writes nothing', async () => {
    const prisonNumber = randomPrisonNumber();
    const before = await written(prisonNumber);

    const response: ApiResponse<ErrorBody> = await prt.api.send('POST', '/women', undefined, {
      rawBody: `{"prisonNumber": "${prisonNumber}", "firstName": "Test",`,
    });

    expect(response.status).toBe(400);
    expect(namesField(response.body, 'body')).toBe(true);
    expect(await written(prisonNumber)).toEqual(before);
  });

  it.each([
    ['GET', '/women/not-a-uuid', undefined],
    ['PATCH', '/women/not-a-uuid', { firstName: 'Changed' }],
    [
      'POST',
      '/women/12345/assessments',
      {
        kind: 'IMMEDIATE_NEEDS',
        method: 'FACE_TO_FACE',
        outcomes: [{ pathway: 'HEALTH', status: 'SUPPORT_REQUIRED' }],
      },
    ],
    ['GET', '/tasks/not-a-uuid', undefined],
    ['POST', '/tasks/not-a-uuid/claim', undefined],
    ['PATCH', '/tasks/00000000-0000-0000-0000-00000000000g/status', { status: 'DONE', version: 1 }],
  ] as const)('refuses %s %s (a non-UUID id in the path) with 400 naming the parameter', async (method, path, body) => {
    const before = await written(existing.prisonNumber);

    const response = await prt.api.send<ErrorBody>(method, path, body);

    expect(response.status).toBe(400);
    expect(namesField(response.body, path.startsWith('/women/12345') ? 'womanId' : 'id')).toBe(true);
    expect(await written(existing.prisonNumber)).toEqual(before);
  });

  it.each([
    ['a CRD before her sentence start date', 'conditionalReleaseDate', { conditionalReleaseDate: '2026-05-29' }],
    ['a date that does not exist', 'confirmedReleaseDate', { confirmedReleaseDate: '2027-02-30' }],
    ['an unknown release area', 'releaseAreaCode', { releaseAreaCode: 'NOWHERE_SHIRE' }],
    ['an unknown extra field', 'favouriteColour', { favouriteColour: 'blue' }],
    ['a string where a number belongs', 'version', { version: 'one' }],
    ['a COM id that is not a COM', 'comId', { comId: '00000000-0000-4000-8000-000000000000' }],
  ])('refuses PATCH /women/:id with %s (400 naming %s) and leaves her as she was', async (_what, field, patch) => {
    const before = { row: await herState(), written: await written(existing.prisonNumber) };

    const response = await prt.api.patch(`/women/${existing.id}`, patch);

    expect(response.status).toBe(400);
    expect(namesField(response.body, field)).toBe(true);
    expect({ row: await herState(), written: await written(existing.prisonNumber) }).toEqual(before);
  });

  it.each([
    ['an unknown pathway', 'outcomes.0.pathway', [{ pathway: 'ASTROLOGY', status: 'SUPPORT_REQUIRED' }], {}],
    [
      'a pathway twice',
      'outcomes.1.pathway',
      [
        { pathway: 'HEALTH', status: 'SUPPORT_REQUIRED' },
        { pathway: 'HEALTH', status: 'DONE' },
      ],
      {},
    ],
    ['no outcomes', 'outcomes', [], {}],
    [
      'a time in the future',
      'assessedAt',
      [{ pathway: 'HEALTH', status: 'SUPPORT_REQUIRED' }],
      { assessedAt: new Date(Date.now() + 86_400_000).toISOString() },
    ],
  ])('refuses an assessment with %s (400 naming %s) and plans no tasks', async (_what, field, outcomes, extra) => {
    const before = { row: await herState(), written: await written(existing.prisonNumber) };

    const response = await prt.api.post(`/women/${existing.id}/assessments`, {
      kind: 'IMMEDIATE_NEEDS',
      method: 'FACE_TO_FACE',
      outcomes,
      ...extra,
    });

    expect(response.status).toBe(400);
    expect(namesField(response.body, field)).toBe(true);
    expect({ row: await herState(), written: await written(existing.prisonNumber) }).toEqual(before);
  });
});
