/** CRS work for a woman that a CRS caseworker may see: the suites that check a provider's scope share it. */
import { Role } from '@app/domain';
import { DataSource } from 'typeorm';
import { CatalogueEntry } from './casework.factory';
import { uniqueSuffix } from './unique';

/** Pathways whose tasks only the roles that need them see (libs/domain visibility-policy.ts). */
export const SENSITIVE_PATHWAYS = ['DOMESTIC_ABUSE', 'SEX_WORK', 'HEALTH'];

/** A catalogue entry a CRS caseworker owns and may see, planned for any woman whose need is recorded. */
export function crsCatalogueEntry(catalogue: CatalogueEntry[]): CatalogueEntry | undefined {
  return catalogue.find(
    (e) =>
      e.active &&
      e.ownerRole === (Role.CRS_CASEWORKER as string) &&
      !e.eligibility.requiresFlag &&
      !SENSITIVE_PATHWAYS.includes(e.pathway),
  );
}

/**
 * A CRS task added for her straight into the table, as an import would (for a catalogue without a CRS entry, or to
 * add work outside the planner): it names no release area. Its id.
 */
export async function insertCrsTask(dataSource: DataSource, womanId: string, pathway: string): Promise<string> {
  const [row] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO tasks (woman_id, pathway, template_key, title, description, owner_role, status)
     VALUES ($1, $2, $3, 'CRS support (e2e)', 'Test-only task', 'CRS_CASEWORKER', 'TODO') RETURNING id`,
    [womanId, pathway, `E2E_CRS_${uniqueSuffix()}`],
  );
  return row.id;
}
