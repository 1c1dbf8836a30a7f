/**
 * The tasks that follow a CRS referral through its stages: each step closes the stage that just ended and opens
 * the next one as a task the deadline engine alerts and escalates. Shared by the API and the demo seed, so a
 * seeded referral's tasks read exactly like those of one moved through the API.
 */
import { Injectable } from '@nestjs/common';
import { ReferralEntity, TaskEntity, TasksRepository, Tx } from '@app/database';
import {
  computeDeadline,
  MISSED_SESSION_TASK_KEY,
  REFERRAL_TASK_KEYS,
  ReferralAction,
  SENSITIVE_PATHWAYS,
  stageOpenedBy,
  stageTemplateKey,
  TaskStatus,
  TaskSubjectType,
} from '@app/domain';
import { PlanningContext, TaskPlannerService } from './task-planner.service';

/** A referral that has just moved (the action says how), whose stage tasks follow it. */
export interface ReferralStageMove extends PlanningContext {
  referral: ReferralEntity;
  action: ReferralAction;
}

@Injectable()
export class ReferralStagesService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly planner: TaskPlannerService,
  ) {}

  /**
   * Closes the stage that just ended and opens the next one as a task. Sending also completes the COM's
   * catalogue task to refer her for those pathways; a take-over puts the first-contact task in her name.
   */
  async moveStageTasks(tx: Tx, { woman, referral, action, actor, now }: ReferralStageMove): Promise<TaskEntity[]> {
    const open = await this.tasks.listOpenForSubject(tx, referral.id);
    if (action === ReferralAction.ASSIGN) {
      for (const task of open)
        await this.tasks.claim(tx, task.id, referral.caseworkerId as string, referral.providerId, now);
      return [];
    }
    const closing =
      action === ReferralAction.WITHDRAW || action === ReferralAction.RETURN ? TaskStatus.NOT_NEEDED : TaskStatus.DONE;
    // A missed session's follow-up is not a stage: starting delivery leaves it open; only the referral's end closes it.
    const closesFollowUps = action === ReferralAction.END || closing === TaskStatus.NOT_NEEDED;
    await this.planner.closeTasks(tx, {
      woman,
      tasks: closesFollowUps ? open : open.filter((t) => t.templateKey !== MISSED_SESSION_TASK_KEY),
      status: closing,
      reason: `Referral ${referral.reference}: ${action}`,
      actor,
      now,
    });
    if (action === ReferralAction.SEND) {
      const keys = referral.pathways.map((p) => REFERRAL_TASK_KEYS[p.pathway]).filter((k): k is string => !!k);
      const referTasks = (await this.tasks.listOpenForWoman(tx, woman.id)).filter((t) => keys.includes(t.templateKey));
      await this.planner.closeTasks(tx, {
        woman,
        tasks: referTasks,
        status: TaskStatus.DONE,
        reason: `Referral ${referral.reference} sent`,
        actor,
        now,
      });
    }
    const rule = stageOpenedBy(referral.status);
    if (!rule) return [];
    const pathway =
      referral.pathways.find((p) => !SENSITIVE_PATHWAYS.includes(p.pathway))?.pathway ?? referral.pathways[0]?.pathway;
    return this.planner.createTrackingTasks(tx, {
      woman,
      specs: [
        {
          pathway,
          templateKey: stageTemplateKey(rule.stage),
          title: `${rule.title} (${referral.reference})`,
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
      reason: `Referral ${referral.reference} is ${referral.status}`,
      actor,
      now,
    });
  }
}
