/** Words and dates the way the pages show them, in the language chosen (catalogue text from ./i18n). */
import { AlertKind, Pathway, Role, ScheduleState } from '@app/contracts';
import { currentLocale, hasMessage, intlLocale, MessageKey, t } from './i18n';

/** A code's words from the catalogue (`prefix.CODE`), or the code itself for one the catalogue does not know. */
export function labelOf(prefix: string, code: string, fallback: string = code): string {
  const key = `${prefix}.${code}`;
  return hasMessage(key) ? t(key) : fallback;
}

/** The pathways in the order the board's filter lists them. */
export const PATHWAYS: readonly Pathway[] = [
  Pathway.ACCOMMODATION,
  Pathway.ATTITUDES_THINKING_AND_BEHAVIOUR,
  Pathway.CHILDREN_FAMILIES_AND_COMMUNITY,
  Pathway.DRUGS_AND_ALCOHOL,
  Pathway.EDUCATION_SKILLS_AND_WORK,
  Pathway.FINANCE_AND_ID,
  Pathway.HEALTH,
  Pathway.DOMESTIC_ABUSE,
  Pathway.SEX_WORK,
];

export function pathwayLabel(pathway: string): string {
  return labelOf('pathway', pathway);
}

export function roleLabel(role: string): string {
  return labelOf('role', role);
}

/** The roles that own tasks, in the order the board's filter lists them. */
export const OWNER_ROLES = [Role.PRE_RELEASE_TEAM, Role.POM, Role.COM, Role.CRS_CASEWORKER] as const;

/** Short names for the board's filter, as the staff say them (POM and COM are the words they use). */
export function roleShortLabel(role: string): string {
  return labelOf('roleShort', role);
}

/** An alert's kind as a schedule state, for its tag: escalations are overdue tasks that climbed the ladder. */
export function alertSchedule(kind: AlertKind): Schedule {
  return kind === AlertKind.AT_RISK ? ScheduleState.AT_RISK : ScheduleState.OVERDUE;
}

/** 'Overdue', 'Escalated (level 2)'. */
export function alertKindText(alert: { kind: string; level: number }): string {
  const kind = labelOf('alertKind', alert.kind);
  return alert.level > 0 ? t('alertKind.withLevel', { kind, level: alert.level }) : kind;
}

/** Her name and prison number are data, never translated. */
export function personLabel(woman: { firstName: string; lastName: string; prisonNumber: string }): string {
  return `${woman.firstName} ${woman.lastName} (${woman.prisonNumber})`;
}

export function taskStatusLabel(status: string): string {
  return labelOf('taskStatus', status);
}

/** What a card says for each warning; her panel gives the whole message. */
export function warningShortLabel(code: string, message: string): string {
  return labelOf('warningShort', code, message);
}

/** A status code in words ('in delivery'): the catalogue's words, or the code made readable. */
export function words(code: string): string {
  return labelOf('status', code, code.replaceAll('_', ' ').toLowerCase());
}

export type Schedule = ScheduleState;

/** Status is never shown by colour alone: every state has its words and its symbol. */
export const SCHEDULE_ICONS: Record<Schedule, string> = {
  [ScheduleState.OVERDUE]: '✖',
  [ScheduleState.AT_RISK]: '▲',
  [ScheduleState.ON_TRACK]: '✔',
};

export function scheduleLabel(state: Schedule): string {
  return labelOf('schedule', state);
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const intlData = new Map<string, boolean>();

/** Whether this browser's Intl has the locale's own data (some Chromium builds ship no Welsh and fall back to en-US). */
function hasIntlData(locale: string): boolean {
  let known = intlData.get(locale);
  if (known === undefined) {
    const language = locale.split('-')[0];
    known = new Intl.DateTimeFormat(locale).resolvedOptions().locale.split('-')[0] === language;
    intlData.set(locale, known);
  }
  return known;
}

/**
 * A date in the reader's language: Intl's own where the browser has the locale, otherwise the British layout with
 * the day and month names from the catalogue (date.weekdayShort, date.monthShort), so Welsh is never shown in
 * American English.
 */
function localDate(date: Date, options: Intl.DateTimeFormatOptions): string {
  const locale = intlLocale();
  if (hasIntlData(locale)) return new Intl.DateTimeFormat(locale, options).format(date);
  return new Intl.DateTimeFormat('en-GB', options)
    .formatToParts(date)
    .map((part) => {
      if (part.type === 'weekday') return t('date.weekdayShort', { day: WEEKDAYS[date.getDay()] });
      if (part.type === 'month') return t('date.monthShort', { month: MONTHS[date.getMonth()] });
      return part.value;
    })
    .join('');
}

export function formatDateTime(iso: string): string {
  return localDate(new Date(iso), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** A clock time, "14:30". */
export function formatTime(iso: string | Date): string {
  return localDate(new Date(iso), { hour: '2-digit', minute: '2-digit' });
}

/** A moment in full, for the audit trail. */
export function formatInstant(iso: string): string {
  return localDate(new Date(iso), { dateStyle: 'short', timeStyle: 'medium' });
}

export function formatNumber(value: number): string {
  return value.toLocaleString(hasIntlData(intlLocale()) ? intlLocale() : 'en-GB');
}

export function formatDate(iso: string | null): string {
  if (!iso) return t('format.notKnown');
  return localDate(new Date(`${iso.slice(0, 10)}T12:00:00Z`), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/** A day as a card shows it: "Fri 18 Dec". */
export function formatShortDate(iso: string): string {
  return localDate(new Date(`${iso.slice(0, 10)}T12:00:00Z`), { weekday: 'short', day: 'numeric', month: 'short' });
}

/**
 * Why she walks out on the day she does, in a few words (the API's releaseDayRule; the law is CJA 1961 s.23(3)
 * and s.23(3B), see the README's "Day of release"). NOT_MOVED says nothing: her release is as scheduled.
 */
function releaseDayRuleLabel(rule: string | null | undefined): string | undefined {
  if (!rule) return undefined;
  const key = `releaseDayRule.${rule}`;
  return hasMessage(key) ? t(key) : undefined;
}

/** "Scheduled Fri 18 Dec, walks out Thu 17 Dec (Friday release rule)": both days, and the rule that moved her. */
export function releaseDayText(woman: {
  releaseDate: string | null;
  scheduledReleaseDate?: string | null;
  releaseDayRule?: string | null;
}): string {
  if (!woman.releaseDate) return t('releaseDay.notKnown');
  const rule = releaseDayRuleLabel(woman.releaseDayRule);
  const day = formatShortDate(woman.releaseDate);
  const moved = woman.scheduledReleaseDate && woman.scheduledReleaseDate !== woman.releaseDate;
  const key: MessageKey = moved
    ? rule
      ? 'releaseDay.movedWithRule'
      : 'releaseDay.moved'
    : rule
      ? 'releaseDay.walksOutWithRule'
      : 'releaseDay.walksOut';
  return t(key, { day, rule, scheduled: moved ? formatShortDate(woman.scheduledReleaseDate as string) : '' });
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
  return pathways.map((p) => pathwayLabel(p.pathway)).join(', ');
}

/**
 * Why her release date is the one it is: the API's English, or in Welsh its words (`releaseDateReason.*`); a
 * reason the API gave no words for (she was released, a recall with no PRRD yet) shows as the API words it.
 */
export function releaseDateReasonText(woman: {
  releaseDateReason: string | null;
  releaseDateReasonWords?: { key: string; values?: Record<string, string | number> } | null;
}): string | null {
  const words = woman.releaseDateReasonWords;
  if (currentLocale() === 'en' || !words || !hasMessage(words.key)) return woman.releaseDateReason;
  return t(words.key, words.values);
}
