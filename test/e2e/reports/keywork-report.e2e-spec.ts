/**
 * The governor's keywork report (issue 16 point 4, recommendation 7), on a prison of the suite's own: sessions in
 * the period, women with no session in it, women with keywork overdue now (each against her own target) and the
 * share within target; the same rows as CSV; a governor elsewhere and a CRS provider refused.
 */
import { Role } from '@app/domain';
import type { ReportResult } from '@app/contracts';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  createPrison,
  daysFromToday,
  insertWoman,
  today,
} from '../../factories';

describe('keywork report (issue 16 point 4)', () => {
  let api: TestApi;
  let prison: string;
  let pom: SignedInUser;
  let governor: SignedInUser;
  let governorElsewhere: SignedInUser;
  let crs: SignedInUser;

  beforeAll(async () => {
    api = await startTestApi();
    const ds = api.dataSource;
    prison = await createPrison(ds, null);
    const provider = await createProvider(ds);
    const area = await createReleaseArea(ds, provider.id);
    [pom, governor, governorElsewhere, crs] = await Promise.all([
      createSignedInUser(ds, api.baseUrl, { role: Role.POM, prisonCodes: [prison] }),
      createSignedInUser(ds, api.baseUrl, { role: Role.GOVERNOR, prisonCodes: [prison] }),
      createSignedInUser(ds, api.baseUrl, { role: Role.GOVERNOR, prisonCodes: ['STI'] }),
      createSignedInUser(ds, api.baseUrl, { role: Role.CRS_CASEWORKER, providerId: provider.id }),
    ]);
    // Three women in custody there since 2025 and one released from it (not counted as in custody).
    const [seenToday, neverSeen, monthly] = await Promise.all([
      insertWoman(ds, { prisonCode: prison, releaseAreaCode: area.code }),
      insertWoman(ds, { prisonCode: prison, releaseAreaCode: area.code }),
      insertWoman(ds, { prisonCode: prison, releaseAreaCode: area.code }),
      insertWoman(ds, { prisonCode: prison, releaseAreaCode: area.code, releasedOn: daysFromToday(-30) }),
    ]);
    const record = async (womanId: string, sessionOn: string) => {
      const response = await pom.api.post(`/women/${womanId}/keywork/sessions`, { sessionOn, keyworkerName: 'Kim' });
      if (response.status !== 201) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    };
    await record(seenToday, today());
    // Seen 20 days ago: overdue on the default weekly target, within target once it is set to four weeks.
    await record(monthly, daysFromToday(-20));
    const target = await pom.api.put(`/women/${monthly}/keywork/target`, { frequencyWeeks: 4 });
    expect(target.status).toBe(200);
    expect(neverSeen).toBeDefined();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('counts sessions, women without one, women overdue now and the share within target, per prison', async () => {
    const response = await governor.api.get<ReportResult>(`/reports/keywork?prison=${prison}`);
    expect(response.status).toBe(200);
    expect(response.body.report).toBe('KEYWORK');
    const byPrison = response.body.tables.find((t) => t.key === 'byPrison');
    expect(byPrison?.rows).toEqual([
      {
        prison: `Test prison ${prison}`,
        prisonCode: prison,
        womenInCustody: 3,
        sessions: 2,
        womenSeen: 2,
        sessionsPerWoman: 0.7,
        womenWithoutSession: 1,
        womenOverdue: 1,
        withinTargetRate: 66.7,
      },
    ]);
    // A period that ends before the sessions counts none of them, and the woman seen today as without one.
    const earlier = await governor.api.get<ReportResult>(
      `/reports/keywork?prison=${prison}&from=${daysFromToday(-60)}&to=${daysFromToday(-30)}`,
    );
    const row = earlier.body.tables.find((t) => t.key === 'byPrison')?.rows[0];
    expect(row).toMatchObject({ sessions: 0, womenWithoutSession: 3 });
  });

  it('exports the same rows as CSV', async () => {
    const response = await governor.api.get<string>(`/reports/keywork?prison=${prison}&format=csv&table=byPrison`);
    expect(response.status).toBe(200);
    const text = String(response.body);
    expect(text.split('\n')[0]).toContain('Women with keywork overdue now');
    expect(text).toContain(`Test prison ${prison},${prison},3,2,2,0.7,1,1,66.7`);
  });

  it('refuses a governor of another prison and a CRS provider', async () => {
    expect((await governorElsewhere.api.get(`/reports/keywork?prison=${prison}`)).status).toBe(403);
    expect((await crs.api.get('/reports/keywork')).status).toBe(403);
    expect((await governor.api.get(`/reports/keywork?prison=${prison}&from=not-a-date`)).status).toBe(400);
  });
});
