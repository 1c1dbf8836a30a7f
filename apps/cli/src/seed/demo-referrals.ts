/**
 * The demo CRS referrals, so the COM's caseload and the caseworker's queue have work on a fresh start: drafts
 * for `com` to send, referrals sent and waiting for a caseworker at `crs`'s provider, one she has taken and
 * booked, and action plans waiting for `com` to approve (one of them late). Pure: the same women and "today"
 * give the same referrals; each step is dated in working days before today so the stage deadlines always
 * look current. The seed writes them through the referral repository and the shared stage rules.
 */
import { DateTime } from 'luxon';
import {
  Complexity,
  CRS_PATHWAYS,
  CustodyStatus,
  IsoDate,
  LONDON_ZONE,
  Pathway,
  PathwayStatus,
  ReferralAction,
  ReferralNeedsAndRequirements,
  ReferralPathway,
  ReferralRiskInformation,
  RoshLevel,
  SessionAttendance,
  SessionDeliveryMethod,
  SENSITIVE_PATHWAYS,
  WithdrawalReasonCode,
  addWorkingDays,
  makeReferralReference,
} from '@app/domain';
import { demoProviderForArea } from './demo-providers';
import { DEMO_USERNAMES } from './demo-users';
import { DemoWoman } from './demo-women';
import { Random } from './random';

export interface DemoReferralStep {
  action: ReferralAction;
  at: Date;
  /** A withdrawal's code and what happened. */
  reasonCode?: string;
  reason?: string;
}

export interface DemoReferral {
  reference: string;
  pathways: ReferralPathway[];
  riskInformation: ReferralRiskInformation;
  needsAndRequirements: ReferralNeedsAndRequirements | null;
  createdAt: Date;
  /** Oldest first; each is a legal step from the status the one before left. */
  steps: DemoReferralStep[];
  /** When the booked assessment takes place (with BOOK_ASSESSMENT). */
  assessmentAt: Date | null;
  /** What the caseworker plans (with SUBMIT_ACTION_PLAN). */
  actionPlan: string | null;
  /** The delivery sessions booked once the plan was approved, oldest first. */
  sessions: DemoSession[];
}

/** A delivery session of a demo referral in delivery: booked, and (if it has happened) what happened at it. */
export interface DemoSession {
  startsAt: Date;
  bookedAt: Date;
  durationMinutes: number;
  method: SessionDeliveryMethod;
  place: string | null;
  /** Null for a session still to come. */
  outcome: {
    attendance: SessionAttendance;
    attendanceReason: string | null;
    sessionSummary: string | null;
    sessionResponse: string | null;
    concernDetails: string | null;
  } | null;
}

/** The caseworker who takes the demo referrals works for the provider of the COM's own area. */
export const DEMO_REFERRAL_AREA = 'GREATER_MANCHESTER';

/** One demo session: working days from today (negative: past), and what happened (null: still to come). */
type SessionPlan = [number, DemoSession['outcome']];

const CENTRE = 'The women’s centre, 14 Oldham Street, Manchester';

/**
 * The sessions of the two referrals in delivery: attended, late, one that raised a concern, one she missed
 * yesterday (its follow-up due tomorrow), and the next one booked.
 */
const DELIVERY_SESSIONS: readonly (readonly SessionPlan[])[] = [
  [
    [-8, outcome(SessionAttendance.YES, null, 'Housing options and the council’s duty to refer', 'Engaged well')],
    [-6, outcome(SessionAttendance.LATE, 'Her bus was late', 'Benefits and a budget for the first month', null)],
    [
      -3,
      {
        ...outcome(SessionAttendance.YES, null, 'Looked at two shared houses', 'Anxious about moving'),
        concernDetails: 'She has been asked to leave her friend’s flat this week and may have nowhere to sleep',
      },
    ],
    [-1, outcome(SessionAttendance.NO, 'Not at the address and did not answer her phone', null, null)],
    [2, null],
  ],
  [
    [
      -2,
      outcome(SessionAttendance.YES, null, 'Went through her tenancy agreement line by line', 'Asked good questions'),
    ],
    [3, null],
  ],
];

function outcome(
  attendance: SessionAttendance,
  attendanceReason: string | null,
  sessionSummary: string | null,
  sessionResponse: string | null,
): NonNullable<DemoSession['outcome']> {
  return { attendance, attendanceReason, sessionSummary, sessionResponse, concernDetails: null };
}

type Withdrawal = { reasonCode: WithdrawalReasonCode; reason: string };

/** Each stage the demo shows, as steps taken this many working days before today. */
const STAGES: readonly {
  createdDaysAgo: number;
  steps: readonly (readonly [ReferralAction, number] | readonly [ReferralAction.WITHDRAW, number, Withdrawal])[];
  needsAndRequirements?: ReferralNeedsAndRequirements;
  /** In delivery: its sessions (DELIVERY_SESSIONS, by index). */
  sessions?: number;
}[] = [
  // Drafts waiting for the COM to send; the first says how the provider can work with her.
  {
    createdDaysAgo: 1,
    steps: [],
    needsAndRequirements: {
      accessibilityNeeds: 'Uses a walking stick: ground-floor rooms or a lift',
      needsInterpreter: true,
      interpreterLanguage: 'Polish',
      hasAdditionalResponsibilities: true,
      whenUnavailable: 'School runs on weekdays, 8:30 to 9:15 and 15:00 to 15:30',
    },
  },
  { createdDaysAgo: 2, steps: [] },
  // Sent, waiting for a caseworker: first contact due in 3 working days (on track), in 1 (at risk).
  { createdDaysAgo: 3, steps: [[ReferralAction.SEND, 2]] },
  { createdDaysAgo: 5, steps: [[ReferralAction.SEND, 4]] },
  // Taken and the assessment booked: the caseworker's own work, its action plan due in 7 working days.
  {
    createdDaysAgo: 6,
    steps: [
      [ReferralAction.SEND, 5],
      [ReferralAction.ASSIGN, 4],
      [ReferralAction.BOOK_ASSESSMENT, 3],
    ],
  },
  // Action plans waiting for the COM: due tomorrow (at risk), and one already late.
  {
    createdDaysAgo: 13,
    steps: [
      [ReferralAction.SEND, 12],
      [ReferralAction.ASSIGN, 11],
      [ReferralAction.BOOK_ASSESSMENT, 10],
      [ReferralAction.SUBMIT_ACTION_PLAN, 1],
    ],
  },
  {
    createdDaysAgo: 15,
    steps: [
      [ReferralAction.SEND, 14],
      [ReferralAction.ASSIGN, 13],
      [ReferralAction.BOOK_ASSESSMENT, 12],
      [ReferralAction.SUBMIT_ACTION_PLAN, 4],
    ],
  },
  // In delivery: the action plan approved and sessions under way (DELIVERY_SESSIONS, by index).
  {
    createdDaysAgo: 30,
    steps: [
      [ReferralAction.SEND, 29],
      [ReferralAction.ASSIGN, 28],
      [ReferralAction.BOOK_ASSESSMENT, 27],
      [ReferralAction.SUBMIT_ACTION_PLAN, 20],
      [ReferralAction.APPROVE_ACTION_PLAN, 19],
      [ReferralAction.START_DELIVERY, 18],
    ],
    sessions: 0,
  },
  {
    createdDaysAgo: 20,
    steps: [
      [ReferralAction.SEND, 19],
      [ReferralAction.ASSIGN, 18],
      [ReferralAction.BOOK_ASSESSMENT, 17],
      [ReferralAction.SUBMIT_ACTION_PLAN, 9],
      [ReferralAction.APPROVE_ACTION_PLAN, 8],
      [ReferralAction.START_DELIVERY, 7],
    ],
    sessions: 1,
  },
  // Withdrawn with the real service's codes, so provider accountability has codes to count.
  {
    createdDaysAgo: 20,
    steps: [
      [ReferralAction.SEND, 19],
      [
        ReferralAction.WITHDRAW,
        17,
        { reasonCode: WithdrawalReasonCode.NOT, reason: 'Did not come to the first two appointments' },
      ],
    ],
  },
  {
    createdDaysAgo: 22,
    steps: [
      [ReferralAction.SEND, 21],
      [ReferralAction.ASSIGN, 20],
      [
        ReferralAction.WITHDRAW,
        15,
        { reasonCode: WithdrawalReasonCode.MOV, reason: 'Going to her sister’s in Leeds, outside the provider’s area' },
      ],
    ],
  },
  {
    createdDaysAgo: 25,
    steps: [
      [ReferralAction.SEND, 24],
      [
        ReferralAction.WITHDRAW,
        23,
        { reasonCode: WithdrawalReasonCode.NEE, reason: 'Housed through the council’s duty to refer' },
      ],
    ],
  },
];

const DESIRED_OUTCOMES: Readonly<Partial<Record<Pathway, readonly string[]>>> = {
  [Pathway.ACCOMMODATION]: ['A settled address for the night of release', 'A plan for her rent arrears'],
  [Pathway.ATTITUDES_THINKING_AND_BEHAVIOUR]: ['Regular one-to-one support in the first weeks out'],
  [Pathway.CHILDREN_FAMILIES_AND_COMMUNITY]: ['Contact with her children arranged through children’s services'],
  [Pathway.DRUGS_AND_ALCOHOL]: ['An appointment with the community drug and alcohol service in her first week'],
  [Pathway.EDUCATION_SKILLS_AND_WORK]: ['A place on a course or a work placement within a month of release'],
  [Pathway.FINANCE_AND_ID]: ['A Universal Credit claim with an advance on release', 'A plan for her debts'],
};

const RISK_SUMMARIES: readonly string[] = [
  'Risk of violence to a former partner, raised when she is drinking. No concerns for staff.',
  'Risk to herself when her mental health is poor; no known risk to others.',
  'Known to carry a weapon when using drugs in the past; staff should meet her in an office.',
];

const ACTION_PLAN =
  'Weekly one-to-one sessions for the first six weeks, face to face at our women’s centre. Week one: ' +
  'housing options and the local authority’s duty to refer; week two: benefits and budgeting.';

/** A time on the working day this many working days before today, London time. */
function workingDaysAgo(today: IsoDate, days: number, hour: number): Date {
  const day = addWorkingDays(today, -days);
  const [year, month, date] = day.split('-').map(Number);
  return DateTime.fromObject({ year, month, day: date, hour }, { zone: LONDON_ZONE }).toJSDate();
}

/** Non-sensitive CRS pathways she needs support on (the demo keeps special category pathways out of referrals). */
function referablePathways(woman: DemoWoman): Pathway[] {
  return woman.assessment.outcomes
    .filter((o) => o.status === PathwayStatus.SUPPORT_REQUIRED)
    .map((o) => o.pathway)
    .filter((p) => CRS_PATHWAYS.includes(p) && !SENSITIVE_PATHWAYS.includes(p) && DESIRED_OUTCOMES[p]);
}

/**
 * Gives a referral to some of `com`'s women released to the provider `crs` works for, the soonest released
 * first. A woman is chosen only when her needs were identified before the referral was started.
 */
export function planDemoReferrals(women: readonly DemoWoman[], today: IsoDate, random: Random): void {
  const areas: readonly string[] = demoProviderForArea(DEMO_REFERRAL_AREA).releaseAreaCodes;
  const candidates = women
    .filter(
      (w) =>
        w.comUsername === DEMO_USERNAMES.com &&
        w.custodyStatus !== CustodyStatus.REMANDED &&
        w.releaseDate !== null &&
        areas.includes(w.releaseAreaCode) &&
        referablePathways(w).length > 0,
    )
    .sort((a, b) => (a.releaseDate ?? '').localeCompare(b.releaseDate ?? ''));
  const references = new Set<string>();
  for (const stage of STAGES) {
    const createdAt = workingDaysAgo(today, stage.createdDaysAgo, 9);
    const woman = candidates.find((w) => !w.referral && w.assessment.assessedAt < createdAt);
    if (!woman) continue;
    let reference = makeReferralReference(demoProviderForArea(woman.releaseAreaCode).contractSuffix, () =>
      random.float(),
    );
    while (references.has(reference)) {
      reference = makeReferralReference(demoProviderForArea(woman.releaseAreaCode).contractSuffix, () =>
        random.float(),
      );
    }
    references.add(reference);
    const pathways = referablePathways(woman).slice(0, 2);
    const steps = stage.steps.map(([action, daysAgo, withdrawal], i) => ({
      action,
      at: workingDaysAgo(today, daysAgo, 10 + i),
      ...(withdrawal ?? {}),
    }));
    const booked = stage.steps.find(([action]) => action === ReferralAction.BOOK_ASSESSMENT);
    woman.referral = {
      reference,
      pathways: pathways.map((pathway) => ({
        pathway,
        complexity: woman.complexity === Complexity.HIGH ? Complexity.HIGH : Complexity.MEDIUM,
        desiredOutcomes: [...(DESIRED_OUTCOMES[pathway] ?? [])],
      })),
      riskInformation: {
        roshLevel: random.pick([RoshLevel.LOW, RoshLevel.MEDIUM, RoshLevel.MEDIUM, RoshLevel.HIGH]),
        riskSummary: random.pick(RISK_SUMMARIES),
      },
      needsAndRequirements: stage.needsAndRequirements ?? null,
      createdAt,
      steps,
      // The assessment takes place four working days after it was booked.
      assessmentAt: booked ? workingDaysAgo(today, booked[1] - 4, 14) : null,
      actionPlan: steps.some((s) => s.action === ReferralAction.SUBMIT_ACTION_PLAN) ? ACTION_PLAN : null,
      sessions: stage.sessions === undefined ? [] : demoSessions(today, DELIVERY_SESSIONS[stage.sessions], steps),
    };
  }
}

/** The sessions of a referral in delivery, each booked the day delivery started, at 10:00 on its working day. */
function demoSessions(
  today: IsoDate,
  plans: readonly SessionPlan[],
  steps: readonly DemoReferralStep[],
): DemoSession[] {
  const started = steps.find((s) => s.action === ReferralAction.START_DELIVERY);
  if (!started) throw new Error('Demo sessions belong to a referral in delivery');
  return plans.map(([days, result], i) => ({
    startsAt: days < 0 ? workingDaysAgo(today, -days, 10) : workingDaysAhead(today, days, 10),
    bookedAt: new Date(started.at.getTime() + (i + 1) * 60_000),
    durationMinutes: 60,
    method: i % 3 === 2 ? SessionDeliveryMethod.PHONE_CALL : SessionDeliveryMethod.IN_PERSON_PROVIDER_LOCATION,
    place: i % 3 === 2 ? null : CENTRE,
    outcome: result,
  }));
}

function workingDaysAhead(today: IsoDate, days: number, hour: number): Date {
  return workingDaysAgo(today, -days, hour);
}
