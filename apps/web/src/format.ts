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

/** The roles that own tasks, in the order the board's filter lists them. */
export const OWNER_ROLES = ['PRE_RELEASE_TEAM', 'POM', 'COM', 'CRS_CASEWORKER'] as const;

/** Short names for the board's filter, as the staff say them. */
export const ROLE_SHORT_LABELS: Record<string, string> = {
  PRE_RELEASE_TEAM: 'Pre-release team',
  POM: 'POM',
  COM: 'COM',
  CRS_CASEWORKER: 'CRS caseworker',
};

export const ALERT_KIND_LABELS: Record<string, string> = {
  AT_RISK: 'At risk',
  OVERDUE: 'Overdue',
  ESCALATED: 'Escalated',
};

/** An alert's kind as a schedule state, for its tag: escalations are overdue tasks that climbed the ladder. */
export function alertSchedule(kind: string): Schedule {
  return kind === 'AT_RISK' ? 'AT_RISK' : 'OVERDUE';
}

/** 'Overdue', 'Escalated (level 2)'. */
export function alertKindText(alert: { kind: string; level: number }): string {
  return `${ALERT_KIND_LABELS[alert.kind] ?? alert.kind}${alert.level > 0 ? ` (level ${alert.level})` : ''}`;
}

export function personLabel(woman: { firstName: string; lastName: string; prisonNumber: string }): string {
  return `${woman.firstName} ${woman.lastName} (${woman.prisonNumber})`;
}

export const TASK_STATUS_LABELS: Record<string, string> = {
  TODO: 'To do',
  IN_PROGRESS: 'In progress',
  BLOCKED: 'Blocked',
  DONE: 'Done',
  NOT_NEEDED: 'Not needed',
};

/** What a card says for each warning; her panel gives the whole message. */
export const WARNING_SHORT_LABELS: Record<string, string> = {
  NI_NUMBER_TOO_LATE: 'NI number: too late for the normal route, apply now',
  RELEASE_BEFORE_CLOSED_DAYS: 'Released just before a weekend or bank holiday',
};

export function words(code: string): string {
  return code.replaceAll('_', ' ').toLowerCase();
}

export type Schedule = 'OVERDUE' | 'AT_RISK' | 'ON_TRACK';

/** Status is never shown by colour alone: every state has its words and its symbol. */
export const SCHEDULE_LABELS: Record<Schedule, { text: string; icon: string }> = {
  OVERDUE: { text: 'Overdue', icon: '✖' },
  AT_RISK: { text: 'At risk', icon: '▲' },
  ON_TRACK: { text: 'On track', icon: '✔' },
};

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

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

/** A referral's pathways in words, for its heading. */
export function pathwayList(pathways: readonly { pathway: string }[]): string {
  return pathways.map((p) => PATHWAY_LABELS[p.pathway] ?? p.pathway).join(', ');
}
