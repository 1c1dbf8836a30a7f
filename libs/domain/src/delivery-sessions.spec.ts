import { allowedActions, CapabilityUser, refusal, SessionSubject } from './capabilities';
import {
  attendanceProblems,
  AttendanceRecord,
  endOfServiceSessionProblems,
  sessionBookingProblems,
  SessionAttendance,
  SessionDeliveryMethod,
  sessionsBookable,
} from './delivery-sessions';
import { ReferralStatus } from './referrals';
import { Role } from './roles';

const now = new Date('2026-11-30T10:00:00Z');
const later = new Date('2026-12-02T10:00:00Z');
const earlier = new Date('2026-11-27T10:00:00Z');

const fields = (problems: { field: string }[]): string[] => problems.map((p) => p.field);

describe('booking a delivery session', () => {
  it('is possible once the action plan is approved and while delivery goes on, not before or after', () => {
    expect(sessionsBookable(ReferralStatus.ACTION_PLAN_APPROVED)).toBe(true);
    expect(sessionsBookable(ReferralStatus.IN_DELIVERY)).toBe(true);
    for (const status of [
      ReferralStatus.SENT,
      ReferralStatus.ASSESSMENT_BOOKED,
      ReferralStatus.ACTION_PLAN_SUBMITTED,
      ReferralStatus.ENDED,
      ReferralStatus.WITHDRAWN,
    ]) {
      expect(sessionsBookable(status)).toBe(false);
    }
  });

  it('accepts a video call in the future with no place', () => {
    const booking = { startsAt: later, durationMinutes: 60, method: SessionDeliveryMethod.VIDEO_CALL, place: null };
    expect(sessionBookingProblems(booking, now)).toEqual([]);
  });

  it('refuses a time in the past, a silly duration and an in-person session with no place, naming each field', () => {
    const booking = {
      startsAt: earlier,
      durationMinutes: 5,
      method: SessionDeliveryMethod.IN_PERSON_PROVIDER_LOCATION,
      place: '  ',
    };
    expect(fields(sessionBookingProblems(booking, now))).toEqual(['startsAt', 'durationMinutes', 'place']);
  });

  it('refuses a session starting now: it must be in the future', () => {
    const booking = { startsAt: now, durationMinutes: 60, method: SessionDeliveryMethod.PHONE_CALL, place: null };
    expect(fields(sessionBookingProblems(booking, now))).toEqual(['startsAt']);
  });
});

describe('recording attendance', () => {
  const record = (facts: Partial<AttendanceRecord>): AttendanceRecord => ({
    attendance: SessionAttendance.YES,
    attendanceReason: null,
    sessionSummary: 'Went through her tenancy agreement',
    sessionResponse: null,
    concernRaised: false,
    concernDetails: null,
    ...facts,
  });
  const past = { startsAt: earlier, attendance: null };

  it('accepts an attended session with a summary', () => {
    expect(attendanceProblems(record({}), past, now)).toEqual([]);
  });

  it('accepts late with a summary and no reason', () => {
    expect(attendanceProblems(record({ attendance: SessionAttendance.LATE }), past, now)).toEqual([]);
  });

  it('refuses attendance before the session has started', () => {
    expect(fields(attendanceProblems(record({}), { startsAt: later, attendance: null }, now))).toEqual(['attendance']);
  });

  it('needs a reason when she did not attend, and no summary', () => {
    const missed = record({ attendance: SessionAttendance.NO, sessionSummary: null });
    expect(fields(attendanceProblems(missed, past, now))).toEqual(['attendanceReason']);
    expect(attendanceProblems({ ...missed, attendanceReason: 'In hospital' }, past, now)).toEqual([]);
  });

  it('needs a summary of a session she came to', () => {
    expect(fields(attendanceProblems(record({ sessionSummary: ' ' }), past, now))).toEqual(['sessionSummary']);
  });

  it('needs the details of a concern', () => {
    expect(fields(attendanceProblems(record({ concernRaised: true }), past, now))).toEqual(['concernDetails']);
    expect(
      attendanceProblems(record({ concernRaised: true, concernDetails: 'Talked of a new partner' }), past, now),
    ).toEqual([]);
  });
});

describe('the end-of-service report', () => {
  it('follows the sessions: every booked session needs its attendance first', () => {
    expect(endOfServiceSessionProblems([])).toEqual([]);
    expect(endOfServiceSessionProblems([{ number: 1, attendance: SessionAttendance.YES }])).toEqual([]);
    const problems = endOfServiceSessionProblems([
      { number: 1, attendance: SessionAttendance.NO },
      { number: 2, attendance: null },
      { number: 3, attendance: null },
    ]);
    expect(problems).toEqual([{ field: 'sessions', message: expect.stringContaining('sessions 2, 3') }]);
  });
});

describe('who books and records sessions', () => {
  const caseworker: CapabilityUser = { id: 'cw1', role: Role.CRS_CASEWORKER, providerId: 'p1' };
  const otherProvider: CapabilityUser = { id: 'cw2', role: Role.CRS_CASEWORKER, providerId: 'p2' };
  const com: CapabilityUser = { id: 'com1', role: Role.COM };
  const list = (referralStatus: ReferralStatus): SessionSubject => ({
    kind: 'session',
    referralStatus,
    providerId: 'p1',
    session: null,
  });
  const one = (session: SessionSubject['session'], referralStatus = ReferralStatus.IN_DELIVERY): SessionSubject => ({
    kind: 'session',
    referralStatus,
    providerId: 'p1',
    session,
  });

  it('lets a caseworker of the referral’s provider book once the plan is approved', () => {
    expect(allowedActions(caseworker, list(ReferralStatus.ACTION_PLAN_APPROVED))).toEqual(['session.book']);
    expect(allowedActions(caseworker, list(ReferralStatus.ACTION_PLAN_SUBMITTED))).toEqual([]);
  });

  it('lets her reschedule a session to come and record one that has started, once', () => {
    expect(allowedActions(caseworker, one({ attendanceRecorded: false, started: false }))).toEqual([
      'session.reschedule',
    ]);
    expect(allowedActions(caseworker, one({ attendanceRecorded: false, started: true }))).toEqual([
      'session.reschedule',
      'session.record-attendance',
    ]);
    expect(allowedActions(caseworker, one({ attendanceRecorded: true, started: true }))).toEqual([]);
  });

  it('refuses another provider’s caseworker and lets the COM only look', () => {
    expect(allowedActions(otherProvider, list(ReferralStatus.IN_DELIVERY))).toEqual([]);
    expect(refusal(otherProvider, 'session.book', list(ReferralStatus.IN_DELIVERY))).toMatch(/provider delivering/);
    expect(allowedActions(com, one({ attendanceRecorded: false, started: true }))).toEqual([]);
    expect(refusal(com, 'session.record-attendance')).toMatch(/provider delivering/);
  });
});
