/**
 * Who may read which report, for which prisons (recommendations 1 and 6: leaders hold people to account with
 * data). Governors read their prisons, regional managers their region, admins the whole estate, and a CRS
 * provider only its own accountability figures. The answer is the set of prisons the figures cover.
 */
import { isOversightRole, Role } from './roles';
import { ReportKind } from '@app/contracts';
export { ReportKind } from '@app/contracts';

export interface ReportReader {
  role: Role;
  prisonCodes: readonly string[];
  providerId: string | null;
}

export interface ReportScopeRequest {
  prisonCode?: string;
  regionCode?: string;
}

/** The prisons a report covers (null: the whole estate), and the one provider it is limited to, if any. */
export interface ReportScope {
  prisonCodes: readonly string[] | null;
  providerId: string | null;
  label: string;
}

export type ReportScopeResult =
  { ok: true; scope: ReportScope } | { ok: false; status: 400 | 403; field?: string; message: string };

const refuse = (message: string, field?: string): ReportScopeResult => ({ ok: false, status: 403, field, message });

/** `prisonsOfRegion` answers the prisons a region holds (empty for an unknown region). */
export function resolveReportScope(
  reader: ReportReader,
  kind: ReportKind,
  request: ReportScopeRequest,
  prisonsOfRegion: (regionCode: string) => readonly string[],
): ReportScopeResult {
  if (request.prisonCode !== undefined && request.regionCode !== undefined) {
    return { ok: false, status: 400, field: 'region', message: 'Ask for one prison or one region, not both' };
  }
  const regionPrisons = request.regionCode === undefined ? null : prisonsOfRegion(request.regionCode);
  if (regionPrisons !== null && regionPrisons.length === 0) {
    return { ok: false, status: 400, field: 'region', message: `'${request.regionCode}' is not a region` };
  }

  if (reader.role === Role.CRS_CASEWORKER) {
    if (kind !== ReportKind.PROVIDER_ACCOUNTABILITY || reader.providerId === null) {
      return refuse('CRS providers see their own accountability figures only');
    }
    if (request.prisonCode !== undefined || request.regionCode !== undefined) {
      return refuse('CRS providers see their accountability figures for the whole estate only', 'prison');
    }
    return { ok: true, scope: { prisonCodes: null, providerId: reader.providerId, label: 'your provider' } };
  }

  if (reader.role === Role.ADMIN) {
    if (request.prisonCode !== undefined) {
      return { ok: true, scope: { prisonCodes: [request.prisonCode], providerId: null, label: request.prisonCode } };
    }
    if (regionPrisons !== null) {
      return { ok: true, scope: { prisonCodes: regionPrisons, providerId: null, label: request.regionCode as string } };
    }
    return { ok: true, scope: { prisonCodes: null, providerId: null, label: 'the whole estate' } };
  }

  if (!isOversightRole(reader.role)) {
    return refuse('Reports are for governors, regional managers, admins and CRS providers');
  }
  const own = new Set(reader.prisonCodes);
  if (request.prisonCode !== undefined) {
    return own.has(request.prisonCode)
      ? { ok: true, scope: { prisonCodes: [request.prisonCode], providerId: null, label: request.prisonCode } }
      : refuse(`${request.prisonCode} is not one of your prisons`, 'prison');
  }
  if (regionPrisons !== null) {
    return regionPrisons.every((code) => own.has(code))
      ? { ok: true, scope: { prisonCodes: regionPrisons, providerId: null, label: request.regionCode as string } }
      : refuse(`The ${request.regionCode} region holds prisons that are not yours`, 'region');
  }
  return { ok: true, scope: { prisonCodes: [...reader.prisonCodes], providerId: null, label: 'your prisons' } };
}
