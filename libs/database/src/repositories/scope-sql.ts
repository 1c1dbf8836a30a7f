/** Turns an access scope into a SQL condition on a women alias, so lists, counts and details filter alike. */
import { AccessScope } from '@app/domain';

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

export function womenScopeCondition(scope: AccessScope, womanAlias: string): SqlCondition {
  switch (scope.kind) {
    case 'ESTATE':
      return { sql: 'TRUE', params: {} };
    case 'PRISONS':
      return {
        sql: `${womanAlias}.prison_code = ANY(:scopePrisonCodes)`,
        params: { scopePrisonCodes: [...scope.prisonCodes] },
      };
    case 'PROVIDER':
      return {
        sql: `${womanAlias}.release_area_code IN (SELECT code FROM release_areas WHERE provider_id = :scopeProviderId)`,
        params: { scopeProviderId: scope.providerId },
      };
    case 'COM_CASELOAD':
      if (scope.unallocatedInArea !== undefined) {
        // A COM team manager also sees her area's women who still need a COM allocated (access-scope.ts).
        return {
          sql: `(${womanAlias}.com_id = :scopeComUserId OR (${womanAlias}.com_id IS NULL AND ${womanAlias}.release_area_code = :scopeUnallocatedArea))`,
          params: { scopeComUserId: scope.comUserId, scopeUnallocatedArea: scope.unallocatedInArea },
        };
      }
      return { sql: `${womanAlias}.com_id = :scopeComUserId`, params: { scopeComUserId: scope.comUserId } };
  }
}
