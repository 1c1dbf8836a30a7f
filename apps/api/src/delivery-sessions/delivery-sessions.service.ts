/**
 * CRS delivery sessions: booking them under a referral whose action plan is approved, moving one, and recording
 * attendance and feedback once it has started. A missed session opens a follow-up task with a deadline; a concern
 * in the feedback is raised to her COM. Every change is audited on the referral and sent to the rooms that see it.
 */
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuthenticatedUser } from '@app/auth';
import {
  DeliverySessionEntity,
  DeliverySessionsRepository,
  ReferralEntity,
  ReferralRow,
  ReferralsRepository,
  TaskEntity,
  Tx,
  UnitOfWork,
  WomanEntity,
  WomenRepository,
} from '@app/database';
import {
  allowedActions,
  attendanceProblems,
  referralListFilterFor,
  referralVisibility,
  refusal,
  SessionAttendance,
  sessionBookingProblems,
  sessionsBookable,
  SessionSubject,
} from '@app/domain';
import type { SessionActionName } from '@app/contracts';
import { Actor, ChangeRecorder, DeadlineScheduler, MissedSessionFollowUps, SessionConcerns } from '@app/resettlement';
import { Clock } from '../common/clock';
import { problemsError } from '../common/validation-errors';
import { BookSessionDto, RecordAttendanceDto, RescheduleSessionDto } from './delivery-session.dto';
import {
  attendanceSnapshot,
  bookingSnapshot,
  DeliverySessionsView,
  DeliverySessionView,
  toDeliverySessionView,
} from './delivery-session.view';

const trimmed = (text: string | undefined): string | null => {
  const t = text?.trim();
  return t ? t : null;
};

@Injectable()
export class DeliverySessionsService {
  constructor(
    private readonly sessions: DeliverySessionsRepository,
    private readonly referrals: ReferralsRepository,
    private readonly women: WomenRepository,
    private readonly recorder: ChangeRecorder,
    private readonly concerns: SessionConcerns,
    private readonly followUps: MissedSessionFollowUps,
    private readonly scheduler: DeadlineScheduler,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthenticatedUser, referralId: string): Promise<DeliverySessionsView> {
    const { referral } = await this.findVisibleReferral(user, referralId);
    const sessions = await this.sessions.listForReferral(referralId);
    const now = this.clock.now();
    return {
      referralId,
      referralStatus: referral.status,
      sessions: sessions.map((s) => this.view(user, referral, s, now)),
      allowedActions: allowedActions(user, this.subject(referral, null, now)),
    };
  }

  async book(
    user: AuthenticatedUser,
    referralId: string,
    body: BookSessionDto,
    actor: Actor,
  ): Promise<DeliverySessionView> {
    const { referral } = await this.findVisibleReferral(user, referralId);
    const now = this.clock.now();
    this.refuseUnlessAllowed(user, 'session.book', this.subject(referral, null, now));
    this.refuseUnlessBookable(referral);
    const booking = this.bookingOf(body);
    const problems = sessionBookingProblems(booking, now);
    if (problems.length > 0) throw problemsError(problems);
    const created = await this.unitOfWork.run(async (tx) => {
      // The referral's row lock keeps numbering and its status steady until the booking commits.
      const locked = await this.referrals.findForUpdate(tx, referralId);
      if (!locked) throw new NotFoundException('No such referral in your caseload');
      this.refuseUnlessBookable(locked);
      const session = await this.sessions.insert(tx, {
        referralId,
        number: await this.sessions.nextNumber(tx, referralId),
        ...booking,
        bookedById: user.id,
      });
      await this.recorder.sessionChanged(tx, {
        woman: await this.requireWoman(tx, locked.womanId),
        referral: locked,
        session,
        action: 'SESSION_BOOKED',
        before: null,
        after: bookingSnapshot(session),
        actor,
      });
      return session;
    });
    return this.view(user, referral, created, now);
  }

  async reschedule(
    user: AuthenticatedUser,
    sessionId: string,
    body: RescheduleSessionDto,
    actor: Actor,
  ): Promise<DeliverySessionView> {
    const { session, referral } = await this.findVisibleSession(user, sessionId);
    const now = this.clock.now();
    this.refuseUnlessAllowed(user, 'session.reschedule', this.subject(referral, session, now));
    this.refuseUnlessOpen(session);
    this.refuseUnlessBookable(referral);
    const booking = this.bookingOf(body);
    const problems = sessionBookingProblems(booking, now);
    if (problems.length > 0) throw problemsError(problems);
    const updated = await this.unitOfWork.run(async (tx) => {
      const moved = await this.sessions.updateIfOpen(tx, sessionId, body.version, booking);
      if (!moved) throw this.changedMeanwhile(body.version);
      await this.recorder.sessionChanged(tx, {
        woman: await this.requireWoman(tx, referral.womanId),
        referral,
        session: moved,
        action: 'SESSION_RESCHEDULED',
        before: bookingSnapshot(session),
        after: bookingSnapshot(moved),
        actor,
      });
      return moved;
    });
    return this.view(user, referral, updated, now);
  }

  async recordAttendance(
    user: AuthenticatedUser,
    sessionId: string,
    body: RecordAttendanceDto,
    actor: Actor,
  ): Promise<DeliverySessionView> {
    const { session, referral } = await this.findVisibleSession(user, sessionId);
    const now = this.clock.now();
    this.refuseUnlessAllowed(user, 'session.record-attendance', this.subject(referral, session, now));
    this.refuseUnlessOpen(session);
    this.refuseUnlessBookable(referral);
    const record = {
      attendance: body.attendance,
      attendanceReason: trimmed(body.attendanceReason),
      sessionSummary: trimmed(body.sessionSummary),
      sessionResponse: trimmed(body.sessionResponse),
      concernRaised: body.concernRaised === true,
      concernDetails: body.concernRaised === true ? trimmed(body.concernDetails) : null,
    };
    const problems = attendanceProblems(record, session, now);
    if (problems.length > 0) throw problemsError(problems);
    const scheduled: TaskEntity[] = [];
    const messages: string[] = [];
    const updated = await this.unitOfWork.run(async (tx) => {
      messages.length = 0; // a retried transaction requests them afresh
      const woman = await this.requireWoman(tx, referral.womanId);
      const followUp =
        record.attendance === SessionAttendance.NO
          ? await this.followUps.open(tx, {
              woman,
              referral,
              session,
              holderId: referral.caseworkerId ?? user.id,
              actor,
              now,
            })
          : null;
      if (followUp) scheduled.push(followUp);
      const recorded = await this.sessions.updateIfOpen(tx, sessionId, body.version, {
        ...record,
        attendanceRecordedById: user.id,
        attendanceRecordedAt: now,
        followUpTaskId: followUp?.id ?? null,
      });
      if (!recorded) throw this.changedMeanwhile(body.version);
      await this.recorder.sessionChanged(tx, {
        woman,
        referral,
        session: recorded,
        action: 'SESSION_ATTENDANCE_RECORDED',
        before: { sessionId, number: session.number, attendance: null, version: session.version },
        after: attendanceSnapshot(recorded),
        actor,
      });
      if (recorded.concernRaised)
        messages.push(...(await this.concerns.raise(tx, { woman, referral, session: recorded })));
      return recorded;
    });
    await this.scheduler.schedule(scheduled, now);
    await this.concerns.dispatch(messages);
    return this.view(user, referral, updated, now);
  }

  private bookingOf(body: BookSessionDto) {
    return {
      startsAt: new Date(body.startsAt),
      durationMinutes: body.durationMinutes,
      method: body.method,
      place: trimmed(body.place),
    };
  }

  private subject(referral: ReferralEntity, session: DeliverySessionEntity | null, now: Date): SessionSubject {
    return {
      kind: 'session',
      referralStatus: referral.status,
      providerId: referral.providerId,
      session: session
        ? { attendanceRecorded: session.attendance !== null, started: session.startsAt.getTime() <= now.getTime() }
        : null,
    };
  }

  private view(
    user: AuthenticatedUser,
    referral: ReferralEntity,
    session: DeliverySessionEntity,
    now: Date,
  ): DeliverySessionView {
    const visibility = referralVisibility(user, { ...referral, pathways: referral.pathways.map((p) => p.pathway) });
    return toDeliverySessionView(session, {
      feedback: visibility.riskInformation,
      allowedActions: allowedActions(user, this.subject(referral, session, now)),
    });
  }

  private refuseUnlessAllowed(user: AuthenticatedUser, action: SessionActionName, subject: SessionSubject): void {
    const refused = refusal(user, action, subject);
    if (refused) throw new ForbiddenException(refused);
  }

  private refuseUnlessBookable(referral: ReferralEntity): void {
    if (!sessionsBookable(referral.status)) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `A referral that is ${referral.status} has no sessions to book or record: sessions follow the approved action plan, until the referral ends`,
        status: referral.status,
      });
    }
  }

  private refuseUnlessOpen(session: DeliverySessionEntity): void {
    if (session.attendance !== null) {
      throw new ConflictException(
        `Session ${session.number} already has its attendance recorded (${session.attendance}): it cannot change`,
      );
    }
  }

  private changedMeanwhile(version: number): ConflictException {
    return new ConflictException(
      `The session was changed by someone else since you read it (you sent version ${version}): reload and try again`,
    );
  }

  private async findVisibleReferral(user: AuthenticatedUser, id: string): Promise<ReferralRow> {
    const row = await this.referrals.findInScope(user.scope, referralListFilterFor(user), id);
    if (
      !row ||
      !referralVisibility(user, { ...row.referral, pathways: row.referral.pathways.map((p) => p.pathway) }).visible
    )
      throw new NotFoundException('No such referral in your caseload');
    return row;
  }

  private async findVisibleSession(
    user: AuthenticatedUser,
    id: string,
  ): Promise<{ session: DeliverySessionEntity; referral: ReferralEntity }> {
    const session = await this.sessions.findById(id);
    if (!session) throw new NotFoundException('No such session in your caseload');
    const row = await this.findVisibleReferral(user, session.referralId).catch(() => {
      throw new NotFoundException('No such session in your caseload');
    });
    return { session, referral: row.referral };
  }

  private async requireWoman(tx: Tx, id: string): Promise<WomanEntity> {
    const woman = await this.women.findById(tx, id);
    if (!woman) throw new NotFoundException('No such woman');
    return woman;
  }
}
