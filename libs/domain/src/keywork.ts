/**
 * Keywork: how often a woman should see her keyworker, when her next session falls due, and when it has lapsed.
 * Resettle holds that a session happened (the date and the keyworker), never what was said: the content is a
 * case note in the prison's own systems (NOMIS case note type KA, sub-types KS "Key worker session" and KE
 * "entry", as ministryofjustice/keyworker-api reads them).
 *
 * Sources, beside the rules:
 * - HM Inspectorate of Probation and HM Inspectorate of Prisons, "The quality of work undertaken with women"
 *   (2024), recommendation 7: "give women in prison access to regular good-quality keywork that supports
 *   resettlement"; footnote 10: keyworkers are band 3 prison officers allocated to each prisoner.
 * - ministryofjustice/keyworker-api: a prison's session frequency is a whole number of weeks
 *   (`frequency_in_weeks`), and a prison that has not configured keywork falls back to one week
 *   (`kwSessionFrequencyInWeeks = 1`). Resettle holds the target per woman, defaulting to that week.
 */
import { addCalendarDays, addWorkingDays, endOfWorkingDay, lastWorkingDayOnOrBefore } from './calendar';
import { TaskDeadline } from './deadlines';
import { Pathway } from './pathways';
import { Role } from './roles';
import { IsoDate } from './task-template';

/** keyworker-api's fallback when a prison has set no frequency: one session a week. */
export const DEFAULT_KEYWORK_FREQUENCY_WEEKS = 1;
/** The shortest target: keyworker-api counts frequency in whole weeks, one at the least. */
export const MIN_KEYWORK_FREQUENCY_WEEKS = 1;
/** The longest target Resettle accepts (a product choice: beyond a quarter keywork is no longer "regular"). */
export const MAX_KEYWORK_FREQUENCY_WEEKS = 12;

/** Working days before the due date that the keywork task turns at risk (a product choice, as for ID tasks). */
export const KEYWORK_AT_RISK_LEAD_WORKING_DAYS = 2;

/** The open task that tracks her next session; recording a session closes it and plans the next. */
export const KEYWORK_TASK_KEY = 'KEYWORK_SESSION';

/**
 * Keywork is prison work: keyworkers are prison officers (footnote 10) within Offender Management in Custody,
 * whose custody side the POM leads in Resettle, so the POM owns the task that says a session is due.
 */
export const KEYWORK_TASK_OWNER: Role = Role.POM;

/** Keywork promotes constructive relationships and positive behaviour (footnote 10): that pathway holds the task. */
export const KEYWORK_PATHWAY: Pathway = Pathway.ATTITUDES_THINKING_AND_BEHAVIOUR;

export function isValidKeyworkFrequency(weeks: number): boolean {
  return Number.isInteger(weeks) && weeks >= MIN_KEYWORK_FREQUENCY_WEEKS && weeks <= MAX_KEYWORK_FREQUENCY_WEEKS;
}

export interface KeyworkDueFacts {
  /** Her most recent session, or null when she has had none. */
  lastSessionOn: IsoDate | null;
  /** When the clock starts without a session: the day she arrived in the prison. */
  receptionDate: IsoDate;
  frequencyWeeks: number;
}

/**
 * Her next session is due `frequencyWeeks` weeks after her last one (or after she arrived, if she has had none
 * since her latest reception).
 * As for every calendar-day deadline, a due date at a weekend or on a bank holiday comes forward to the working
 * day before; it is due by 17:00 London that day and at risk two working days earlier.
 */
export function keyworkDeadline({ lastSessionOn, receptionDate, frequencyWeeks }: KeyworkDueFacts): TaskDeadline {
  if (!isValidKeyworkFrequency(frequencyWeeks)) {
    throw new RangeError(`A keywork frequency is a whole number of weeks from 1 to 12, not ${frequencyWeeks}`);
  }
  // A session before her latest reception belongs to an earlier time in custody (she was released and recalled):
  // the clock starts again when she arrives.
  const from = lastSessionOn !== null && lastSessionOn > receptionDate ? lastSessionOn : receptionDate;
  const dueDate = lastWorkingDayOnOrBefore(addCalendarDays(from, frequencyWeeks * 7));
  return {
    dueDate,
    dueAt: endOfWorkingDay(dueDate),
    atRiskAt: endOfWorkingDay(addWorkingDays(dueDate, -KEYWORK_AT_RISK_LEAD_WORKING_DAYS)),
  };
}

/** Whether her keywork has lapsed at this moment: her next session's due instant has passed. */
export function isKeyworkOverdue(facts: KeyworkDueFacts, now: Date): boolean {
  return now.getTime() >= keyworkDeadline(facts).dueAt.getTime();
}

/** The most recent of her session dates, or null. ISO dates compare as strings. */
export function latestSessionDate(dates: readonly IsoDate[]): IsoDate | null {
  return dates.reduce<IsoDate | null>((latest, d) => (latest === null || d > latest ? d : latest), null);
}

/** The task's title, saying by when and how often. */
export function keyworkTaskTitle(dueDate: IsoDate, frequencyWeeks: number): string {
  const every = frequencyWeeks === 1 ? 'every week' : `every ${frequencyWeeks} weeks`;
  return `Keywork session due by ${dueDate} (${every})`;
}
