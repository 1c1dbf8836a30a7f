/** Words and dates the way the pages show them. */
export const PATHWAY_LABELS: Record<string, string> = {
  ACCOMMODATION: 'Accommodation',
  ATTITUDES_THINKING_AND_BEHAVIOUR: 'Attitudes',
  CHILDREN_FAMILIES_AND_COMMUNITY: 'Family',
  DRUGS_AND_ALCOHOL: 'Drugs and alcohol',
  EDUCATION_SKILLS_AND_WORK: 'Education and work',
  FINANCE_AND_ID: 'Finance and ID',
  HEALTH: 'Health',
  DOMESTIC_ABUSE: 'Domestic abuse',
  SEX_WORK: 'Sex work',
};

export const ROLE_LABELS: Record<string, string> = {
  PRE_RELEASE_TEAM: 'Pre-release team',
  POM: 'Prison offender manager',
  COM: 'Community offender manager',
  CRS_CASEWORKER: 'CRS caseworker',
  GOVERNOR: 'Governor',
  REGIONAL_MANAGER: 'Regional manager',
  ADMIN: 'Administrator',
};

export type Schedule = 'OVERDUE' | 'AT_RISK' | 'ON_TRACK';

/** Status is never shown by colour alone: every state has its words and its symbol. */
export const SCHEDULE_LABELS: Record<Schedule, { text: string; icon: string }> = {
  OVERDUE: { text: 'Overdue', icon: '✖' },
  AT_RISK: { text: 'At risk', icon: '▲' },
  ON_TRACK: { text: 'On track', icon: '✔' },
};

export function formatDate(iso: string | null): string {
  if (!iso) return 'not known';
  return new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

export function daysUntil(iso: string | null, today = new Date()): number | null {
  if (!iso) return null;
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) - start) / 86_400_000);
}

/** The Monday of the week a date falls in, for grouping the board by release week. */
export function weekOf(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  const back = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - back);
  return date.toISOString().slice(0, 10);
}
