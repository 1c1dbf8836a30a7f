import { ReportKind, resolveReportScope } from './report-scope';
import { Role } from './roles';

const REGIONS: Record<string, string[]> = { KSS: ['BZI', 'ESI', 'SDI'], NORTH_WEST: ['STI'] };
const prisonsOf = (code: string) => REGIONS[code] ?? [];
const reader = (role: Role, prisonCodes: string[] = [], providerId: string | null = null) => ({
  role,
  prisonCodes,
  providerId,
});

describe('resolveReportScope', () => {
  it('gives an admin the whole estate, a region or a prison', () => {
    const admin = reader(Role.ADMIN);
    expect(resolveReportScope(admin, ReportKind.OVERDUE_WORK, {}, prisonsOf)).toEqual({
      ok: true,
      scope: { prisonCodes: null, providerId: null, label: 'the whole estate' },
    });
    expect(resolveReportScope(admin, ReportKind.ALERTS, { regionCode: 'KSS' }, prisonsOf)).toMatchObject({
      ok: true,
      scope: { prisonCodes: ['BZI', 'ESI', 'SDI'] },
    });
    expect(resolveReportScope(admin, ReportKind.ALERTS, { prisonCode: 'STI' }, prisonsOf)).toMatchObject({
      ok: true,
      scope: { prisonCodes: ['STI'] },
    });
  });

  it('keeps a governor to her own prisons and refuses another prison or a region she does not hold whole', () => {
    const governor = reader(Role.GOVERNOR, ['STI']);
    expect(resolveReportScope(governor, ReportKind.OVERDUE_WORK, {}, prisonsOf)).toMatchObject({
      ok: true,
      scope: { prisonCodes: ['STI'] },
    });
    expect(
      resolveReportScope(governor, ReportKind.OVERDUE_WORK, { regionCode: 'NORTH_WEST' }, prisonsOf),
    ).toMatchObject({ ok: true, scope: { prisonCodes: ['STI'] } });
    expect(resolveReportScope(governor, ReportKind.OVERDUE_WORK, { prisonCode: 'BZI' }, prisonsOf)).toEqual({
      ok: false,
      status: 403,
      field: 'prison',
      message: 'BZI is not one of your prisons',
    });
    expect(resolveReportScope(governor, ReportKind.OVERDUE_WORK, { regionCode: 'KSS' }, prisonsOf)).toMatchObject({
      ok: false,
      status: 403,
      field: 'region',
    });
  });

  it('lets a regional manager read her region', () => {
    const manager = reader(Role.REGIONAL_MANAGER, ['BZI', 'ESI', 'SDI']);
    expect(resolveReportScope(manager, ReportKind.ALERTS, { regionCode: 'KSS' }, prisonsOf)).toMatchObject({
      ok: true,
      scope: { prisonCodes: ['BZI', 'ESI', 'SDI'], label: 'KSS' },
    });
    expect(resolveReportScope(manager, ReportKind.ALERTS, { regionCode: 'NORTH_WEST' }, prisonsOf)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('limits a CRS provider to its own accountability figures', () => {
    const caseworker = reader(Role.CRS_CASEWORKER, [], 'provider-1');
    expect(resolveReportScope(caseworker, ReportKind.PROVIDER_ACCOUNTABILITY, {}, prisonsOf)).toEqual({
      ok: true,
      scope: { prisonCodes: null, providerId: 'provider-1', label: 'your provider' },
    });
    expect(resolveReportScope(caseworker, ReportKind.OVERDUE_WORK, {}, prisonsOf)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('refuses casework roles, and answers 400 for an unknown region or two scopes at once', () => {
    for (const role of [Role.PRE_RELEASE_TEAM, Role.POM, Role.COM]) {
      expect(resolveReportScope(reader(role, ['STI']), ReportKind.OVERDUE_WORK, {}, prisonsOf)).toMatchObject({
        ok: false,
        status: 403,
      });
    }
    const admin = reader(Role.ADMIN);
    expect(resolveReportScope(admin, ReportKind.ALERTS, { regionCode: 'ATLANTIS' }, prisonsOf)).toEqual({
      ok: false,
      status: 400,
      field: 'region',
      message: "'ATLANTIS' is not a region",
    });
    expect(
      resolveReportScope(admin, ReportKind.ALERTS, { regionCode: 'KSS', prisonCode: 'STI' }, prisonsOf),
    ).toMatchObject({ ok: false, status: 400 });
  });
});
