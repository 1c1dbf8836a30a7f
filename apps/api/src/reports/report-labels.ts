/** Words for codes in report tables: people read "Finance and ID", not FINANCE_AND_ID. */
import { Role } from '@app/domain';

const ROLE_LABELS: Record<string, string> = {
  [Role.PRE_RELEASE_TEAM]: 'Pre-release team',
  [Role.POM]: 'Prison offender manager',
  [Role.COM]: 'Community offender manager',
  [Role.CRS_CASEWORKER]: 'CRS provider',
  [Role.GOVERNOR]: 'Governor',
  [Role.REGIONAL_MANAGER]: 'Regional manager',
  [Role.ADMIN]: 'Admin',
};

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}

/** FINANCE_AND_ID -> "Finance and ID"; EDUCATION_SKILLS_AND_WORK -> "Education skills and work". */
export function codeLabel(code: string): string {
  const words = code.toLowerCase().split('_');
  return words.map((w, i) => (w === 'id' ? 'ID' : i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');
}

/** Names of the prisons, release areas and providers a report mentions, looked up once per report. */
export interface ReportNames {
  prison(code: string | null): string;
  team(ownerRole: string, key: string | null): string;
  provider(id: string | null): string;
}
