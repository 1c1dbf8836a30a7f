/** Turns an access scope into a SQL condition on a women alias, so lists, counts and details filter alike. */
import { EntityManager } from 'typeorm';
import { AccessScope } from '@app/domain';

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The release areas a provider serves, read before a big query so that its plan sees the values: behind a subquery
 * the planner took a provider's 17,000 women for 300 and read every task of each (700 ms for a caseworker's queue).
 */
export async function providerAreaCodes(manager: EntityManager, providerId: string): Promise<string[]> {
  const rows: { code: string }[] = await manager.query('SELECT code FROM release_areas WHERE provider_id = $1', [
    providerId,
  ]);
  return rows.map((r) => r.code);
}

/**
 * `womanAlias`: the row holding her columns; for a provider's scope, whose only column is her release area, a task
 * will do (it carries her release_area_code). `providerAreas`: the provider's release areas when the caller has read
 * them (providerAreaCodes).
 */
export function womenScopeCondition(
  scope: AccessScope,
  womanAlias: string,
  providerAreas?: readonly string[],
): SqlCondition {
  switch (scope.kind) {
    case 'ESTATE':
      return { sql: 'TRUE', params: {} };
    case 'PRISONS':
      return {
        sql: `${womanAlias}.prison_code = ANY(:scopePrisonCodes)`,
        params: { scopePrisonCodes: [...scope.prisonCodes] },
      };
    case 'PROVIDER':
      if (providerAreas) {
        return {
          sql: `${womanAlias}.release_area_code = ANY(:scopeAreaCodes)`,
          params: { scopeAreaCodes: [...providerAreas] },
        };
      }
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
