/**
 * The task a missed CRS session opens (delivery-sessions.ts MISSED_SESSION_FOLLOW_UP): "Follow up missed CRS
 * session", the provider's, held by the referral's caseworker, with a working-day deadline the deadline engine
 * alerts and escalates like any other. Shared by the API and the demo seed.
 */
import { Injectable } from '@nestjs/common';
import { DeliverySessionEntity, ReferralEntity, TaskEntity, TasksRepository, Tx } from '@app/database';
import {
  computeDeadline,
  MISSED_SESSION_FOLLOW_UP,
  MISSED_SESSION_TASK_KEY,
  SENSITIVE_PATHWAYS,
  TaskSubjectType,
} from '@app/domain';
import { PlanningContext, TaskPlannerService } from './task-planner.service';
import { ChangeRecorder } from './change-recorder.service';

export interface MissedSession extends PlanningContext {
  referral: ReferralEntity;
  session: DeliverySessionEntity;
  /** Who holds the follow-up: the referral's caseworker, or whoever recorded the miss when none is assigned. */
  holderId: string;
}

@Injectable()
export class MissedSessionFollowUps {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly planner: TaskPlannerService,
    private readonly recorder: ChangeRecorder,
  ) {}

  async open(tx: Tx, { woman, referral, session, holderId, actor, now }: MissedSession): Promise<TaskEntity> {
    const rule = MISSED_SESSION_FOLLOW_UP;
    // A sensitive pathway's name would put her on boards that may not see it: the first other pathway names it.
    const pathway =
      referral.pathways.find((p) => !SENSITIVE_PATHWAYS.includes(p.pathway))?.pathway ?? referral.pathways[0]?.pathway;
    const [created] = await this.planner.createTrackingTasks(tx, {
      woman,
      specs: [
        {
          pathway,
          templateKey: MISSED_SESSION_TASK_KEY,
          title: `${rule.title} ${session.number} (${referral.reference})`,
          description: rule.description,
          ownerRole: rule.ownerRole,
          releaseCritical: false,
          deadline: computeDeadline(rule.deadline, rule.atRiskLeadWorkingDays, {
            releaseDate: null,
            receptionDate: null,
            needIdentifiedAt: now,
          }),
          escalationLadder: rule.escalationLadder,
          subjectType: TaskSubjectType.REFERRAL,
          subjectId: referral.id,
        },
      ],
      reason: `Session ${session.number} of referral ${referral.reference} was missed`,
      actor,
      now,
    });
    const claim = await this.tasks.claim(tx, created.id, holderId, referral.providerId, now);
    const task = claim.claimed ? claim.task : created;
    if (claim.claimed) {
      await this.recorder.tasksChanged(tx, {
        woman,
        changes: [
          {
            task,
            action: 'CLAIMED',
            before: { assigneeId: null },
            after: { assigneeId: holderId, claimedByProviderId: referral.providerId },
          },
        ],
        actor,
        now,
      });
    }
    return task;
  }
}
