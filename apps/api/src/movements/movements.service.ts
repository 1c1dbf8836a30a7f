/**
 * Recall, transfer and release: the movements the inspection found women falling through. Each runs inside
 * the caller's transaction, so an HMPPS event and the change it causes commit together or not at all.
 */
import { ConflictException, Injectable } from '@nestjs/common';
import {
  PathwayStatusesRepository,
  ReferralsRepository,
  ReleasesRepository,
  TaskEntity,
  TasksRepository,
  Tx,
  UsersRepository,
  WomanEntity,
  WomenRepository,
} from '@app/database';
import {
  computeDeadline,
  CustodyStatus,
  DeadlineAnchor,
  DEFAULT_ESCALATION_LADDER,
  londonDateOf,
  OffsetUnit,
  Pathway,
  PathwayStatus,
  RecallBasis,
  ReferralTransferKind,
  RELEASED_PRISON_CODE,
  Role,
} from '@app/domain';
import {
  Actor,
  ChangeRecorder,
  KeyworkPlannerService,
  ReferralFollowService,
  TaskPlannerService,
} from '@app/resettlement';
import { womanSnapshot } from '../women/woman.view';
import { applyEffectiveReleaseDate } from '../women/release-day-columns';

export interface RecallFacts {
  prisonCode: string;
  movementReason: string;
  receptionDate?: string;
  confirmedReleaseDate?: string;
  /** Her release date after recall; absent from HMPPS events and, until it is calculated, from a standard recall. */
  postRecallReleaseDate?: string;
  postRecallReleaseOverrideDate?: string;
  /** What the recall rests on (an HMPPS event, reception's evidence, or her being in scope): audited with it. */
  basis: RecallBasis;
}

const NEED_OPEN: readonly PathwayStatus[] = [PathwayStatus.SUPPORT_REQUIRED, PathwayStatus.IN_PROGRESS];
const ALLOCATE_POM_KEY = 'ALLOCATE_POM';

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter(
    (k) => k !== 'version' && JSON.stringify(after[k]) !== JSON.stringify(before[k]),
  );
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}

@Injectable()
export class MovementsService {
  constructor(
    private readonly women: WomenRepository,
    private readonly pathways: PathwayStatusesRepository,
    private readonly referrals: ReferralsRepository,
    private readonly releases: ReleasesRepository,
    private readonly tasks: TasksRepository,
    private readonly users: UsersRepository,
    private readonly planner: TaskPlannerService,
    private readonly recorder: ChangeRecorder,
    private readonly referralFollow: ReferralFollowService,
    private readonly keyworkPlanner: KeyworkPlannerService,
  ) {}

  /**
   * Back in custody on recall: her open CRS referrals stay open (the provider is told), her previous POM
   * takes her again where she works at this prison, and her plan is made afresh for the new release date,
   * squeezed into the time left. Returns the tasks whose deadlines need scheduling.
   */
  async recall(tx: Tx, woman: WomanEntity, facts: RecallFacts, actor: Actor, now: Date): Promise<TaskEntity[]> {
    if (woman.transferredToHospitalOn !== null) {
      throw new ConflictException(
        `She has been in a secure hospital since ${woman.transferredToHospitalOn}: going back to prison from hospital is not a recall`,
      );
    }
    if (woman.prisonCode !== RELEASED_PRISON_CODE) {
      throw new ConflictException(
        `She is recorded in custody at ${woman.prisonCode}: a recall follows a release (use a transfer to move prisons)`,
      );
    }
    const before = womanSnapshot(woman);
    const previousPomId = woman.pomId;
    const pomKept = previousPomId !== null && (await this.worksAt(previousPomId, Role.POM, facts.prisonCode));
    Object.assign(woman, {
      prisonCode: facts.prisonCode,
      custodyStatus: CustodyStatus.RECALLED,
      receptionDate: facts.receptionDate ?? londonDateOf(now),
      recallCount: woman.recallCount + 1,
      pomId: pomKept ? previousPomId : null,
      confirmedReleaseDate: facts.confirmedReleaseDate ?? null,
      // The dates of the release she was recalled from no longer say when she goes; her SED and LED still hold.
      postRecallReleaseDate: facts.postRecallReleaseDate ?? null,
      postRecallReleaseOverrideDate: facts.postRecallReleaseOverrideDate ?? null,
      conditionalReleaseDate: null,
      conditionalReleaseOverrideDate: null,
      automaticReleaseDate: null,
      automaticReleaseOverrideDate: null,
      nonParoleDate: null,
      nonParoleOverrideDate: null,
      actualParoleDate: null,
      hdcActualDate: null,
      hdcEligibilityDate: null,
      paroleEligibilityDate: null,
      transferredToHospitalOn: null,
      transferredToHospitalFromPrisonCode: null,
    });
    applyEffectiveReleaseDate(woman);
    const saved = await this.women.save(tx, woman);
    // The release she was recalled from ends here: the 12-week outcome reports count her as recalled.
    const lastRelease = await this.releases.latestForWoman(tx, saved.id);
    if (lastRelease && lastRelease.recalledOn === null) {
      await this.releases.markRecalled(tx, lastRelease.id, saved.receptionDate);
    }
    const diff = changedFields(before, womanSnapshot(saved));
    await this.recorder.womanChanged(tx, {
      woman: saved,
      action: 'RECALLED',
      before: diff.before,
      after: {
        ...diff.after,
        movementReason: facts.movementReason,
        previousPomReallocated: pomKept,
        basis: facts.basis,
      },
      actor,
    });

    for (const referral of await this.referrals.listOpenForWoman(tx, saved.id)) {
      await this.recorder.referralChanged(tx, {
        woman: saved,
        referral,
        action: 'KEPT_OPEN_ON_RECALL',
        before: { status: referral.status },
        after: { status: referral.status, recalledTo: facts.prisonCode },
        actor,
      });
    }

    const statuses = await this.pathways.listForWomanInTx(tx, saved.id);
    const openNeeds = statuses
      .filter((s) => NEED_OPEN.includes(s.status))
      .map((s) => ({ pathway: s.pathway, needIdentifiedAt: s.needIdentifiedAt }));
    const { created } = await this.planner.replanAfterRecall(tx, { woman: saved, openNeeds, actor, now });
    // A recall is a new reception: her needs are assessed again and her tenancy is at risk again.
    const reception = await this.planner.createReceptionTasks(tx, { woman: saved, actor, now });
    const allocation = pomKept ? [] : await this.allocatePomTask(tx, saved, actor, now);
    const comAllocation = await this.planner.syncComAllocationTask(tx, { woman: saved, actor, now });
    const keywork = await this.keyworkPlanner.planAtReception(tx, { woman: saved, actor, now });
    return [...created, ...reception, ...allocation, ...comAllocation, ...keywork];
  }

  /**
   * Her case, tasks and deadlines move with her; the old prison's board drops her and the new one shows her; her
   * open CRS referrals follow her, each with the reason recorded.
   */
  async transfer(
    tx: Tx,
    woman: WomanEntity,
    move: { prisonCode: string; reason?: string | null },
    actor: Actor,
    now: Date,
  ): Promise<TaskEntity[]> {
    const { prisonCode } = move;
    if (woman.prisonCode === RELEASED_PRISON_CODE) {
      throw new ConflictException('She has been released: a return to custody is a recall, not a transfer');
    }
    if (woman.prisonCode === prisonCode) return [];
    const before = womanSnapshot(woman);
    const previousPrisonCode = woman.prisonCode;
    const pomKept = woman.pomId !== null && (await this.worksAt(woman.pomId, Role.POM, prisonCode));
    woman.prisonCode = prisonCode;
    if (!pomKept) woman.pomId = null;
    const saved = await this.women.save(tx, woman);
    const diff = changedFields(before, womanSnapshot(saved));
    await this.recorder.womanChanged(tx, {
      woman: saved,
      action: 'TRANSFERRED',
      before: diff.before,
      after: diff.after,
      actor,
      previousPrisonCode,
    });
    await this.referralFollow.follow(tx, {
      woman: saved,
      kind: ReferralTransferKind.PRISON,
      fromCode: previousPrisonCode,
      toCode: prisonCode,
      reason: move.reason,
      actor,
    });
    await this.releaseClaimsOfStaffLeftBehind(tx, saved, prisonCode, actor, now);
    return pomKept ? [] : this.allocatePomTask(tx, saved, actor, now);
  }

  /**
   * She is out: the prison's part of the plan closes, post-release tasks (her accommodation on the night and
   * at 12 weeks) and CRS delivery carry on, dated from the day she actually left.
   */
  async release(tx: Tx, woman: WomanEntity, releasedOn: string, actor: Actor, now: Date): Promise<TaskEntity[]> {
    const inHospital = woman.transferredToHospitalOn !== null;
    if (woman.prisonCode === RELEASED_PRISON_CODE && !inHospital) {
      throw new ConflictException(`She was already released (on ${woman.releasedOn ?? 'an unrecorded date'})`);
    }
    const before = womanSnapshot(woman);
    // Released from a secure hospital, she counts as released from the prison she was transferred from.
    const fromPrison = inHospital ? (woman.transferredToHospitalFromPrisonCode ?? woman.prisonCode) : woman.prisonCode;
    Object.assign(woman, {
      prisonCode: RELEASED_PRISON_CODE,
      releasedOn,
      releasedFromPrisonCode: fromPrison,
      confirmedReleaseDate: releasedOn,
      transferredToHospitalOn: null,
      transferredToHospitalFromPrisonCode: null,
    });
    // The day she left is a fact, not a schedule: no day-of-release rule applies to it.
    applyEffectiveReleaseDate(woman);
    const saved = await this.women.save(tx, woman);
    const diff = changedFields(before, womanSnapshot(saved));
    await this.recorder.womanChanged(tx, {
      woman: saved,
      action: 'RELEASED',
      before: diff.before,
      after: diff.after,
      actor,
      previousPrisonCode: fromPrison,
    });
    await this.releases.record(tx, { womanId: saved.id, prisonCode: fromPrison, releasedOn });
    await this.planner.closePrisonTasksAtRelease(tx, { woman: saved, actor, now });
    const statuses = await this.pathways.listForWomanInTx(tx, saved.id);
    return this.planner.recomputeOpenTaskDeadlines(tx, {
      woman: saved,
      needIdentifiedAtByPathway: new Map(statuses.map((s) => [s.pathway, s.needIdentifiedAt])),
      actor,
      now,
    });
  }

  /**
   * Transferred from prison to a secure hospital (HMPPS RELEASED_TO_HOSPITAL; Mental Health Act 1983 s.47, or
   * s.48 on remand). She leaves the prison, so she leaves its board and the prison's part of her plan ends: the
   * open tasks its staff own (pre-release team, POM) are closed as not needed, saying why. She is still serving
   * her sentence and her case is kept: her release dates stand (a restriction direction ends on the day she would
   * have been released, s.50(2)-(3), and she may be remitted to prison or released on licence before then,
   * s.50(1)), so her COM's and the CRS provider's tasks stay open on their deadlines, and the COM sees where she
   * is on her record. No release is recorded: she has not gone into the community, so no 12-week outcome is owed.
   */
  async transferToHospital(
    tx: Tx,
    woman: WomanEntity,
    transferredOn: string,
    actor: Actor,
    now: Date,
  ): Promise<TaskEntity[]> {
    if (woman.prisonCode === RELEASED_PRISON_CODE) {
      throw new ConflictException(
        woman.transferredToHospitalOn
          ? `She has been in a secure hospital since ${woman.transferredToHospitalOn}`
          : `She was released (on ${woman.releasedOn ?? 'an unrecorded date'}): only a woman in prison can be transferred to hospital`,
      );
    }
    const before = womanSnapshot(woman);
    const fromPrison = woman.prisonCode;
    Object.assign(woman, {
      prisonCode: RELEASED_PRISON_CODE,
      transferredToHospitalOn: transferredOn,
      transferredToHospitalFromPrisonCode: fromPrison,
    });
    const saved = await this.women.save(tx, woman);
    const diff = changedFields(before, womanSnapshot(saved));
    await this.recorder.womanChanged(tx, {
      woman: saved,
      action: 'TRANSFERRED_TO_HOSPITAL',
      before: diff.before,
      after: diff.after,
      actor,
      previousPrisonCode: fromPrison,
    });
    await this.planner.closePrisonOwnedTasks(tx, {
      woman: saved,
      reason: `Transferred from ${fromPrison} to a secure hospital on ${transferredOn}: the prison's part of her plan ends`,
      actor,
      now,
    });
    return [];
  }

  /**
   * Back in prison from a secure hospital (remitted, Mental Health Act 1983 s.50(1)(a)): she is on the prison's
   * board again, with her POM if her POM works there (else a task to allocate one). The tasks closed when she
   * went to hospital stay closed, with their reason on record; planning her prison's part again is left to the
   * pre-release team (not automated).
   */
  async returnFromHospital(
    tx: Tx,
    woman: WomanEntity,
    prisonCode: string,
    actor: Actor,
    now: Date,
  ): Promise<TaskEntity[]> {
    const before = womanSnapshot(woman);
    const pomKept = woman.pomId !== null && (await this.worksAt(woman.pomId, Role.POM, prisonCode));
    Object.assign(woman, {
      prisonCode,
      pomId: pomKept ? woman.pomId : null,
      transferredToHospitalOn: null,
      transferredToHospitalFromPrisonCode: null,
    });
    const saved = await this.women.save(tx, woman);
    const diff = changedFields(before, womanSnapshot(saved));
    await this.recorder.womanChanged(tx, {
      woman: saved,
      action: 'RETURNED_FROM_HOSPITAL',
      before: diff.before,
      after: diff.after,
      actor,
      previousPrisonCode: RELEASED_PRISON_CODE,
    });
    return pomKept ? [] : this.allocatePomTask(tx, saved, actor, now);
  }

  private async worksAt(userId: string, role: Role, prisonCode: string): Promise<boolean> {
    const user = await this.users.findActiveById(userId);
    return user !== null && user.role === role && user.prisonCodes.includes(prisonCode);
  }

  /** Tasks held by prison staff who do not work at her new prison go back to the team there. */
  private async releaseClaimsOfStaffLeftBehind(
    tx: Tx,
    woman: WomanEntity,
    prisonCode: string,
    actor: Actor,
    now: Date,
  ): Promise<void> {
    const held = (await this.tasks.listOpenForWoman(tx, woman.id)).filter(
      (t) => t.assigneeId !== null && (t.ownerRole === Role.PRE_RELEASE_TEAM || t.ownerRole === Role.POM),
    );
    const holders = await this.users.findByIds([...new Set(held.map((t) => t.assigneeId as string))]);
    const leftBehind = new Set(holders.filter((u) => !u.prisonCodes.includes(prisonCode)).map((u) => u.id));
    const changes = [];
    for (const task of held.filter((t) => leftBehind.has(t.assigneeId as string))) {
      const released = await this.tasks.releaseClaim(tx, task.id, task.assigneeId as string);
      if (released) {
        changes.push({
          task: released,
          action: 'CLAIM_RELEASED' as const,
          before: { assigneeId: task.assigneeId },
          after: { assigneeId: null, reason: `Transferred to ${prisonCode}` },
        });
      }
    }
    await this.recorder.tasksChanged(tx, { woman, changes, actor, now });
  }

  private async allocatePomTask(tx: Tx, woman: WomanEntity, actor: Actor, now: Date): Promise<TaskEntity[]> {
    const open = await this.tasks.listOpenForWoman(tx, woman.id);
    if (open.some((t) => t.templateKey === ALLOCATE_POM_KEY)) return [];
    return this.planner.createTrackingTasks(tx, {
      woman,
      specs: [
        {
          pathway: Pathway.ATTITUDES_THINKING_AND_BEHAVIOUR,
          templateKey: ALLOCATE_POM_KEY,
          title: 'Allocate her a prison offender manager',
          description:
            'She has arrived without a POM who works here. Allocate one within two working days so her resettlement plan has an owner.',
          ownerRole: Role.POM,
          releaseCritical: true,
          deadline: computeDeadline(
            { anchor: DeadlineAnchor.NEED_IDENTIFIED, offset: 2, unit: OffsetUnit.WORKING_DAYS },
            1,
            {
              releaseDate: null,
              receptionDate: null,
              needIdentifiedAt: now,
            },
          ),
          escalationLadder: DEFAULT_ESCALATION_LADDER,
          subjectType: null,
          subjectId: null,
        },
      ],
      reason: `Arrived at ${woman.prisonCode} without a POM who works there`,
      actor,
      now,
    });
  }
}
