/**
 * A warning's full message in the reader's language. The API words her warnings (libs/domain/src/woman-warnings.ts)
 * and her release-day warnings (libs/domain/src/release-day.ts) in English and gives each a code and the facts the
 * message is built from (`values`); the catalogues word `warning.<CODE>` from those facts. English is shown as the
 * API words it; a code the catalogue does not know, or a warning without its facts, shows the API's message.
 */
import { currentLocale, hasMessage, MessageValues, t } from './i18n';
import { formatDate, formatShortDate, labelOf } from './format';

type Values = Record<string, string | number>;

interface Warning {
  code: string;
  message: string;
  values?: Values;
  dueDate?: string | null;
  overdue?: boolean;
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const kind = (code: string | number | undefined) => labelOf('appointmentKind', String(code ?? ''));

/** Where she comes from on a leg of the day: the gate, or the appointment before. */
function previous(values: Values): string {
  return values.previousKind
    ? t('warning.previousAppointment', { kind: kind(values.previousKind), town: values.previousTown ?? '' })
    : t('warning.prisonGate');
}

/** The catalogue's arguments for each code, from the warning's facts; null when a fact it needs is missing. */
const ARGUMENTS: Record<string, (w: Warning, v: Values) => MessageValues | null> = {
  COM_NOT_ALLOCATED: (w) => ({
    state: !w.dueDate ? 'unknown' : w.overdue ? 'overdue' : 'due',
    date: w.dueDate ? formatDate(w.dueDate) : '',
  }),
  NI_NUMBER_TOO_LATE: (_w, v) =>
    v.weeks === undefined
      ? null
      : { issuer: v.document === 'NATIONAL_INSURANCE_NUMBER_LETTER' ? 'HMRC' : 'DWP', weeks: v.weeks },
  RELEASE_BEFORE_CLOSED_DAYS: (_w, v) => {
    if (typeof v.releaseDate !== 'string' || typeof v.closedDays !== 'string') return null;
    const days = v.closedDays.split(',').filter(Boolean);
    const rule = v.releaseDayRule ? labelOf('releaseDayRule', String(v.releaseDayRule), '') : '';
    return {
      weekday: WEEKDAYS[new Date(`${v.releaseDate}T12:00:00Z`).getUTCDay()],
      rule: rule || 'none',
      count: days.length,
      days: days.map(formatShortDate).join(', '),
    };
  },
  TOO_MANY_APPOINTMENTS: (_w, v) => ({ count: v.count, max: v.max }),
  NOT_ON_RELEASE_DAY: (_w, v) => ({
    kind: kind(v.kind),
    place: v.place,
    date: formatDate(String(v.date)),
    releaseDate: formatDate(String(v.releaseDate)),
  }),
  BEFORE_GATE_RELEASE: (_w, v) => ({ kind: kind(v.kind), time: v.time, gateTime: v.gateTime }),
  OVERLAPPING_APPOINTMENTS: (_w, v) => ({ kind: kind(v.kind), time: v.time, previous: previous(v) }),
  TRAVEL_TIME_UNKNOWN: (_w, v) => ({ from: v.from, to: v.to, time: v.time }),
  NOT_ENOUGH_TRAVEL_TIME: (_w, v) => ({
    from: v.from,
    to: v.to,
    needed: v.needed,
    gap: v.gap,
    previous: previous(v),
    kind: kind(v.kind),
    time: v.time,
  }),
  CHECKLIST_NOT_ARRANGED: (_w, v) => ({ item: labelOf('checklistItem', String(v.item ?? '')) }),
};

export function warningText(warning: Warning): string {
  if (currentLocale() === 'en') return warning.message;
  const key = `warning.${warning.code}`;
  const argumentsOf = ARGUMENTS[warning.code];
  if (!argumentsOf || !hasMessage(key)) return warning.message;
  if (!warning.values && warning.code !== 'COM_NOT_ALLOCATED') return warning.message;
  const values = argumentsOf(warning, warning.values ?? {});
  if (!values || Object.values(values).some((value) => value === undefined)) return warning.message;
  return t(key, values);
}
