/**
 * Writes a demo woman's CRS referral (see demo-referrals.ts) the way the API would have: drafted by her COM,
 * then each step a conditional update on the status it leaves, with its status-log row, its audit row and
 * board event, and the stage tasks the shared ReferralStagesService opens and closes, dated when it was taken.
 */
import { Injectable } from '@nestjs/common';
import {
  DeliverySessionEntity,
  DeliverySessionsRepository,
  ReferralEntity,
  ReferralsRepository,
  Tx,
  UserEntity,
  WomanEntity,
} from '@app/database';
import {
  codedReasonProblems,
  REFERRAL_TRANSITIONS,
  ReferralAction,
  ReferralStatus,
  referralSendProblems,
  referralTransitionProblem,
  SessionAttendance,
} from '@app/domain';
import {
  Actor,
  ChangeRecorder,
  MissedSessionFollowUps,
  ReferralStagesService,
  SessionConcerns,
} from '@app/resettlement';
import { DemoReferral, DemoReferralStep, DemoSession } from './demo-referrals';
import { DemoStaff, staffMember } from './demo-staff.writer';
import { DEMO_USERNAMES } from './demo-users';
import { DemoWoman } from './demo-women';

/** What the audit trail keeps of a referral, as the API keeps it. */
function snapshot(r: ReferralEntity): Record<string, unknown> {
  return { status: r.status, pathways: r.pathways, caseworkerId: r.caseworkerId, version: r.version };
}

@Injectable()
export class DemoReferralWriter {
  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly stages: ReferralStagesService,
    private readonly recorder: ChangeRecorder,
    private readonly sessions: DeliverySessionsRepository,
    private readonly followUps: MissedSessionFollowUps,
    private readonly concerns: SessionConcerns,
  ) {}

  async write(tx: Tx, woman: WomanEntity, demo: DemoWoman, staff: DemoStaff, requestId: string): Promise<void> {
    const plan = demo.referral;
    if (!plan) return;
    const com = staffMember(staff, DEMO_USERNAMES.com);
    const caseworker = staffMember(staff, DEMO_USERNAMES.crs);
    const providerId = staff.providerIdByArea.get(woman.releaseAreaCode);
    if (!providerId) throw new Error(`No demo provider holds the release area ${woman.releaseAreaCode}`);
    const actorOf = (user: UserEntity): Actor => ({ id: user.id, role: user.role, requestId });

    let referral = await this.referrals.insert(tx, {
      reference: plan.reference,
      womanId: woman.id,
      providerId,
      releaseAreaCode: woman.releaseAreaCode,
      status: ReferralStatus.DRAFT,
      pathways: plan.pathways,
      riskInformation: plan.riskInformation,
      additionalInformation: null,
      needsAndRequirements: plan.needsAndRequirements,
      createdById: com.id,
      needIdentifiedAt: demo.assessment.assessedAt,
    });
    await this.referrals.appendStatusChange(tx, {
      referralId: referral.id,
      fromStatus: null,
      toStatus: ReferralStatus.DRAFT,
      actorId: com.id,
      actorRole: com.role,
      reason: null,
    });
    await this.recorder.referralChanged(tx, {
      woman,
      referral,
      action: 'CREATED',
      before: null,
      after: snapshot(referral),
      actor: actorOf(com),
    });

    for (const step of plan.steps) {
      const { action, at } = step;
      // The caseworker takes it and works it; the COM sends or withdraws it and approves the plan.
      const byCom =
        action === ReferralAction.SEND ||
        action === ReferralAction.WITHDRAW ||
        action === ReferralAction.APPROVE_ACTION_PLAN;
      const actor = actorOf(byCom ? com : caseworker);
      const problem = referralTransitionProblem(referral.status, action);
      if (problem) throw new Error(`Demo referral ${plan.reference}: ${problem}`);
      const updated = await this.referrals.updateIf(
        tx,
        referral.id,
        { status: referral.status },
        { ...this.patchFor(step, referral, plan, com, caseworker), status: REFERRAL_TRANSITIONS[action].to },
      );
      if (!updated) throw new Error(`The demo referral ${plan.reference} changed under the seed`);
      await this.referrals.appendStatusChange(tx, {
        referralId: referral.id,
        fromStatus: referral.status,
        toStatus: updated.status,
        actorId: actor.id,
        actorRole: actor.role,
        reason: step.reason ?? null,
        reasonCode: step.reasonCode ?? null,
      });
      await this.recorder.referralChanged(tx, {
        woman,
        referral: updated,
        action,
        before: snapshot(referral),
        after: {
          ...snapshot(updated),
          ...(step.reasonCode ? { reasonCode: step.reasonCode, reason: step.reason } : {}),
        },
        actor,
      });
      await this.stages.moveStageTasks(tx, { woman, referral: updated, action, actor, now: at });
      referral = updated;
    }
    for (const [i, session] of plan.sessions.entries()) {
      await this.writeSession(tx, { woman, referral, number: i + 1, session, caseworker, actor: actorOf(caseworker) });
    }
  }

  /** A delivery session as the API would have written it: booked, then its attendance, follow-up and concern. */
  private async writeSession(
    tx: Tx,
    {
      woman,
      referral,
      number,
      session: plan,
      caseworker,
      actor,
    }: {
      woman: WomanEntity;
      referral: ReferralEntity;
      number: number;
      session: DemoSession;
      caseworker: UserEntity;
      actor: Actor;
    },
  ): Promise<void> {
    let session: DeliverySessionEntity = await this.sessions.insert(tx, {
      referralId: referral.id,
      number,
      startsAt: plan.startsAt,
      durationMinutes: plan.durationMinutes,
      method: plan.method,
      place: plan.place,
      bookedById: caseworker.id,
      createdAt: plan.bookedAt,
    });
    await this.recorder.sessionChanged(tx, {
      woman,
      referral,
      session,
      action: 'SESSION_BOOKED',
      before: null,
      after: { sessionId: session.id, number, startsAt: plan.startsAt.toISOString(), method: plan.method },
      actor,
    });
    const result = plan.outcome;
    if (!result) return;
    // Recorded an hour after the session began.
    const recordedAt = new Date(plan.startsAt.getTime() + 60 * 60_000);
    const followUp =
      result.attendance === SessionAttendance.NO
        ? await this.followUps.open(tx, { woman, referral, session, holderId: caseworker.id, actor, now: recordedAt })
        : null;
    const recorded = await this.sessions.updateIfOpen(tx, session.id, session.version, {
      ...result,
      concernRaised: result.concernDetails !== null,
      attendanceRecordedById: caseworker.id,
      attendanceRecordedAt: recordedAt,
      followUpTaskId: followUp?.id ?? null,
    });
    if (!recorded) throw new Error(`The demo session ${number} of ${referral.reference} changed under the seed`);
    session = recorded;
    await this.recorder.sessionChanged(tx, {
      woman,
      referral,
      session,
      action: 'SESSION_ATTENDANCE_RECORDED',
      before: { sessionId: session.id, number, attendance: null },
      after: { sessionId: session.id, number, attendance: session.attendance, concernRaised: session.concernRaised },
      actor,
    });
    if (session.concernRaised) await this.concerns.raise(tx, { woman, referral, session });
  }

  private patchFor(
    step: DemoReferralStep,
    referral: ReferralEntity,
    plan: DemoReferral,
    com: UserEntity,
    caseworker: UserEntity,
  ): Partial<ReferralEntity> {
    const { action, at } = step;
    switch (action) {
      case ReferralAction.SEND: {
        const problems = referralSendProblems(referral);
        if (problems.length > 0) {
          throw new Error(
            `Demo referral ${plan.reference} cannot be sent: ${problems.map((p) => p.message).join('; ')}`,
          );
        }
        return { referrerId: com.id, referrerRole: com.role, sentAt: at, firstSentAt: referral.firstSentAt ?? at };
      }
      case ReferralAction.ASSIGN:
        return { caseworkerId: caseworker.id, assignedAt: at };
      case ReferralAction.BOOK_ASSESSMENT:
        return { assessmentAt: plan.assessmentAt, assessmentBookedAt: at };
      case ReferralAction.SUBMIT_ACTION_PLAN:
        return { actionPlan: plan.actionPlan, actionPlanSubmittedAt: at };
      case ReferralAction.WITHDRAW: {
        const problems = codedReasonProblems('WITHDRAW', step);
        if (problems.length > 0) {
          throw new Error(`Demo referral ${plan.reference}: ${problems.map((p) => p.message).join('; ')}`);
        }
        return { withdrawalReasonCode: step.reasonCode, withdrawnReason: step.reason ?? null, endedAt: at };
      }
      case ReferralAction.APPROVE_ACTION_PLAN:
        return { actionPlanApprovedById: com.id, actionPlanApprovedAt: at };
      case ReferralAction.START_DELIVERY:
        return { deliveryStartedAt: at };
      default:
        throw new Error(`The demo does not take the ${action} step`);
    }
  }
}
