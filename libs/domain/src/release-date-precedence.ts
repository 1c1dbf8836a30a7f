/**
 * Which of her sentence dates is her release date, and why: the precedence HMPPS's own systems use, so the
 * board counts back from the date the prison will actually release her on.
 *
 * Source (facts and vocabulary only): ministryofjustice/prison-api,
 *  - src/main/java/uk/gov/justice/hmpps/prison/repository/jpa/model/OffenderBooking.java (deriveOffenderReleaseDate):
 *    a confirmed release date first; then the actual parole date (APD); then the home detention curfew approved
 *    date (HDCAD); then the "non-DTO release date";
 *  - src/main/java/uk/gov/justice/hmpps/prison/repository/jpa/model/SentenceCalculation.java and
 *    src/main/java/uk/gov/justice/hmpps/prison/service/support/NonDtoReleaseDate.java: the non-DTO release date is
 *    chosen among ARD, CRD, NPD and PRRD, each calculated or overridden; for one type the override beats the
 *    calculated date; across types the LATEST date wins; on a tie the order ARD, CRD, NPD, PRRD decides.
 * ministryofjustice/prisoner-offender-search, src/main/kotlin/.../model/translator.kt, shows the same pairs
 * (automaticReleaseOverrideDate ?: automaticReleaseDate, and so for CRD and PRRD).
 * The mid-term date of a detention and training order (DTO) is left out: DTOs are sentences for children and
 * Resettle's women are 18 and over.
 *
 * One rule is Resettle's own: once she is recalled, her ARD, CRD and NPD belong to the release she was recalled
 * from, so only her post-recall release date (PRRD) can be her next release date (Criminal Justice Act 2003
 * ss.254-255C: a recalled prisoner is released again at the end of a fixed-term recall, s.255B, or when the
 * Secretary of State or the Parole Board releases her after a standard recall, s.255C). Without a PRRD she has
 * no release date: none is invented.
 */
import { IsoDate } from './task-template';
import { CustodyStatus } from './woman';

export enum ReleaseDateSource {
  CONFIRMED = 'CONFIRMED',
  ACTUAL_PAROLE = 'ACTUAL_PAROLE',
  HDC_ACTUAL = 'HDC_ACTUAL',
  CRD = 'CRD',
  ARD = 'ARD',
  NPD = 'NPD',
  PRRD = 'PRRD',
}

/** The dates the precedence reads. An override is the date the prison's calculation set over the calculated one. */
export interface PrecedenceDates {
  /** CustodyStatus; a plain string so views and DTOs can be passed as they are. */
  custodyStatus?: string | null;
  confirmedReleaseDate?: IsoDate | null;
  actualParoleDate?: IsoDate | null;
  hdcActualDate?: IsoDate | null;
  automaticReleaseDate?: IsoDate | null;
  automaticReleaseOverrideDate?: IsoDate | null;
  conditionalReleaseDate?: IsoDate | null;
  conditionalReleaseOverrideDate?: IsoDate | null;
  nonParoleDate?: IsoDate | null;
  nonParoleOverrideDate?: IsoDate | null;
  postRecallReleaseDate?: IsoDate | null;
  postRecallReleaseOverrideDate?: IsoDate | null;
}

export type PrecedenceDateField = Exclude<keyof PrecedenceDates, 'custodyStatus'>;

export interface ReleaseDateChoice {
  source: ReleaseDateSource;
  /** The date as recorded, before any rule moves the day she walks out. */
  scheduledDate: IsoDate;
  /** The field the date was read from (an override field when the override won). */
  field: PrecedenceDateField;
  overridden: boolean;
  /** Why this date, in words a pre-release worker reads on the board. */
  reason: string;
}

/** Dates that are decisions about her release, not calculations: each beats every calculated date, in this order. */
const DECIDED_DATES: readonly { field: PrecedenceDateField; source: ReleaseDateSource; reason: string }[] = [
  {
    field: 'confirmedReleaseDate',
    source: ReleaseDateSource.CONFIRMED,
    reason: 'Confirmed release date: the prison has confirmed the day, so it comes before every calculated date',
  },
  {
    field: 'actualParoleDate',
    source: ReleaseDateSource.ACTUAL_PAROLE,
    reason: 'Actual parole date (APD): the Parole Board directed her release, so it comes before the calculated dates',
  },
  {
    field: 'hdcActualDate',
    source: ReleaseDateSource.HDC_ACTUAL,
    reason:
      'Home detention curfew approved date (HDCAD): she is to be released on HDC, so it comes before the calculated dates',
  },
];

interface CalculatedDateType {
  source: ReleaseDateSource;
  calculated: PrecedenceDateField;
  override: PrecedenceDateField;
  label: string;
}

/** In HMPPS's tie-break order (ARD, CRD, NPD, PRRD). */
const CALCULATED_DATE_TYPES: readonly CalculatedDateType[] = [
  {
    source: ReleaseDateSource.ARD,
    calculated: 'automaticReleaseDate',
    override: 'automaticReleaseOverrideDate',
    label: 'Automatic release date',
  },
  {
    source: ReleaseDateSource.CRD,
    calculated: 'conditionalReleaseDate',
    override: 'conditionalReleaseOverrideDate',
    label: 'Conditional release date',
  },
  {
    source: ReleaseDateSource.NPD,
    calculated: 'nonParoleDate',
    override: 'nonParoleOverrideDate',
    label: 'Non-parole date',
  },
  {
    source: ReleaseDateSource.PRRD,
    calculated: 'postRecallReleaseDate',
    override: 'postRecallReleaseOverrideDate',
    label: 'Post-recall release date',
  },
];

const OVERRIDE_WORDS = "override set by the prison's calculation";

function present(value: IsoDate | null | undefined): IsoDate | null {
  return value ? value : null;
}

export function isRecalled(dates: PrecedenceDates): boolean {
  return dates.custodyStatus === CustodyStatus.RECALLED;
}

interface Candidate {
  type: CalculatedDateType;
  date: IsoDate;
  field: PrecedenceDateField;
  overridden: boolean;
}

/** One date per type: the override when there is one, else the calculated date. */
function candidatesOf(dates: PrecedenceDates): Candidate[] {
  const types = isRecalled(dates)
    ? CALCULATED_DATE_TYPES.filter((t) => t.source === ReleaseDateSource.PRRD)
    : CALCULATED_DATE_TYPES;
  const candidates: Candidate[] = [];
  for (const type of types) {
    const override = present(dates[type.override]);
    const calculated = present(dates[type.calculated]);
    if (override) candidates.push({ type, date: override, field: type.override, overridden: true });
    else if (calculated) candidates.push({ type, date: calculated, field: type.calculated, overridden: false });
  }
  return candidates;
}

/** ISO dates compare as strings; a later date replaces only when strictly later, so ties keep the HMPPS order. */
function latest(candidates: Candidate[]): Candidate {
  return candidates.reduce((best, next) => (next.date > best.date ? next : best));
}

function reasonFor(chosen: Candidate, all: Candidate[], recalled: boolean): string {
  const how = chosen.overridden ? OVERRIDE_WORDS : 'as calculated';
  const parts = [`${chosen.type.label} (${chosen.type.source}, ${how})`];
  if (all.length > 1) {
    const others = all.filter((c) => c !== chosen).map((c) => c.type.source);
    parts.push(`the latest of her release dates, on or after her ${others.join(' and ')} (HMPPS takes the latest)`);
  }
  if (recalled) parts.push('she was recalled, so only her post-recall release date counts');
  return parts.join(': ');
}

/** The date HMPPS would take as her release date, where it came from and why; null when she has none. */
export function chooseReleaseDate(dates: PrecedenceDates): ReleaseDateChoice | null {
  for (const decided of DECIDED_DATES) {
    const date = present(dates[decided.field]);
    if (date) {
      return {
        source: decided.source,
        scheduledDate: date,
        field: decided.field,
        overridden: false,
        reason: decided.reason,
      };
    }
  }
  const candidates = candidatesOf(dates);
  if (candidates.length === 0) return null;
  const chosen = latest(candidates);
  return {
    source: chosen.type.source,
    scheduledDate: chosen.date,
    field: chosen.field,
    overridden: chosen.overridden,
    reason: reasonFor(chosen, candidates, isRecalled(dates)),
  };
}

/** Why she has no release date, when that needs saying (a recall with no PRRD yet); null otherwise. */
export function noReleaseDateReason(dates: PrecedenceDates): string | null {
  if (!isRecalled(dates)) return null;
  const older = CALCULATED_DATE_TYPES.filter(
    (t) => t.source !== ReleaseDateSource.PRRD && (present(dates[t.calculated]) || present(dates[t.override])),
  ).map((t) => t.source);
  const belong = older.length > 1 ? 'belong' : 'belongs';
  const unused = older.length > 0 ? ` Her ${older.join(' and ')} ${belong} to the release she was recalled from.` : '';
  return (
    'Recalled: no post-recall release date (PRRD) yet, so no release date is assumed. After a fixed-term recall the ' +
    "prison's calculation sets the PRRD; after a standard recall she stays in until the Secretary of State or the " +
    `Parole Board releases her (Criminal Justice Act 2003 ss.255B-255C).${unused}`
  );
}

/** Why this release date, as a web catalogue key and its arguments, for the web to say in the reader's language. */
export interface ReleaseDateReasonWords {
  key: string;
  values?: Record<string, string | number>;
}

/**
 * The words of the reason `chooseReleaseDate` gives (`releaseDateReason.<SOURCE>` for a decided date,
 * `releaseDateReason.calculated` with the date type, how it was set, the other types it is on or after and whether
 * she was recalled); null when she has no release date.
 */
export function releaseDateReasonWords(dates: PrecedenceDates): ReleaseDateReasonWords | null {
  for (const decided of DECIDED_DATES) {
    if (present(dates[decided.field])) return { key: `releaseDateReason.${decided.source}` };
  }
  const candidates = candidatesOf(dates);
  if (candidates.length === 0) return null;
  const chosen = latest(candidates);
  const others = candidates.filter((c) => c !== chosen).map((c) => c.type.source);
  return {
    key: 'releaseDateReason.calculated',
    values: {
      source: chosen.type.source,
      overridden: chosen.overridden ? 'yes' : 'no',
      otherCount: others.length,
      // At most three: four calculated types less the one chosen.
      other1: others[0] ?? '',
      other2: others[1] ?? '',
      other3: others[2] ?? '',
      recalled: isRecalled(dates) ? 'yes' : 'no',
    },
  };
}

/** The reason a released woman's record gives: the day she left is a fact. */
export const RELEASED_REASON = 'The day she was released: a fact, not a schedule';

/**
 * The words of whichever reason her record holds, when it is one the domain gives: the chosen date's
 * (`releaseDateReasonWords`), a recall's with no PRRD yet (`releaseDateReason.recalledNoPrrd`, with the dates of
 * the release she was recalled from), or a released woman's (`releaseDateReason.RELEASED`); null for any other
 * text (a reason stored before its dates changed), which the web shows as it is.
 */
export function storedReasonWords(reason: string | null, dates: PrecedenceDates): ReleaseDateReasonWords | null {
  if (reason === null) return null;
  if (reason === RELEASED_REASON) return { key: 'releaseDateReason.RELEASED' };
  if (chooseReleaseDate(dates)?.reason === reason) return releaseDateReasonWords(dates);
  if (noReleaseDateReason(dates) === reason) {
    const older = CALCULATED_DATE_TYPES.filter(
      (t) => t.source !== ReleaseDateSource.PRRD && (present(dates[t.calculated]) || present(dates[t.override])),
    ).map((t) => t.source);
    return {
      key: 'releaseDateReason.recalledNoPrrd',
      values: { otherCount: older.length, other1: older[0] ?? '', other2: older[1] ?? '', other3: older[2] ?? '' },
    };
  }
  return null;
}
