/**
 * CRS delivery sessions (issue 16, point 1): when a provider may book a session with her, when its attendance may
 * be recorded and what the record must say, the follow-up a missed session opens, and the rule that the
 * end-of-service report follows the sessions.
 *
 * Source for the vocabulary and the shape of the record: HMPPS "Refer and monitor an intervention"
 * (ministryofjustice/hmpps-interventions-service): sessions are booked against an approved action plan, each with a
 * time, a duration and a delivery method (phone call, video call, in person at the provider's office or elsewhere,
 * with an address); attendance is yes, late or no; feedback says what was done and how she responded, and can ask
 * that the probation practitioner be notified of a concern.
 */
import { DeliverySessionStatus, ReferralStatus, SessionAttendance, SessionDeliveryMethod } from '@app/contracts';
import { EscalationStep, EscalationTarget } from './alerts';
import { Role } from './roles';
import { DeadlineAnchor, DeadlineRule, OffsetUnit } from './task-template';
export { DeliverySessionStatus, SessionAttendance, SessionDeliveryMethod } from '@app/contracts';

export const SESSION_DELIVERY_METHODS: readonly SessionDeliveryMethod[] = Object.values(SessionDeliveryMethod);
export const SESSION_ATTENDANCES: readonly SessionAttendance[] = Object.values(SessionAttendance);

/**
 * Sessions are booked once the COM has approved the action plan, and while delivery goes on. Booking does not start
 * delivery by itself: starting delivery stays the caseworker's own step, so the board and the provider reports
 * show when delivery began as she recorded it, not as a side effect of a booking.
 */
export const SESSION_BOOKABLE_STATUSES: readonly ReferralStatus[] = [
  ReferralStatus.ACTION_PLAN_APPROVED,
  ReferralStatus.IN_DELIVERY,
];

export function sessionsBookable(status: ReferralStatus): boolean {
  return SESSION_BOOKABLE_STATUSES.includes(status);
}

/** The methods that take place somewhere, and so need a place (an address or a named location). */
export const IN_PERSON_METHODS: readonly SessionDeliveryMethod[] = [
  SessionDeliveryMethod.IN_PERSON_PROVIDER_LOCATION,
  SessionDeliveryMethod.IN_PERSON_OTHER_LOCATION,
];

export const MIN_SESSION_MINUTES = 15;
export const MAX_SESSION_MINUTES = 8 * 60;

export interface SessionProblem {
  field: string;
  message: string;
}

export interface SessionBooking {
  startsAt: Date;
  durationMinutes: number;
  method: SessionDeliveryMethod;
  place: string | null;
}

/** Problems with a booking (or a new time for one), by field: a session is booked for the future, in a place if in person. */
export function sessionBookingProblems(booking: SessionBooking, now: Date): SessionProblem[] {
  const problems: SessionProblem[] = [];
  if (booking.startsAt.getTime() <= now.getTime()) {
    problems.push({ field: 'startsAt', message: 'A session is booked for a time in the future' });
  }
  if (
    !Number.isInteger(booking.durationMinutes) ||
    booking.durationMinutes < MIN_SESSION_MINUTES ||
    booking.durationMinutes > MAX_SESSION_MINUTES
  ) {
    problems.push({
      field: 'durationMinutes',
      message: `A session lasts between ${MIN_SESSION_MINUTES} and ${MAX_SESSION_MINUTES} whole minutes`,
    });
  }
  if (IN_PERSON_METHODS.includes(booking.method) && (booking.place ?? '').trim() === '') {
    problems.push({ field: 'place', message: 'Say where an in-person session takes place' });
  }
  return problems;
}

export interface AttendanceRecord {
  attendance: SessionAttendance;
  attendanceReason: string | null;
  sessionSummary: string | null;
  sessionResponse: string | null;
  concernRaised: boolean;
  concernDetails: string | null;
}

const blank = (text: string | null): boolean => (text ?? '').trim() === '';

/**
 * Problems with an attendance record, by field. Attendance is recorded once the session has started; a missed
 * session needs its reason; a session she came to says what was done; a concern says what it is, since the COM
 * acts on it.
 */
export function attendanceProblems(
  record: AttendanceRecord,
  session: { startsAt: Date; attendance: SessionAttendance | null },
  now: Date,
): SessionProblem[] {
  const problems: SessionProblem[] = [];
  if (session.startsAt.getTime() > now.getTime()) {
    problems.push({ field: 'attendance', message: 'Attendance is recorded after the session has started' });
  }
  if (record.attendance === SessionAttendance.NO && blank(record.attendanceReason)) {
    problems.push({ field: 'attendanceReason', message: 'Say why she did not attend' });
  }
  if (record.attendance !== SessionAttendance.NO && blank(record.sessionSummary)) {
    problems.push({ field: 'sessionSummary', message: 'Say what was done in the session' });
  }
  if (record.concernRaised && blank(record.concernDetails)) {
    problems.push({ field: 'concernDetails', message: 'Describe the concern: her COM acts on it' });
  }
  return problems;
}

export function sessionStatusOf(attendance: SessionAttendance | null): DeliverySessionStatus {
  return attendance === null ? DeliverySessionStatus.BOOKED : DeliverySessionStatus.ATTENDANCE_RECORDED;
}

/**
 * The end-of-service report follows the sessions: a referral ends only when every session booked with her has its
 * attendance recorded (a session booked and never recorded is either still to come or a gap in the record). A
 * referral with no sessions may still end: some women disengage before the first one, and the report says so.
 */
export function endOfServiceSessionProblems(
  sessions: readonly { number: number; attendance: SessionAttendance | null }[],
): SessionProblem[] {
  const open = sessions.filter((s) => s.attendance === null).map((s) => s.number);
  return open.length === 0
    ? []
    : [
        {
          field: 'sessions',
          message: `Record attendance of session${open.length > 1 ? 's' : ''} ${open.join(', ')} before the end-of-service report`,
        },
      ];
}

/** The catalogue key of the follow-up a missed session opens. */
export const MISSED_SESSION_TASK_KEY = 'CRS_MISSED_SESSION_FOLLOW_UP';

/**
 * A missed session is followed up by the caseworker within 2 working days, at risk after 1 and escalated to her
 * team manager a working day late. The 2 days are a product choice, matching the COM's 2 working days to approve a
 * plan or fix a returned referral (referrals.ts): re-engaging her soon is what keeps the intervention alive.
 */
export const MISSED_SESSION_FOLLOW_UP = {
  title: 'Follow up missed CRS session',
  description:
    'She did not attend a booked session: contact her, find out why, and book the next session or tell her COM.',
  ownerRole: Role.CRS_CASEWORKER,
  deadline: { anchor: DeadlineAnchor.NEED_IDENTIFIED, offset: 2, unit: OffsetUnit.WORKING_DAYS } as DeadlineRule,
  atRiskLeadWorkingDays: 1,
  escalationLadder: [{ afterWorkingDays: 1, to: EscalationTarget.TEAM_MANAGER }] as readonly EscalationStep[],
} as const;
