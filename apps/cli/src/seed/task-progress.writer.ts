/**
 * Moves the demo casework on the way its owners would have: claims, then status changes, each through the
 * task repository's conditional updates and each with its status-log row and audit row, so a seeded task's
 * history reads exactly like one worked through the API; then her CRS referral, if the demo gives her one.
 */
import { Injectable } from '@nestjs/common';
import {
  AuditEntry,
  AuditTrailRepository,
  TaskEntity,
  TasksRepository,
  Tx,
  UserEntity,
  WomenRepository,
} from '@app/database';
import { Role, TaskStatus } from '@app/domain';
import { Actor, TaskAction, taskSnapshot } from '@app/resettlement';
import { DemoStaff, staffMember } from './demo-staff.writer';
import { DemoWoman } from './demo-women';
import { DEMO_USERNAMES } from './demo-users';
import { planTaskProgress } from './demo-task-progress';
import { DemoReferralWriter } from './demo-referral.writer';
import { Random } from './random';

/** One demo woman's planned tasks, to move on as her staff would have by `now` (the draws come from `random`). */
export interface DemoTaskProgress {
  demo: DemoWoman;
  tasks: readonly TaskEntity[];
  staff: DemoStaff;
  random: Random;
  requestId: string;
  now: Date;
}

@Injectable()
export class TaskProgressWriter {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly audit: AuditTrailRepository,
    private readonly women: WomenRepository,
    private readonly referralWriter: DemoReferralWriter,
  ) {}

  /** Returns the tasks as they stand afterwards. */
  async write(tx: Tx, { demo, tasks, staff, random, requestId, now }: DemoTaskProgress): Promise<TaskEntity[]> {
    const result: TaskEntity[] = [];
    for (const task of tasks) {
      const plan = planTaskProgress(random, task, now);
      const owner = ownerOf(task.ownerRole, demo, staff);
      // When nobody in Resettle holds the role for her (no COM allocated yet, or a prison whose team is not
      // on the demo), the admin records the work: the only other role the task rules let change a task.
      const worker = owner ?? staffMember(staff, DEMO_USERNAMES.admin);
      const onBehalf = owner ? null : `Recorded by the admin on behalf of the ${task.ownerRole}`;
      const actor: Actor = { id: worker.id, role: worker.role, requestId };
      let current = task;

      if (plan.claim && owner) {
        const outcome = await this.tasks.claim(tx, task.id, owner.id, owner.providerId, now);
        if (!outcome.claimed) {
          throw new Error(`Could not claim the demo task ${task.id}`);
        }
        await this.audit.append(tx, [entry(actor, task.womanId, current, 'CLAIMED', outcome.task)]);
        current = outcome.task;
      }

      for (const step of plan.steps) {
        const next = await this.tasks.updateIfVersion(tx, current.id, current.version, {
          status: step.to,
          blockedReason: step.to === TaskStatus.BLOCKED ? step.reason : null,
          completedAt: step.to === TaskStatus.DONE ? now : null,
        });
        if (!next) {
          throw new Error(`The demo task ${current.id} changed under the seed`);
        }
        await this.tasks.appendStatusChanges(tx, [
          {
            taskId: current.id,
            fromStatus: current.status,
            toStatus: step.to,
            reason: step.reason ?? onBehalf,
            actorId: actor.id,
          },
        ]);
        await this.audit.append(tx, [entry(actor, task.womanId, current, 'STATUS_CHANGED', next)]);
        current = next;
      }
      result.push(current);
    }
    // After the tasks: sending a referral closes the COM's task to refer her, whatever became of it above.
    if (demo.referral) {
      const woman = await this.women.findByPrisonNumberForUpdate(tx, demo.prisonNumber);
      if (!woman) throw new Error(`The demo woman ${demo.prisonNumber} was not written`);
      await this.referralWriter.write(tx, woman, demo, staff, requestId);
    }
    return result;
  }
}

function ownerOf(role: Role, demo: DemoWoman, staff: DemoStaff): UserEntity | null {
  const username =
    role === Role.PRE_RELEASE_TEAM
      ? DEMO_USERNAMES.preReleaseTeamByPrison[demo.prisonCode]
      : role === Role.POM
        ? demo.pomUsername
        : role === Role.COM
          ? demo.comUsername
          : null;
  return username ? staffMember(staff, username) : null;
}

function entry(actor: Actor, womanId: string, before: TaskEntity, action: TaskAction, after: TaskEntity): AuditEntry {
  return {
    womanId,
    entityType: 'TASK',
    entityId: before.id,
    action,
    actorId: actor.id,
    actorRole: actor.role,
    before: taskSnapshot(before),
    after: taskSnapshot(after),
    requestId: actor.requestId,
  };
}
