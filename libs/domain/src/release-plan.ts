/**
 * Her printed release plan (issue 18): what goes in it, as headed blocks of plain sentences in English or Welsh,
 * worked out from the facts of her case. Pure: the API gathers the facts and draws the PDF; this decides what she
 * reads, and above all what she never reads.
 *
 * Never in it: risk information, anyone's notes (task notes, appointment notes, the plan's free text), task
 * titles (written for staff, in English). Special category details (the domestic abuse, sex work and health
 * pathways, health appointments, her medication and safe-space items; UK GDPR art. 9, see visibility-policy.ts)
 * only when her team ticks them in for her copy; staff names only when the team ticks that too (she is told who
 * helps by role and organisation).
 *
 * What to bring follows GOV.UK "Leaving prison" (licence, discharge grant, ID) and "Prisoners' bank accounts";
 * what to do if she has nowhere to stay follows the councils' duties to help the homeless (Housing Act 1996 Part 7
 * in England; Housing (Wales) Act 2014 Part 2 in Wales); an advance on Universal Credit is GOV.UK "Universal
 * Credit advances".
 */
import { AppointmentKind, ChecklistState, Pathway, PathwayStatus, Role, TaskStatus } from '@app/contracts';
import type { ChecklistItem } from '@app/contracts';
import { NATIONAL_PHONE_NUMBERS, planText, type PlanLanguage, type PlanTextKey } from './release-plan-text';
import { HEALTH_APPOINTMENT_KINDS, RELEASE_DAY_DETAIL_ITEMS, SENSITIVE_PATHWAYS } from './visibility-policy';

/** What the team ticked in for her copy. */
export interface ReleasePlanIncludes {
  /** Staff names beside their roles. */
  staffNames: boolean;
  /** Special category details: the sensitive pathways, health appointments, medication and safe space. */
  specialCategory: boolean;
}

export interface ReleasePlanFacts {
  firstName: string;
  lastName: string;
  prisonNumber: string;
  /** The day she walks out (YYYY-MM-DD), or null when not yet fixed. */
  releaseDate: string | null;
  /** The prison she is in (or left), by name: "HMP Styal". */
  prisonName: string | null;
  releaseAreaName: string;
  /** Her release area's nation: which housing law and which domestic abuse helpline. */
  country: string;
  comName: string | null;
  pomName: string | null;
  keyworkerName: string | null;
  probationPhone: string | null;
  pathways: { pathway: Pathway; status: PathwayStatus }[];
  tasks: { pathway: Pathway; ownerRole: Role; status: TaskStatus; dueDate: string | null }[];
  /** Sent referrals still open or ended (not drafts, withdrawn or returned), with the provider's name and phone. */
  referrals: { pathways: Pathway[]; providerName: string; providerPhone: string | null }[];
  appointments: { kind: AppointmentKind; startsAt: Date; place: string; town: string }[];
  checklist: Partial<Record<ChecklistItem, ChecklistState>>;
  /** Today, YYYY-MM-DD. */
  today: string;
}

export type PlanBlock =
  | { kind: 'paragraph'; text: string }
  /** A line of a list; `strong` for a need's name or an appointment's time. */
  | { kind: 'item'; text: string; strong?: boolean }
  | { kind: 'subheading'; text: string };

export interface PlanSection {
  heading: string;
  blocks: PlanBlock[];
}

export interface ReleasePlanDocument {
  language: PlanLanguage;
  title: string;
  /** Whose plan, her release date, when it was made: under the title. */
  intro: PlanBlock[];
  sections: PlanSection[];
}

const LOCALE: Record<PlanLanguage, string> = { en: 'en-GB', cy: 'cy' };
const ZONE = 'Europe/London';

/** "Thursday 17 December 2026" (GOV.UK's style, no comma), "dydd Iau 17 Rhagfyr 2026" in Welsh. */
function longDate(language: PlanLanguage, isoDate: string): string {
  // Noon UTC is the same calendar day in London all year.
  const parts = new Intl.DateTimeFormat(LOCALE[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: ZONE,
  }).formatToParts(new Date(`${isoDate}T12:00:00Z`));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // "Dydd Iau" -> "dydd Iau": only the word for day is lower case in running Welsh text.
  const weekday = language === 'cy' ? part('weekday').replace(/^Dydd /, 'dydd ') : part('weekday');
  return [weekday, part('day'), part('month'), part('year')].join(' ');
}

function clockTime(language: PlanLanguage, at: Date): string {
  return new Intl.DateTimeFormat(LOCALE[language], { hour: '2-digit', minute: '2-digit', timeZone: ZONE }).format(at);
}

const OPEN: readonly TaskStatus[] = [TaskStatus.TODO, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED];
const ROLE_ORDER: readonly Role[] = [Role.PRE_RELEASE_TEAM, Role.POM, Role.COM, Role.CRS_CASEWORKER];

/** The pathways her copy may show: the special category ones only when ticked in. */
function shownPathway(includes: ReleasePlanIncludes) {
  return (pathway: Pathway) => includes.specialCategory || !SENSITIVE_PATHWAYS.includes(pathway);
}

export function buildReleasePlan(
  facts: ReleasePlanFacts,
  options: { language: PlanLanguage; include: ReleasePlanIncludes },
): ReleasePlanDocument {
  const { language, include } = options;
  const t = (key: PlanTextKey, values?: Record<string, string | number>) => planText(language, key, values);
  const shown = shownPathway(include);
  const prison = facts.prisonName ?? t('thePrison');
  const named = (helper: string, name: string | null) =>
    include.staffNames && name ? t('namedPerson', { helper, name }) : helper;

  const opening: PlanBlock[] = [
    {
      kind: 'paragraph',
      text: t('forWhom', { name: `${facts.firstName} ${facts.lastName}`, prisonNumber: facts.prisonNumber }),
    },
    {
      kind: 'paragraph',
      text: facts.releaseDate
        ? t('releaseDate', { date: longDate(language, facts.releaseDate) })
        : t('releaseDateUnknown'),
    },
    { kind: 'paragraph', text: t('keepSafe') },
    { kind: 'paragraph', text: t('madeOn', { date: longDate(language, facts.today) }) },
  ];

  // Who is helping with each need.
  const needs: PlanBlock[] = [{ kind: 'paragraph', text: t('helpersIntro') }];
  const statusOf = new Map(facts.pathways.map((p) => [p.pathway, p.status]));
  const listed = Object.values(Pathway).filter(
    (pathway) =>
      shown(pathway) &&
      (facts.tasks.some((task) => task.pathway === pathway && task.status !== TaskStatus.NOT_NEEDED) ||
        facts.referrals.some((r) => r.pathways.includes(pathway)) ||
        [PathwayStatus.SUPPORT_REQUIRED, PathwayStatus.IN_PROGRESS, PathwayStatus.DONE].includes(
          statusOf.get(pathway) ?? PathwayStatus.NOT_STARTED,
        )),
  );
  for (const pathway of listed) {
    const tasks = facts.tasks.filter((task) => task.pathway === pathway);
    const providers = [
      ...new Set(facts.referrals.filter((r) => r.pathways.includes(pathway)).map((r) => r.providerName)),
    ];
    const roles = ROLE_ORDER.filter((role) => tasks.some((task) => task.ownerRole === role));
    const helpers: string[] = [];
    for (const role of roles) {
      if (role === Role.PRE_RELEASE_TEAM) helpers.push(t('role_PRE_RELEASE_TEAM', { prison }));
      if (role === Role.POM) helpers.push(named(t('role_POM', { prison }), facts.pomName));
      if (role === Role.COM) helpers.push(named(t('role_COM', { area: facts.releaseAreaName }), facts.comName));
      if (role === Role.CRS_CASEWORKER && providers.length === 0) helpers.push(t('role_CRS_CASEWORKER_UNNAMED'));
    }
    for (const provider of providers) helpers.push(t('role_CRS_CASEWORKER', { provider }));
    const done = tasks.filter((task) => task.status === TaskStatus.DONE).length;
    const open = tasks.filter((task) => OPEN.includes(task.status));
    const nextDue = open
      .map((task) => task.dueDate)
      .filter((d): d is string => d !== null)
      .sort()[0];
    needs.push({ kind: 'subheading', text: t(`pathway_${pathway}`) });
    const status = statusOf.get(pathway);
    if (status) needs.push({ kind: 'item', text: t('statusLine', { status: t(`status_${status}`) }) });
    needs.push({ kind: 'item', text: t('helpedBy'), strong: true });
    if (helpers.length === 0) needs.push({ kind: 'item', text: t('nobodyYet') });
    for (const helper of helpers) needs.push({ kind: 'item', text: helper });
    needs.push({
      kind: 'item',
      text: `${t('doneCount', { count: done })}. ${t('toDoCount', { count: open.length })}.`,
    });
    if (nextDue) needs.push({ kind: 'item', text: t('nextBy', { date: longDate(language, nextDue) }) });
  }
  if (listed.length === 0) needs.push({ kind: 'paragraph', text: t('noNeeds') });
  if (facts.keyworkerName) {
    // Her keyworker is a prison officer she sees every week: named only when the team ticks names in.
    needs.push({ kind: 'paragraph', text: named(t('role_KEYWORKER', { prison }), facts.keyworkerName) });
  }

  // The day itself.
  const day: PlanBlock[] = [];
  if (facts.releaseDate)
    day.push({ kind: 'paragraph', text: t('releaseDate', { date: longDate(language, facts.releaseDate) }) });
  const appointments = facts.appointments
    .filter((a) => include.specialCategory || !HEALTH_APPOINTMENT_KINDS.includes(a.kind))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  if (appointments.length === 0) day.push({ kind: 'paragraph', text: t('noAppointments') });
  else day.push({ kind: 'paragraph', text: t('appointmentsIntro') });
  for (const a of appointments) {
    day.push({
      kind: 'item',
      strong: true,
      text: t('appointmentTime', { time: clockTime(language, a.startsAt), what: t(`appointment_${a.kind}`) }),
    });
    day.push({ kind: 'item', text: t('appointmentPlace', { place: a.place, town: a.town }) });
  }
  const items = (Object.entries(facts.checklist) as [ChecklistItem, ChecklistState][]).filter(
    ([item, state]) =>
      state !== ChecklistState.NOT_NEEDED && (include.specialCategory || !RELEASE_DAY_DETAIL_ITEMS.includes(item)),
  );
  if (items.length > 0) {
    day.push({ kind: 'paragraph', text: t('arrangementsIntro') });
    for (const [item, state] of items) {
      const key = state === ChecklistState.ARRANGED ? 'itemArranged' : 'itemNeeded';
      day.push({ kind: 'item', text: t(key, { item: t(`item_${item}`) }) });
    }
  }

  const bring: PlanBlock[] = [
    { kind: 'paragraph', text: t('bringIntro') },
    ...(['bringLicence', 'bringGrant', 'bringId', 'bringBank', 'bringNi', 'bringPlan', 'bringPhone'] as const).map(
      (key): PlanBlock => ({ kind: 'item', text: t(key) }),
    ),
  ];

  const wrong: PlanBlock[] = (
    ['wrongLate', 'wrongHousing', 'wrongMoney', 'wrongUnwell', 'wrongEmergency', 'wrongClosed'] as const
  ).map((key) => ({ kind: 'item', text: t(key) }));

  const phone = (who: string, number: string): PlanBlock => ({ kind: 'item', text: t('phoneLine', { who, number }) });
  const phones: PlanBlock[] = [];
  if (facts.probationPhone)
    phones.push(phone(t('phoneProbation', { area: facts.releaseAreaName }), facts.probationPhone));
  else phones.push({ kind: 'item', text: t('noProbationPhone') });
  const providerPhones = new Map<string, string>();
  for (const r of facts.referrals) {
    if (r.providerPhone && r.pathways.some(shown)) providerPhones.set(r.providerName, r.providerPhone);
  }
  for (const [provider, number] of providerPhones) phones.push(phone(t('phoneProvider', { provider }), number));
  phones.push(
    phone(
      t('phoneUniversalCredit'),
      language === 'cy' ? NATIONAL_PHONE_NUMBERS.universalCreditWelsh : NATIONAL_PHONE_NUMBERS.universalCredit,
    ),
  );
  if (include.specialCategory && listed.includes(Pathway.DOMESTIC_ABUSE)) {
    phones.push(
      facts.country === 'WALES'
        ? phone(t('phoneDomesticAbuseWales'), NATIONAL_PHONE_NUMBERS.domesticAbuseWales)
        : phone(t('phoneDomesticAbuseEngland'), NATIONAL_PHONE_NUMBERS.domesticAbuseEngland),
    );
  }
  phones.push(phone(t('phoneNhs'), NATIONAL_PHONE_NUMBERS.nhs111));
  phones.push(phone(t('phoneSamaritans'), NATIONAL_PHONE_NUMBERS.samaritans));
  phones.push(phone(t('phoneEmergency'), NATIONAL_PHONE_NUMBERS.emergency));

  return {
    language,
    title: t('title'),
    intro: opening,
    sections: [
      { heading: t('helpersHeading'), blocks: needs },
      { heading: t('releaseDayHeading'), blocks: day },
      { heading: t('bringHeading'), blocks: bring },
      { heading: t('wrongHeading'), blocks: wrong },
      { heading: t('phonesHeading'), blocks: [...phones, { kind: 'paragraph', text: t('footer') }] },
    ],
  };
}

/** The plan as plain text, one block a line: what the readability check and the tests read. */
export function releasePlanText(plan: ReleasePlanDocument): string {
  return [
    plan.title,
    ...plan.intro.map((b) => b.text),
    ...plan.sections.flatMap((s) => [s.heading, ...s.blocks.map((b) => b.text)]),
  ].join('\n');
}
