/** Words and dates the way the pages show them. */
import { AlertKind, Role, ScheduleState } from '@app/contracts';

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
  [Role.PRE_RELEASE_TEAM]: 'Pre-release team',
  [Role.POM]: 'Prison offender manager',
  [Role.COM]: 'Community offender manager',
  [Role.CRS_CASEWORKER]: 'CRS caseworker',
  [Role.GOVERNOR]: 'Governor',
  [Role.REGIONAL_MANAGER]: 'Regional manager',
  [Role.ADMIN]: 'Administrator',
} satisfies Record<Role, string>;

/** The roles that own tasks, in the order the board's filter lists them. */
export const OWNER_ROLES = [Role.PRE_RELEASE_TEAM, Role.POM, Role.COM, Role.CRS_CASEWORKER] as const;

/** Short names for the board's filter, as the staff say them (POM and COM are the words they use). */
export const ROLE_SHORT_LABELS: Record<string, string> = {
  [Role.PRE_RELEASE_TEAM]: 'Pre-release team',
  [Role.POM]: Role.POM,
  [Role.COM]: Role.COM,
  [Role.CRS_CASEWORKER]: 'CRS caseworker',
};

export const ALERT_KIND_LABELS: Record<string, string> = {
  AT_RISK: 'At risk',
  OVERDUE: 'Overdue',
  ESCALATED: 'Escalated',
};

/** An alert's kind as a schedule state, for its tag: escalations are overdue tasks that climbed the ladder. */
export function alertSchedule(kind: AlertKind): Schedule {
  return kind === AlertKind.AT_RISK ? ScheduleState.AT_RISK : ScheduleState.OVERDUE;
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
  RELEASE_BEFORE_CLOSED_DAYS: 'Still walks out just before a weekend or bank holiday',
};

export function words(code: string): string {
  return code.replaceAll('_', ' ').toLowerCase();
}

export type Schedule = ScheduleState;

/** Status is never shown by colour alone: every state has its words and its symbol. */
export const SCHEDULE_LABELS: Record<Schedule, { text: string; icon: string }> = {
  [ScheduleState.OVERDUE]: { text: 'Overdue', icon: '✖' },
  [ScheduleState.AT_RISK]: { text: 'At risk', icon: '▲' },
  [ScheduleState.ON_TRACK]: { text: 'On track', icon: '✔' },
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

/** A day as a card shows it: "Fri 18 Dec". */
export function formatShortDate(iso: string): string {
  return new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
}

/**
 * Why she walks out on the day she does, in a few words (the API's releaseDayRule; the law is CJA 1961 s.23(3)
 * and s.23(3B), see the README's "Day of release"). NOT_MOVED says nothing: her release is as scheduled.
 */
export const RELEASE_DAY_RULE_SHORT_LABELS: Record<string, string> = {
  WEEKEND_OR_BANK_HOLIDAY: 'weekend or bank holiday rule',
  FRIDAY_OR_PRE_BANK_HOLIDAY: 'Friday release rule',
  COM_REQUEST: "Friday release rule, a day more at her COM's request",
  EXCLUDED_HDC: 'Friday release rule not applied: HDC',
  EXCLUDED_INDETERMINATE: 'Friday release rule not applied: indeterminate sentence',
  EXCLUDED_PAROLE_BOARD: 'Friday release rule not applied: Parole Board release',
  EXCLUDED_NOT_SENTENCED: 'Friday release rule not applied: not sentenced',
  EXCLUDED_UNDER_28_DAYS: 'Friday release rule not applied: under 28 days served',
  EXCLUDED_DAYS_SERVED_UNKNOWN: 'Friday release rule not applied: sentence start not recorded',
  NO_ELIGIBLE_DAY: 'no earlier working day the law allows',
};

/** "Scheduled Fri 18 Dec, walks out Thu 17 Dec (Friday release rule)": both days, and the rule that moved her. */
export function releaseDayText(woman: {
  releaseDate: string | null;
  scheduledReleaseDate?: string | null;
  releaseDayRule?: string | null;
}): string {
  if (!woman.releaseDate) return 'release date not known';
  const rule = woman.releaseDayRule ? RELEASE_DAY_RULE_SHORT_LABELS[woman.releaseDayRule] : undefined;
  const walksOut = `walks out ${formatShortDate(woman.releaseDate)}${rule ? ` (${rule})` : ''}`;
  if (woman.scheduledReleaseDate && woman.scheduledReleaseDate !== woman.releaseDate) {
    return `Scheduled ${formatShortDate(woman.scheduledReleaseDate)}, ${walksOut}`;
  }
  return `${walksOut.charAt(0).toUpperCase()}${walksOut.slice(1)}`;
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
