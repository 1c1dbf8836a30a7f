/**
 * The API's answers do not depend on its process's time zone. Dates (a release date) are calendar days and
 * instants are written in UTC, so an API run with TZ=Europe/London, as a UK deployment may well be, must answer
 * exactly as one run in UTC. The case that once differed: pg turns a `date` column read without a cast into a Date
 * at local midnight, and in British Summer Time that midnight is the day before in UTC, so a referral showed its
 * woman's release date a day early. Then, for every GET operation of the OpenAPI document on the policy fixture,
 * as every role, an API 14 hours ahead of UTC (Pacific/Kiritimati: every local midnight is the day before in UTC,
 * in any season) must answer as the one in UTC. The APIs are real processes against this run's database.
 */
import { Role } from '@app/domain';
import type { Page, ReferralDetailView, ReferralView, WomanDetailView } from '@app/contracts';
import { ApiClient } from '../../setup/api-client';
import { AppProcess, startApp } from '../../setup/app-process';
import { expandOperation, readGetOperations } from '../../setup/get-operations';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  ORACLE_USERS,
  OracleUser,
  PolicyFixture,
  SignedInUser,
  buildPolicyFixture,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  createWoman,
} from '../../factories';

/** A Tuesday in British Summer Time (UTC+1), in the year after this suite's data. */
function summerReleaseDate(): string {
  const year = new Date().getUTCFullYear() + 1;
  const day = new Date(Date.UTC(year, 5, 15));
  while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

jest.setTimeout(300_000);

/** Answers that differ between two processes whatever their time zones: each process's own state. */
const PER_PROCESS = new Set(['/metrics', '/health/live', '/health/ready']);

/**
 * An answer with the one field that is the moment of asking taken out: a report's `generatedAt` (its CSV tables
 * carry only the table). Everything else must match to the character.
 */
function comparable(answer: { status: number; text: string }): string {
  return `${answer.status} ${answer.text.replace(/"generatedAt":"[^"]*"/g, '"generatedAt":"…"')}`;
}

describe('the API in another time zone', () => {
  let fixtures: TestApi;
  let inUtc: AppProcess;
  let inLondon: AppProcess;
  let aheadOfUtc: AppProcess;
  let policyFixture: PolicyFixture;
  let prt: SignedInUser;
  let com: SignedInUser;
  let caseworker: SignedInUser;
  let womanId: string;
  let referralId: string;

  beforeAll(async () => {
    fixtures = await startTestApi();
    [inUtc, inLondon, aheadOfUtc] = await Promise.all([
      startApp('api', { TZ: 'UTC' }),
      startApp('api', { TZ: 'Europe/London' }),
      startApp('api', { TZ: 'Pacific/Kiritimati' }),
    ]);
    policyFixture = await buildPolicyFixture(fixtures.dataSource, fixtures.baseUrl);
    const provider = await createProvider(fixtures.dataSource);
    const area = await createReleaseArea(fixtures.dataSource, provider.id);
    const make = (role: Role, extra: { prisonCodes?: string[]; providerId?: string } = {}) =>
      createSignedInUser(fixtures.dataSource, fixtures.baseUrl, { role, ...extra });
    [prt, com, caseworker] = await Promise.all([
      make(Role.PRE_RELEASE_TEAM, { prisonCodes: ['STI'] }),
      make(Role.COM),
      make(Role.CRS_CASEWORKER, { providerId: provider.id }),
    ]);
    const woman = await createWoman(fixtures.baseUrl, prt.token, {
      releaseAreaCode: area.code,
      comId: com.id,
      conditionalReleaseDate: summerReleaseDate(),
    });
    womanId = woman.id;
    const draft = await com.api.post<ReferralDetailView>(`/women/${womanId}/referrals`, {
      pathways: [{ pathway: 'ACCOMMODATION', complexity: 'HIGH', desiredOutcomes: ['A settled address'] }],
      riskInformation: { roshLevel: 'MEDIUM', riskSummary: 'None known to the prison' },
    });
    expect(draft.status).toBe(201);
    referralId = draft.body.id;
    expect((await com.api.post(`/referrals/${referralId}/send`, {})).status).toBe(200);
  });

  afterAll(async () => {
    await Promise.all([inUtc, inLondon, aheadOfUtc].map((app) => app?.stop()));
    await fixtures?.close();
  });

  async function bothAnswers<T>(user: SignedInUser, route: string): Promise<[T, T]> {
    const [utc, london] = await Promise.all(
      [inUtc, inLondon].map((app) => new ApiClient(app.url, user.token).get<T>(route)),
    );
    expect([route, utc.status, london.status]).toEqual([route, 200, 200]);
    return [utc.body, london.body];
  }

  it('gives her release date in British Summer Time as she has it, not the day before', async () => {
    const [woman] = await bothAnswers<WomanDetailView>(prt, `/women/${womanId}`);
    expect(woman.releaseDate?.slice(5, 7)).toMatch(/0[4-9]/);
    const [, listed] = await bothAnswers<Page<ReferralView>>(caseworker, '/referrals?limit=50');
    const [, detail] = await bothAnswers<ReferralDetailView>(caseworker, `/referrals/${referralId}`);
    expect({ listed: listed.items.map((r) => r.releaseDate), detail: detail.releaseDate }).toEqual({
      listed: [woman.releaseDate],
      detail: woman.releaseDate,
    });
  });

  it.each([
    ['the pre-release team', () => prt, () => `/women/${womanId}`],
    ['the COM', () => com, () => `/referrals/${referralId}`],
    ['the COM', () => com, () => `/referrals?womanId=${womanId}`],
    ['the caseworker', () => caseworker, () => `/referrals/${referralId}`],
    ['the caseworker', () => caseworker, () => '/referrals?limit=50'],
    ['the caseworker', () => caseworker, () => '/tasks?limit=50'],
    ['the pre-release team', () => prt, () => `/women/${womanId}/release-day`],
  ])('answers %s the same in both (%#)', async (_who, user, route) => {
    const [utc, london] = await bothAnswers<unknown>(user(), route());
    expect(london).toEqual(utc);
  });

  it.each(ORACLE_USERS)('answers %s every GET operation the same 14 hours ahead of UTC', async (name: OracleUser) => {
    const user = policyFixture.users[name];
    const operations = (await readGetOperations(inUtc.url)).filter((o) => !PER_PROCESS.has(o.path));
    const read = async (app: AppProcess, path: string) => {
      const response = await fetch(`${app.url}${path}`, {
        headers: { authorization: `Bearer ${user.token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(20_000),
      });
      return { status: response.status, text: await response.text() };
    };
    const differing: string[] = [];
    let compared = 0;
    const compare = async (path: string) => {
      const [utc, ahead] = await Promise.all([read(inUtc, path), read(aheadOfUtc, path)]);
      compared += 1;
      const [a, b] = [comparable(utc), comparable(ahead)];
      if (a !== b) differing.push(`${path}\n  UTC:   ${a.slice(0, 400)}\n  +14h: ${b.slice(0, 400)}`);
      return utc;
    };
    for (const operation of operations) {
      for (const path of expandOperation(policyFixture, operation)) {
        const answer = await compare(path);
        // A report's tables as CSV too, where dates are written out as text.
        if (answer.status !== 200 || !operation.queryParams.includes('format')) continue;
        for (const { key } of (JSON.parse(answer.text) as { tables: { key: string }[] }).tables) {
          await compare(`${path}${path.includes('?') ? '&' : '?'}format=csv&table=${key}`);
        }
      }
    }
    expect(differing).toEqual([]);
    expect(compared).toBeGreaterThan(50);
  });
});
