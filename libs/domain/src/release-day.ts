/**
 * The release-day plan (recommendation 9): appointments and the practical checklist, and the check that
 * warns when the day cannot work: too many appointments, not enough time to travel between towns, or a
 * walk-out the day before a weekend or bank holiday (the Friday release rule did not apply to her) when
 * medication and accommodation need cover.
 */
import { DateTime } from 'luxon';
import { addCalendarDays, isWorkingDay, LONDON_ZONE } from './calendar';
import { DAY_OF_RELEASE_RULE_LABELS, DayOfReleaseRule } from './day-of-release';
import { IsoDate } from './task-template';
import {
  AppointmentKind,
  ChecklistState,
  CHECKLIST_ITEMS,
  ChecklistItem,
  ReleaseDayChecklist,
  ReleaseDayWarningCode,
  ReleaseDayWarning,
} from '@app/contracts';
export { AppointmentKind, ChecklistState, CHECKLIST_ITEMS, ReleaseDayWarningCode } from '@app/contracts';
export type { ChecklistItem, ReleaseDayChecklist, ReleaseDayWarning } from '@app/contracts';

export const APPOINTMENT_KINDS: readonly AppointmentKind[] = Object.values(AppointmentKind);

export const CHECKLIST_STATES: readonly ChecklistState[] = Object.values(ChecklistState);

export const CHECKLIST_LABELS: Readonly<Record<ChecklistItem, string>> = {
  mobilePhone: 'A basic mobile phone',
  gatePickUp: 'Someone to meet her at the gate',
  travel: 'Travel to her appointments and address',
  medicationSupply: 'A supply of her medication',
  safeSpace: 'A safe space after the gate',
};

export interface ReleaseDayAppointment {
  kind: AppointmentKind;
  startsAt: Date;
  durationMinutes: number;
  place: string;
  town: string;
}

/** Minutes to travel between two towns (either order); null when the table does not know the pair. */
export type TravelMinutes = (fromTown: string, toTown: string) => number | null;

export interface ReleaseDayRules {
  /** More than this on one day is too many for a woman just out of prison. */
  maxAppointments: number;
  /** Local time she is usually out of the gate. */
  gateReleaseTime: string;
}

export const DEFAULT_RELEASE_DAY_RULES: ReleaseDayRules = { maxAppointments: 3, gateReleaseTime: '09:00' };

export function normalTown(town: string): string {
  return town.trim().toLowerCase();
}

/** Friday, or the day before a bank holiday: services that supply medication and housing are shut next day. */
export function closedDaysAfter(releaseDate: IsoDate): IsoDate[] {
  const closed: IsoDate[] = [];
  let day = addCalendarDays(releaseDate, 1);
  while (!isWorkingDay(day)) {
    closed.push(day);
    day = addCalendarDays(day, 1);
  }
  return closed;
}

/**
 * Since 12 December 2023 a sentenced woman due out on a Friday or before a bank holiday goes on the previous
 * eligible working day (CJA 1961 s.23(3B); day-of-release.ts), so a walk-out before closed days means the rule
 * left her out (HDC, an indeterminate sentence, a Parole Board release, under 28 days served) or had no day to
 * move her to: the warning says which, so the plan covers the closed days instead.
 */
export function releaseBeforeClosedDaysWarning(
  releaseDate: IsoDate,
  releaseDayRule?: DayOfReleaseRule | string | null,
): ReleaseDayWarning | null {
  // A board asks this of every card, and most cards share a few release dates: worked out once per date and rule
  // (a tenth of a 196-card board's time went on it; bench:national). Frozen, as every caller shares the answer.
  const key = `${releaseDate}|${releaseDayRule ?? ''}`;
  const known = closedDaysWarnings.get(key);
  if (known !== undefined) return known;
  const warning = closedDaysWarning(releaseDate, releaseDayRule);
  if (closedDaysWarnings.size >= CLOSED_DAYS_WARNINGS_KEPT) closedDaysWarnings.clear();
  closedDaysWarnings.set(key, warning && Object.freeze(warning));
  return warning;
}

const CLOSED_DAYS_WARNINGS_KEPT = 5000;
const closedDaysWarnings = new Map<string, Readonly<ReleaseDayWarning> | null>();

function closedDaysWarning(
  releaseDate: IsoDate,
  releaseDayRule: DayOfReleaseRule | string | null | undefined,
): ReleaseDayWarning | null {
  const closed = closedDaysAfter(releaseDate);
  if (closed.length === 0) return null;
  const weekday = DateTime.fromISO(releaseDate, { zone: LONDON_ZONE }).toFormat('cccc');
  const why =
    releaseDayRule && releaseDayRule in DAY_OF_RELEASE_RULE_LABELS
      ? ` (${DAY_OF_RELEASE_RULE_LABELS[releaseDayRule as DayOfReleaseRule]})`
      : '';
  return {
    code: ReleaseDayWarningCode.RELEASE_BEFORE_CLOSED_DAYS,
    values: {
      releaseDate,
      releaseDayRule: releaseDayRule && releaseDayRule in DAY_OF_RELEASE_RULE_LABELS ? releaseDayRule : '',
      closedDays: closed.join(','),
    },
    message:
      `She still walks out on a ${weekday}${why} and services are closed for ${closed.length} day${closed.length > 1 ? 's' : ''} after ` +
      `(${closed.join(', ')}): make sure her medication supply and her accommodation cover those days.`,
  };
}

function localTime(at: Date): string {
  return DateTime.fromJSDate(at, { zone: LONDON_ZONE }).toFormat('HH:mm');
}

function localDate(at: Date): IsoDate {
  return DateTime.fromJSDate(at, { zone: LONDON_ZONE }).toISODate() as IsoDate;
}

/** Every problem at once, in the order a planner would fix them. An empty list means the day can work. */
export function checkReleaseDayPlan(plan: {
  releaseDate: IsoDate | null;
  /** Which day-of-release rule gave the release date (or why the Friday rule did not apply). */
  releaseDayRule?: DayOfReleaseRule | string | null;
  prisonTown: string | null;
  appointments: readonly ReleaseDayAppointment[];
  checklist: ReleaseDayChecklist;
  travelMinutes: TravelMinutes;
  rules?: ReleaseDayRules;
}): ReleaseDayWarning[] {
  const rules = plan.rules ?? DEFAULT_RELEASE_DAY_RULES;
  const warnings: ReleaseDayWarning[] = [];
  const appointments = [...plan.appointments].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());

  if (plan.releaseDate) {
    const closedWarning = releaseBeforeClosedDaysWarning(plan.releaseDate, plan.releaseDayRule);
    if (closedWarning) warnings.push(closedWarning);
  }

  const onReleaseDay = appointments.filter(
    (a) => plan.releaseDate !== null && localDate(a.startsAt) === plan.releaseDate,
  );
  if (onReleaseDay.length > rules.maxAppointments) {
    warnings.push({
      code: ReleaseDayWarningCode.TOO_MANY_APPOINTMENTS,
      values: { count: onReleaseDay.length, max: rules.maxAppointments },
      message: `${onReleaseDay.length} appointments on release day is too many (at most ${rules.maxAppointments}): move the ones that can wait.`,
    });
  }

  for (const a of appointments) {
    if (plan.releaseDate !== null && localDate(a.startsAt) !== plan.releaseDate) {
      warnings.push({
        code: ReleaseDayWarningCode.NOT_ON_RELEASE_DAY,
        values: { kind: a.kind, place: a.place, date: localDate(a.startsAt), releaseDate: plan.releaseDate },
        message: `${a.kind} at ${a.place} is on ${localDate(a.startsAt)}, not her release day (${plan.releaseDate}).`,
      });
    }
  }

  // From the gate to the first appointment, then from each appointment to the next.
  const first = onReleaseDay[0];
  if (first && localTime(first.startsAt) < rules.gateReleaseTime) {
    warnings.push({
      code: ReleaseDayWarningCode.BEFORE_GATE_RELEASE,
      values: { kind: first.kind, time: localTime(first.startsAt), gateTime: rules.gateReleaseTime },
      message: `${first.kind} at ${localTime(first.startsAt)} is before she is usually out of the gate (${rules.gateReleaseTime}).`,
    });
  }
  // previous: the appointment she comes from (null from the gate), for a client that words the leg itself.
  const legs: {
    from: string;
    fromLabel: string;
    previous: ReleaseDayAppointment | null;
    leaveAt: Date;
    to: ReleaseDayAppointment;
  }[] = [];
  if (first && plan.prisonTown && plan.releaseDate) {
    const gate = DateTime.fromISO(`${plan.releaseDate}T${rules.gateReleaseTime}`, { zone: LONDON_ZONE }).toJSDate();
    legs.push({ from: plan.prisonTown, fromLabel: 'the prison gate', previous: null, leaveAt: gate, to: first });
  }
  for (let i = 1; i < onReleaseDay.length; i++) {
    const previous = onReleaseDay[i - 1];
    const leaveAt = new Date(previous.startsAt.getTime() + previous.durationMinutes * 60_000);
    legs.push({
      from: previous.town,
      fromLabel: `${previous.kind} in ${previous.town}`,
      previous,
      leaveAt,
      to: onReleaseDay[i],
    });
  }
  for (const leg of legs) {
    const legValues = {
      kind: leg.to.kind,
      time: localTime(leg.to.startsAt),
      previousKind: leg.previous?.kind ?? '',
      previousTown: leg.previous?.town ?? '',
    };
    const gapMinutes = Math.floor((leg.to.startsAt.getTime() - leg.leaveAt.getTime()) / 60_000);
    if (gapMinutes < 0) {
      warnings.push({
        code: ReleaseDayWarningCode.OVERLAPPING_APPOINTMENTS,
        values: legValues,
        message: `${leg.to.kind} at ${localTime(leg.to.startsAt)} starts before ${leg.fromLabel} ends.`,
      });
      continue;
    }
    if (normalTown(leg.from) === normalTown(leg.to.town)) continue;
    const needed = plan.travelMinutes(leg.from, leg.to.town);
    if (needed === null) {
      warnings.push({
        code: ReleaseDayWarningCode.TRAVEL_TIME_UNKNOWN,
        values: { from: leg.from, to: leg.to.town, time: legValues.time },
        message: `No travel time is recorded from ${leg.from} to ${leg.to.town}: check she can get there by ${localTime(leg.to.startsAt)}.`,
      });
    } else if (needed > gapMinutes) {
      warnings.push({
        code: ReleaseDayWarningCode.NOT_ENOUGH_TRAVEL_TIME,
        values: { ...legValues, from: leg.from, to: leg.to.town, needed, gap: gapMinutes },
        message:
          `${leg.from} to ${leg.to.town} takes about ${needed} minutes, but she has ${gapMinutes} between ` +
          `${leg.fromLabel} and ${leg.to.kind} at ${localTime(leg.to.startsAt)}.`,
      });
    }
  }

  for (const item of CHECKLIST_ITEMS) {
    if (plan.checklist[item] === ChecklistState.NEEDED) {
      warnings.push({
        code: ReleaseDayWarningCode.CHECKLIST_NOT_ARRANGED,
        values: { item },
        message: `${CHECKLIST_LABELS[item]} is needed and not yet arranged.`,
      });
    }
  }
  return warnings;
}

/** A travel-time table as a lookup that does not care which way round the pair was entered. */
export function travelTimeLookup(
  rows: readonly { fromTown: string; toTown: string; minutes: number }[],
): TravelMinutes {
  const table = new Map<string, number>();
  for (const row of rows) {
    table.set(`${normalTown(row.fromTown)}|${normalTown(row.toTown)}`, row.minutes);
    table.set(`${normalTown(row.toTown)}|${normalTown(row.fromTown)}`, row.minutes);
  }
  return (from, to) => table.get(`${normalTown(from)}|${normalTown(to)}`) ?? null;
}
