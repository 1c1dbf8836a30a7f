/**
 * Provider accountability counts returns and withdrawals by their reason code, per provider: referrals withdrawn
 * and returned through the API with codes, then read back in the JSON report, its CSV export, and by the provider
 * that sees its own figures only.
 */
import { parse } from 'csv-parse/sync';
import { Role } from '@app/domain';
import type { ReferralDetailView, ReportResult } from '@app/contracts';
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

const ACCOMMODATION = { pathway: 'ACCOMMODATION', complexity: 'LOW', desiredOutcomes: ['An address on release'] };
const RISK = { roshLevel: 'LOW', riskSummary: 'No known risk to others' };

type Row = Record<string, string | number | null>;

describe('provider accountability by reason code', () => {
  let api: TestApi;
  let provider: TestProvider;
  let otherProvider: TestProvider;
  let com: SignedInUser;
  let prt: SignedInUser;
  let caseworker: SignedInUser;
  let otherCaseworker: SignedInUser;
  let areaCode: string;
  let otherAreaCode: string;

  beforeAll(async () => {
    api = await startTestApi();
    [provider, otherProvider] = await Promise.all([createProvider(api.dataSource), createProvider(api.dataSource)]);
    areaCode = (await createReleaseArea(api.dataSource, provider.id)).code;
    otherAreaCode = (await createReleaseArea(api.dataSource, otherProvider.id)).code;
    const make = (role: Role, extra: { prisonCodes?: string[]; providerId?: string } = {}) =>
      createSignedInUser(api.dataSource, api.baseUrl, { role, ...extra });
    [com, prt, caseworker, otherCaseworker] = await Promise.all([
      make(Role.COM),
      make(Role.PRE_RELEASE_TEAM, { prisonCodes: ['STI'] }),
      make(Role.CRS_CASEWORKER, { providerId: provider.id }),
      make(Role.CRS_CASEWORKER, { providerId: otherProvider.id }),
    ]);

    // Her provider: withdrawn twice as not engaged, once as moved, once for another reason; returned once for
    // missing risk information (then sent again). The other provider: one withdrawal, returned to custody.
    const withdraw = async (area: string, reasonCode: string, reason?: string) => {
      const referral = await sent(area);
      ok(await com.api.post(`/referrals/${referral.id}/withdraw`, { reasonCode, reason }));
    };
    await withdraw(areaCode, 'NOT');
    await withdraw(areaCode, 'NOT', 'Missed three first appointments');
    await withdraw(areaCode, 'MOV', 'Moving to her sister in Cardiff');
    await withdraw(areaCode, 'ANO', 'She asked to stop');
    const returned = await sent(areaCode);
    ok(await caseworker.api.post(`/referrals/${returned.id}/return`, { reasonCode: 'RISK_INFORMATION' }));
    ok(await com.api.post(`/referrals/${returned.id}/send`, {}));
    await withdraw(otherAreaCode, 'RET');
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

  async function sent(area: string): Promise<ReferralDetailView> {
    const woman = await createWoman(api.baseUrl, prt.token, { releaseAreaCode: area, comId: com.id });
    const draft = ok(
      await com.api.post<ReferralDetailView>(`/women/${woman.id}/referrals`, {
        pathways: [ACCOMMODATION],
        riskInformation: RISK,
      }),
    );
    return ok(await com.api.post<ReferralDetailView>(`/referrals/${draft.id}/send`, {}));
  }

  function byCode(report: ReportResult): Row[] {
    const found = report.tables.find((t) => t.key === 'reasonCodes');
    if (!found) throw new Error('no reasonCodes table');
    return found.rows;
  }

  it('counts her provider’s withdrawals and returns by code, with the code’s words and group', async () => {
    const report = ok(await caseworker.api.get<ReportResult>('/reports/provider-accountability'));
    const rows = byCode(report).map((r) => [r.kind, r.reasonCode, r.reasonLabel, r.reasonGroup, r.count]);
    expect(rows).toEqual([
      ['Returned', 'RISK_INFORMATION', 'Risk information missing or incomplete', null, 1],
      ['Withdrawn', 'NOT', 'Not engaged', 'Her circumstances changed', 2],
      ['Withdrawn', 'ANO', 'Any other change of circumstance', 'Other', 1],
      ['Withdrawn', 'MOV', 'Moved out of service area', 'Her circumstances changed', 1],
    ]);
    // The provider sees only its own figures: the other provider's "returned to custody" is not among them.
    expect(new Set(byCode(report).map((r) => r.provider))).toEqual(new Set([byCode(report)[0].provider]));
    const other = ok(await otherCaseworker.api.get<ReportResult>('/reports/provider-accountability'));
    expect(byCode(other).map((r) => [r.kind, r.reasonCode, r.reasonGroup, r.count])).toEqual([
      ['Withdrawn', 'RET', 'Her sentence changed', 1],
    ]);
  });

  it('exports the counts by code as CSV, the same as the table on screen', async () => {
    const report = ok(await caseworker.api.get<ReportResult>('/reports/provider-accountability'));
    const csv = await caseworker.api.get<string>('/reports/provider-accountability?format=csv&table=reasonCodes');
    expect(csv.status).toBe(200);
    const parsed: string[][] = parse(csv.body);
    const columns = report.tables.find((t) => t.key === 'reasonCodes')!.columns;
    expect(parsed[0]).toEqual(['CRS provider', 'Returned or withdrawn', 'Code', 'Reason', 'Group', 'Times']);
    expect(parsed.slice(1)).toEqual(
      byCode(report).map((r) => columns.map((c) => (r[c.key] === null ? '' : String(r[c.key])))),
    );
    expect(parsed.slice(1).map((r) => [r[2], r[5]])).toContainEqual(['NOT', '2']);
  });
});
