/**
 * The demo caseload: about 300 fictional women across the twelve women's prisons, with sentence dates,
 * release areas, sensitive flags, allocated staff and an immediate-needs assessment each. Pure: the same
 * random seed and "today" give the same women, and dates are relative to today so the board always looks
 * current. Staff are named by username; the seed command resolves them to ids.
 */
import { DateTime } from 'luxon';
import {
  AssessmentMethod,
  Complexity,
  CustodyStatus,
  DayOfReleaseRule,
  IsoDate,
  LONDON_ZONE,
  PATHWAYS,
  Pathway,
  PathwayStatus,
  PrisonCode,
  RELEASE_AREAS,
  ReleaseAreaCode,
  ReleaseDateSource,
  ReleaseType,
  SensitiveFlag,
  addCalendarDays,
  addWorkingDays,
  daysBetween,
  effectiveReleaseDate,
  releaseDateRecord,
  isWorkingDay,
} from '@app/domain';
import { FAR_FROM_HOME_SHARE, RELEASE_AREA_WEIGHTS_BY_PRISON } from './demo-geography';
import { DemoHmppsDates, withHmppsDates } from './demo-hmpps-dates';
import { FIRST_NAMES, KEYWORKER_NAMES, LAST_NAMES } from './demo-names';
import type { DemoReferral } from './demo-referrals';
import { DEMO_USERNAMES } from './demo-users';
import { Random } from './random';

export interface DemoAssessment {
  method: AssessmentMethod;
  assessedAt: Date;
  assessorUsername: string;
  outcomes: { pathway: Pathway; status: PathwayStatus }[];
}

export interface DemoWoman extends DemoHmppsDates {
  prisonNumber: string;
  firstName: string;
  lastName: string;
  dateOfBirth: IsoDate;
  prisonCode: PrisonCode;
  custodyStatus: CustodyStatus;
  sentenceStartDate: IsoDate | null;
  receptionDate: IsoDate;
  conditionalReleaseDate: IsoDate | null;
  hdcEligibilityDate: IsoDate | null;
  hdcActualDate: IsoDate | null;
  confirmedReleaseDate: IsoDate | null;
  /** The day she walks out (day-of-release rules applied); scheduledReleaseDate is the date before them. */
  releaseDate: IsoDate | null;
  releaseDateSource: ReleaseDateSource | null;
  scheduledReleaseDate: IsoDate | null;
  releaseDayRule: DayOfReleaseRule | null;
  indeterminateSentence: boolean;
  /** Her COM's reason for one more working day early (the request is made by her COM). */
  releaseDayRequestReason: string | null;
  releaseType: ReleaseType | null;
  releaseAreaCode: ReleaseAreaCode;
  pomUsername: string | null;
  comUsername: string | null;
  keyworkerName: string | null;
  complexity: Complexity;
  sensitiveFlags: SensitiveFlag[];
  /** Whether she has her National Insurance number to hand (null: not asked yet); see nationalInsuranceOf. */
  hasNationalInsuranceNumber: boolean | null;
  assessment: DemoAssessment;
  /** A CRS referral the demo shows at some stage (see demo-referrals.ts); most women have none. */
  referral?: DemoReferral;
}

/** Styal and Bronzefield are the largest; the open prisons (Askham Grange, East Sutton Park) the smallest. */
export const DEMO_WOMEN_PER_PRISON: Readonly<Record<PrisonCode, number>> = {
  STI: 50,
  BZI: 50,
  DHI: 26,
  EWI: 26,
  DWI: 24,
  NHI: 24,
  FHI: 22,
  LNI: 20,
  PFI: 20,
  AGI: 14,
  SDI: 14,
  ESI: 10,
};

/** Release dates fall between these many days from today: never today, never beyond six months. */
export const EARLIEST_RELEASE_DAYS = 5;
export const LATEST_RELEASE_DAYS = 182;

/**
 * Roughly the picture HM Inspectorates found (May 2024): about three in four women have experienced domestic
 * abuse, about a third sex work, most have a mental health need and many are mothers.
 */
const FLAG_PREVALENCE: Readonly<Record<SensitiveFlag, number>> = {
  [SensitiveFlag.DOMESTIC_ABUSE]: 0.75,
  [SensitiveFlag.SEX_WORK]: 0.33,
  [SensitiveFlag.MENTAL_HEALTH]: 0.8,
  [SensitiveFlag.DEPENDENT_CHILDREN]: 0.6,
  [SensitiveFlag.FOREIGN_NATIONAL]: 0.1,
};

/** How often the immediate-needs assessment finds a need on each pathway (flag-led pathways are handled apart). */
const NEED_PREVALENCE: Readonly<Partial<Record<Pathway, number>>> = {
  [Pathway.ACCOMMODATION]: 0.7,
  [Pathway.FINANCE_AND_ID]: 0.65,
  [Pathway.HEALTH]: 0.4,
  [Pathway.DRUGS_AND_ALCOHOL]: 0.4,
  [Pathway.EDUCATION_SKILLS_AND_WORK]: 0.3,
  [Pathway.ATTITUDES_THINKING_AND_BEHAVIOUR]: 0.25,
};

const AGE_BANDS: Readonly<Record<string, number>> = { '19-24': 12, '25-34': 35, '35-44': 30, '45-54': 16, '55-64': 7 };

/** Most women serve short sentences; a few serve years. */
const DAYS_IN_CUSTODY_BANDS: Readonly<Record<string, number>> = { '30-180': 40, '181-540': 40, '541-1460': 20 };

/** Every assessment is done at least a day before today, so nothing on the board is dated in the future. */
const MIN_DAYS_SINCE_RECEPTION = 10;

const ADULT_DAYS = 18 * 366;

function prisonNumberOf(random: Random): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const digits = String(random.int(0, 9999)).padStart(4, '0');
  // Most current HMPPS numbers start A or G.
  return `${random.pick(['A', 'A', 'G'])}${digits}${random.pick([...letters])}${random.pick([...letters])}`;
}

function dateOfBirthOf(random: Random, today: IsoDate): IsoDate {
  const [youngest, oldest] = random.weighted(AGE_BANDS).split('-').map(Number);
  const age = random.int(youngest, oldest);
  return addCalendarDays(today, -Math.floor(age * 365.25) - random.int(1, 360));
}

function later(a: IsoDate, b: IsoDate): IsoDate {
  return daysBetween(a, b) > 0 ? b : a;
}

function earlier(a: IsoDate, b: IsoDate): IsoDate {
  return daysBetween(a, b) < 0 ? b : a;
}

function flagsOf(random: Random): SensitiveFlag[] {
  return (Object.keys(FLAG_PREVALENCE) as SensitiveFlag[]).filter((flag) => random.chance(FLAG_PREVALENCE[flag]));
}

/** More needs overlapping make a harder case to plan for. */
function complexityOf(random: Random, flags: readonly SensitiveFlag[]): Complexity {
  const [low, medium, high] = flags.length >= 4 ? [5, 40, 55] : flags.length >= 2 ? [25, 55, 20] : [60, 35, 5];
  return random.weighted<Complexity>({ [Complexity.LOW]: low, [Complexity.MEDIUM]: medium, [Complexity.HIGH]: high });
}

function releaseAreaOf(random: Random, prisonCode: PrisonCode): ReleaseAreaCode {
  if (random.chance(FAR_FROM_HOME_SHARE)) {
    return random.pick(RELEASE_AREAS).code;
  }
  return random.weighted(RELEASE_AREA_WEIGHTS_BY_PRISON[prisonCode]);
}

type SentenceDates = Pick<
  DemoWoman,
  | 'custodyStatus'
  | 'sentenceStartDate'
  | 'receptionDate'
  | 'conditionalReleaseDate'
  | 'hdcEligibilityDate'
  | 'hdcActualDate'
  | 'confirmedReleaseDate'
  | 'releaseType'
>;

function remandedDates(random: Random, today: IsoDate, adultFrom: IsoDate): SentenceDates {
  return {
    custodyStatus: CustodyStatus.REMANDED,
    sentenceStartDate: null,
    receptionDate: later(addCalendarDays(today, -random.int(MIN_DAYS_SINCE_RECEPTION, 240)), adultFrom),
    conditionalReleaseDate: null,
    hdcEligibilityDate: null,
    hdcActualDate: null,
    confirmedReleaseDate: null,
    releaseType: null,
  };
}

/**
 * A fixed-term recall ends 28 days after she is returned to custody; a standard recall's next release is some
 * months away. The date drawn here is her next release date, which withHmppsDates holds as her post-recall
 * release date (PRRD): its fields are kept so the random sequence, and so the demo, stays as it was.
 */
function recalledDates(random: Random, today: IsoDate, adultFrom: IsoDate): SentenceDates {
  const sentenceStartDate = later(addCalendarDays(today, -random.int(400, 1500)), adultFrom);
  const releaseType = random.chance(0.85) ? ReleaseType.LICENCE : ReleaseType.SENTENCE_END_NO_SUPERVISION;
  const common = {
    custodyStatus: CustodyStatus.RECALLED,
    sentenceStartDate,
    hdcEligibilityDate: null,
    hdcActualDate: null,
    releaseType,
  };
  if (random.chance(0.35)) {
    const receptionDate = later(addCalendarDays(today, -random.int(MIN_DAYS_SINCE_RECEPTION, 22)), sentenceStartDate);
    return {
      ...common,
      receptionDate,
      conditionalReleaseDate: null,
      confirmedReleaseDate: addCalendarDays(receptionDate, 28),
    };
  }
  return {
    ...common,
    receptionDate: later(addCalendarDays(today, -random.int(21, 200)), sentenceStartDate),
    conditionalReleaseDate: addCalendarDays(today, random.int(20, LATEST_RELEASE_DAYS)),
    confirmedReleaseDate: null,
  };
}

function sentencedDates(random: Random, today: IsoDate, adultFrom: IsoDate): SentenceDates {
  const conditionalReleaseDate = addCalendarDays(today, random.int(EARLIEST_RELEASE_DAYS, LATEST_RELEASE_DAYS));
  const [shortest, longest] = random.weighted(DAYS_IN_CUSTODY_BANDS).split('-').map(Number);
  const daysInCustody = random.int(shortest, longest);
  const sentenceStartDate = later(
    earlier(addCalendarDays(conditionalReleaseDate, -daysInCustody), addCalendarDays(today, -random.int(14, 40))),
    adultFrom,
  );
  // Many women are held on remand before sentence; the reception date is when she first came in.
  const remandDays = random.chance(0.4) ? random.int(7, 120) : 0;
  const receptionDate = earlier(
    later(addCalendarDays(sentenceStartDate, -remandDays), adultFrom),
    addCalendarDays(today, -MIN_DAYS_SINCE_RECEPTION),
  );
  const sentenceDays = daysBetween(sentenceStartDate, conditionalReleaseDate);

  let releaseType = random.weighted<ReleaseType>({
    [ReleaseType.LICENCE]: 70,
    [ReleaseType.POST_SENTENCE_SUPERVISION]: 12,
    [ReleaseType.SENTENCE_END_NO_SUPERVISION]: 13,
    [ReleaseType.HDC]: 5,
  });

  // Home detention curfew: for sentences of 12 weeks or more, from up to 180 days before the CRD.
  let hdcEligibilityDate: IsoDate | null = null;
  let hdcActualDate: IsoDate | null = null;
  const hdcPossible = sentenceDays >= 84 && (releaseType === ReleaseType.LICENCE || releaseType === ReleaseType.HDC);
  if (hdcPossible && (releaseType === ReleaseType.HDC || random.chance(0.5))) {
    const lead = Math.min(180, Math.max(14, Math.floor(sentenceDays / 4)));
    hdcEligibilityDate = later(addCalendarDays(conditionalReleaseDate, -lead), later(sentenceStartDate, receptionDate));
  }
  if (releaseType === ReleaseType.HDC) {
    const candidate =
      hdcEligibilityDate && later(hdcEligibilityDate, addCalendarDays(today, random.int(EARLIEST_RELEASE_DAYS, 30)));
    if (candidate && daysBetween(candidate, conditionalReleaseDate) >= 0) {
      hdcActualDate = candidate;
    } else {
      releaseType = ReleaseType.LICENCE;
    }
  }

  // Release dates are confirmed in the last weeks before she goes.
  const scheduled = hdcActualDate ?? conditionalReleaseDate;
  const confirmedReleaseDate = daysBetween(today, scheduled) <= 42 && random.chance(0.6) ? scheduled : null;

  return {
    custodyStatus: CustodyStatus.SENTENCED,
    sentenceStartDate,
    receptionDate,
    conditionalReleaseDate,
    hdcEligibilityDate,
    hdcActualDate,
    confirmedReleaseDate,
    releaseType,
  };
}

function outcomeOf(random: Random, pathway: Pathway, flags: ReadonlySet<SensitiveFlag>): PathwayStatus {
  const otherwise = (): PathwayStatus =>
    random.weighted<PathwayStatus>({
      [PathwayStatus.SUPPORT_NOT_REQUIRED]: 60,
      [PathwayStatus.SUPPORT_DECLINED]: 15,
      [PathwayStatus.NOT_STARTED]: 25,
    });
  switch (pathway) {
    case Pathway.DOMESTIC_ABUSE:
      if (!flags.has(SensitiveFlag.DOMESTIC_ABUSE)) return PathwayStatus.SUPPORT_NOT_REQUIRED;
      return random.chance(0.9) ? PathwayStatus.SUPPORT_REQUIRED : PathwayStatus.SUPPORT_DECLINED;
    case Pathway.SEX_WORK:
      if (!flags.has(SensitiveFlag.SEX_WORK)) return PathwayStatus.SUPPORT_NOT_REQUIRED;
      return random.chance(0.85) ? PathwayStatus.SUPPORT_REQUIRED : PathwayStatus.SUPPORT_DECLINED;
    case Pathway.CHILDREN_FAMILIES_AND_COMMUNITY:
      return random.chance(flags.has(SensitiveFlag.DEPENDENT_CHILDREN) ? 0.65 : 0.1)
        ? PathwayStatus.SUPPORT_REQUIRED
        : otherwise();
    case Pathway.HEALTH:
      return random.chance(flags.has(SensitiveFlag.MENTAL_HEALTH) ? 0.55 : 0.25)
        ? PathwayStatus.SUPPORT_REQUIRED
        : otherwise();
    default:
      return random.chance(NEED_PREVALENCE[pathway] ?? 0) ? PathwayStatus.SUPPORT_REQUIRED : otherwise();
  }
}

/** A few working days after reception, in office hours London time. */
function assessmentOf(
  random: Random,
  prisonCode: PrisonCode,
  receptionDate: IsoDate,
  flags: ReadonlySet<SensitiveFlag>,
): DemoAssessment {
  const day = addWorkingDays(receptionDate, random.int(1, 4));
  const [year, month, date] = day.split('-').map(Number);
  const assessedAt = DateTime.fromObject(
    { year, month, day: date, hour: random.int(9, 15), minute: random.pick([0, 15, 30, 45]) },
    { zone: LONDON_ZONE },
  ).toJSDate();
  return {
    // The inspection criticised assessments done by phone; about one in seven still are.
    method: random.weighted<AssessmentMethod>({
      [AssessmentMethod.FACE_TO_FACE]: 70,
      [AssessmentMethod.VIDEO]: 15,
      [AssessmentMethod.PHONE]: 15,
    }),
    assessedAt,
    assessorUsername: DEMO_USERNAMES.preReleaseTeamByPrison[prisonCode] ?? DEMO_USERNAMES.admin,
    outcomes: PATHWAYS.map((pathway) => ({ pathway, status: outcomeOf(random, pathway, flags) })),
  };
}

/**
 * Without drawing on the random stream (so the rest of the board is unchanged): a foreign national has no
 * number yet and needs a first one from DWP; a woman with a finance and ID need has not said whether she has
 * hers, so HMRC is asked to confirm it; the rest have it. The board then shows both National Insurance routes.
 */
function nationalInsuranceOf(flags: ReadonlySet<SensitiveFlag>, assessment: DemoAssessment): boolean | null {
  if (flags.has(SensitiveFlag.FOREIGN_NATIONAL)) return false;
  const financeNeed = assessment.outcomes.some(
    (o) => o.pathway === Pathway.FINANCE_AND_ID && o.status === PathwayStatus.SUPPORT_REQUIRED,
  );
  return financeNeed ? null : true;
}

function pomOf(random: Random, prisonCode: PrisonCode, custodyStatus: CustodyStatus): string | null {
  const pom = DEMO_USERNAMES.pomByPrison[prisonCode];
  // POMs are allocated on sentence, so remanded women have none yet.
  if (!pom || custodyStatus === CustodyStatus.REMANDED) return null;
  return random.chance(0.85) ? pom : null;
}

/**
 * COMs hold community caseloads spanning prisons. `com` gets about 30 women (half at Styal, the README's
 * prison), `com2` about 20 elsewhere, `com3` London-and-south-east women; the rest await allocation.
 */
function allocateComs(random: Random, women: DemoWoman[]): void {
  const sentenced = women.filter((w) => w.custodyStatus !== CustodyStatus.REMANDED);
  const atStyal = random.shuffle(sentenced.filter((w) => w.prisonCode === 'STI'));
  const elsewhere = random.shuffle(sentenced.filter((w) => w.prisonCode !== 'STI'));
  for (const woman of atStyal.slice(0, 15)) woman.comUsername = DEMO_USERNAMES.com;
  for (const woman of elsewhere.slice(0, 15)) woman.comUsername = DEMO_USERNAMES.com;
  for (const woman of elsewhere.slice(15, 35)) woman.comUsername = DEMO_USERNAMES.com2;
  const southEast: readonly string[] = ['LONDON', 'SURREY', 'KENT', 'SUSSEX'];
  const londonCaseload = elsewhere.slice(35).filter((w) => southEast.includes(w.releaseAreaCode));
  for (const woman of londonCaseload.slice(0, 20)) woman.comUsername = DEMO_USERNAMES.com3;
}

/**
 * A few women at Styal and Bronzefield are released on parole, as the Parole Board directed, so the demo shows a
 * parole release's plan. Chosen without drawing from the random stream, so every other demo woman stays as she was.
 */
export const DEMO_PAROLE_RELEASES_PER_PRISON = 2;

function markParoleReleases(women: DemoWoman[]): void {
  for (const prisonCode of ['STI', 'BZI'] as const) {
    women
      .filter(
        (w) =>
          w.prisonCode === prisonCode &&
          w.custodyStatus === CustodyStatus.SENTENCED &&
          w.releaseType === ReleaseType.LICENCE &&
          w.hdcEligibilityDate === null,
      )
      .slice(0, DEMO_PAROLE_RELEASES_PER_PRISON)
      .forEach((w) => (w.releaseType = ReleaseType.PAROLE));
  }
}

export function generateDemoWomen(random: Random, today: IsoDate): DemoWoman[] {
  const women: DemoWoman[] = [];
  const prisonNumbers = new Set<string>();
  const fullNames = new Set<string>();

  for (const [prisonCode, count] of Object.entries(DEMO_WOMEN_PER_PRISON) as [PrisonCode, number][]) {
    for (let i = 0; i < count; i++) {
      let prisonNumber = prisonNumberOf(random);
      while (prisonNumbers.has(prisonNumber)) prisonNumber = prisonNumberOf(random);
      prisonNumbers.add(prisonNumber);

      let firstName = random.pick(FIRST_NAMES);
      let lastName = random.pick(LAST_NAMES);
      while (fullNames.has(`${firstName} ${lastName}`)) {
        firstName = random.pick(FIRST_NAMES);
        lastName = random.pick(LAST_NAMES);
      }
      fullNames.add(`${firstName} ${lastName}`);

      const dateOfBirth = dateOfBirthOf(random, today);
      const adultFrom = addCalendarDays(dateOfBirth, ADULT_DAYS);
      const custodyStatus = random.weighted<CustodyStatus>({
        [CustodyStatus.SENTENCED]: 80,
        [CustodyStatus.RECALLED]: 14,
        [CustodyStatus.REMANDED]: 6,
      });
      const dates = withHmppsDates(
        prisonNumber,
        today,
        custodyStatus === CustodyStatus.REMANDED
          ? remandedDates(random, today, adultFrom)
          : custodyStatus === CustodyStatus.RECALLED
            ? recalledDates(random, today, adultFrom)
            : sentencedDates(random, today, adultFrom),
      );
      const effective = effectiveReleaseDate(dates);
      const sensitiveFlags = flagsOf(random);
      const flags = new Set(sensitiveFlags);

      const woman: Omit<DemoWoman, 'hasNationalInsuranceNumber'> = {
        prisonNumber,
        firstName,
        lastName,
        dateOfBirth,
        prisonCode,
        ...dates,
        releaseDate: effective?.date ?? null,
        releaseDateSource: effective?.source ?? null,
        releaseDateReason: effective?.reason ?? null,
        scheduledReleaseDate: effective?.scheduledDate ?? null,
        releaseDayRule: effective?.releaseDayRule ?? null,
        indeterminateSentence: false,
        releaseDayRequestReason: null,
        releaseAreaCode: releaseAreaOf(random, prisonCode),
        pomUsername: pomOf(random, prisonCode, custodyStatus),
        comUsername: null,
        keyworkerName: random.chance(0.75) ? random.pick(KEYWORKER_NAMES) : null,
        complexity: complexityOf(random, sensitiveFlags),
        sensitiveFlags,
        assessment: assessmentOf(random, prisonCode, dates.receptionDate, flags),
      };
      women.push({ ...woman, hasNationalInsuranceNumber: nationalInsuranceOf(flags, woman.assessment) });
    }
  }
  allocateComs(random, women);
  markParoleReleases(women);
  showDayOfRelease(women, today);
  // Parole releases and the day-of-release demo cases change what decides her walk-out day: work it out again.
  for (const woman of women) Object.assign(woman, releaseDateRecord(woman));
  return women;
}

/** The Friday on or before `date` in an ordinary week (Wednesday to Friday working days), or null within `floor`. */
function ordinaryFridayOnOrBefore(date: IsoDate, floor: IsoDate): IsoDate | null {
  for (let day = date; daysBetween(floor, day) >= 0; day = addCalendarDays(day, -1)) {
    const isFriday = DateTime.fromISO(day, { zone: LONDON_ZONE }).weekday === 5;
    if (isFriday && [0, -1, -2].every((d) => isWorkingDay(addCalendarDays(day, d)))) return day;
  }
  return null;
}

/**
 * The day-of-release rules on the demo board (README, "Day of release"). Random CRDs already put some women on
 * Fridays and before bank holidays (they walk out a day early); two sentenced women of Styal on the demo COM's
 * caseload are moved onto a Friday so the two cases beside the rule are always shown: one whose COM has asked
 * for one more working day, and one serving an indeterminate sentence, whom the Friday rule leaves alone.
 * Picked without drawing random numbers, so every other woman is as she was.
 */
function showDayOfRelease(women: DemoWoman[], today: IsoDate): void {
  const candidates = women.filter(
    (w) =>
      w.prisonCode === 'STI' &&
      w.comUsername === DEMO_USERNAMES.com &&
      w.custodyStatus === CustodyStatus.SENTENCED &&
      w.releaseType === ReleaseType.LICENCE &&
      w.confirmedReleaseDate === null &&
      w.hdcActualDate === null &&
      w.hdcEligibilityDate === null &&
      w.conditionalReleaseDate !== null &&
      w.conditionalReleaseOverrideDate === null &&
      w.nonParoleDate === null &&
      daysBetween(today, w.conditionalReleaseDate) >= 28,
  );
  const changes: Partial<DemoWoman>[] = [
    {
      releaseDayRequestReason:
        'Her supported housing place opens on the Wednesday: Thursday leaves no time to settle in',
    },
    { indeterminateSentence: true },
  ];
  for (const [woman, change] of candidates.slice(0, changes.length).map((w, i) => [w, changes[i]] as const)) {
    const friday = ordinaryFridayOnOrBefore(woman.conditionalReleaseDate as IsoDate, addCalendarDays(today, 14));
    if (!friday) continue;
    Object.assign(woman, change, { conditionalReleaseDate: friday });
  }
}
