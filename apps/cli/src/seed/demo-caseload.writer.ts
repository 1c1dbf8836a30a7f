/**
 * Writes the demo women: each woman, her immediate-needs assessment, her pathway statuses and the tasks the
 * task planner makes for every pathway where she needs support, with the audit rows a real reception would leave.
 */
import { Injectable } from '@nestjs/common';
import {
  AssessmentsRepository,
  AuditEntry,
  AuditTrailRepository,
  PathwayStatusesRepository,
  TaskEntity,
  Tx,
  WomanEntity,
  WomenRepository,
} from '@app/database';
import { AssessmentKind, AuditAction, AuditEntityType, PathwayStatus } from '@app/domain';
import { Actor, TaskPlannerService } from '@app/resettlement';
import { DemoStaff, staffMember } from './demo-staff.writer';
import { DemoWoman } from './demo-women';

export interface WrittenWoman {
  demo: DemoWoman;
  woman: WomanEntity;
  tasks: TaskEntity[];
}

@Injectable()
export class DemoCaseloadWriter {
  constructor(
    private readonly women: WomenRepository,
    private readonly assessments: AssessmentsRepository,
    private readonly pathwayStatuses: PathwayStatusesRepository,
    private readonly audit: AuditTrailRepository,
    private readonly planner: TaskPlannerService,
  ) {}

  async write(tx: Tx, demo: DemoWoman, staff: DemoStaff, systemActor: Actor): Promise<WrittenWoman> {
    const woman = await this.women.insert(tx, {
      prisonNumber: demo.prisonNumber,
      firstName: demo.firstName,
      lastName: demo.lastName,
      dateOfBirth: demo.dateOfBirth,
      prisonCode: demo.prisonCode,
      custodyStatus: demo.custodyStatus,
      sentenceStartDate: demo.sentenceStartDate,
      receptionDate: demo.receptionDate,
      conditionalReleaseDate: demo.conditionalReleaseDate,
      hdcEligibilityDate: demo.hdcEligibilityDate,
      hdcActualDate: demo.hdcActualDate,
      confirmedReleaseDate: demo.confirmedReleaseDate,
      conditionalReleaseOverrideDate: demo.conditionalReleaseOverrideDate,
      nonParoleDate: demo.nonParoleDate,
      postRecallReleaseDate: demo.postRecallReleaseDate,
      postRecallReleaseOverrideDate: demo.postRecallReleaseOverrideDate,
      sentenceExpiryDate: demo.sentenceExpiryDate,
      sentenceAndLicenceExpiryDate: demo.sentenceAndLicenceExpiryDate,
      topupSupervisionExpiryDate: demo.topupSupervisionExpiryDate,
      releaseDate: demo.releaseDate,
      releaseDateSource: demo.releaseDateSource,
      releaseDateReason: demo.releaseDateReason,
      scheduledReleaseDate: demo.scheduledReleaseDate,
      releaseDayRule: demo.releaseDayRule,
      indeterminateSentence: demo.indeterminateSentence,
      releaseDayRequestReason: demo.releaseDayRequestReason,
      // Her COM makes the request, on the day of her assessment (the demo has no later date to give it).
      releaseDayRequestedById:
        demo.releaseDayRequestReason && demo.comUsername ? staffMember(staff, demo.comUsername).id : null,
      releaseDayRequestedAt: demo.releaseDayRequestReason ? demo.assessment.assessedAt : null,
      releaseType: demo.releaseType,
      releaseAreaCode: demo.releaseAreaCode,
      pomId: demo.pomUsername ? staffMember(staff, demo.pomUsername).id : null,
      comId: demo.comUsername ? staffMember(staff, demo.comUsername).id : null,
      keyworkerName: demo.keyworkerName,
      complexity: demo.complexity,
      sensitiveFlags: demo.sensitiveFlags,
      hasNationalInsuranceNumber: demo.hasNationalInsuranceNumber,
    });

    const assessor = staffMember(staff, demo.assessment.assessorUsername);
    const assessorActor: Actor = { id: assessor.id, role: assessor.role, requestId: systemActor.requestId };
    const { assessedAt, outcomes } = demo.assessment;
    const assessment = await this.assessments.insert(tx, {
      womanId: woman.id,
      kind: AssessmentKind.IMMEDIATE_NEEDS,
      method: demo.assessment.method,
      assessedAt,
      assessedById: assessor.id,
      outcomes: outcomes.map((o) => ({ ...o, notes: null })),
    });
    const pathwayRows = outcomes.map((o) => ({
      womanId: woman.id,
      pathway: o.pathway,
      status: o.status,
      // Only a pathway needing support has a need to anchor deadlines on.
      needIdentifiedAt: o.status === PathwayStatus.SUPPORT_REQUIRED ? assessedAt : null,
      updatedById: assessor.id,
    }));
    await this.pathwayStatuses.upsert(tx, pathwayRows);

    await this.audit.append(tx, [
      // Sensitive flags are left out: the trail is read more widely than the flags may be.
      entry(systemActor, woman.id, 'WOMAN', woman.id, 'CREATED', {
        prisonNumber: woman.prisonNumber,
        prisonCode: woman.prisonCode,
        custodyStatus: woman.custodyStatus,
        releaseDate: woman.releaseDate,
        releaseDateSource: woman.releaseDateSource,
        scheduledReleaseDate: woman.scheduledReleaseDate,
        releaseDayRule: woman.releaseDayRule,
        releaseAreaCode: woman.releaseAreaCode,
      }),
      entry(assessorActor, woman.id, 'ASSESSMENT', assessment.id, 'CREATED', {
        kind: assessment.kind,
        method: assessment.method,
        assessedAt: assessedAt.toISOString(),
      }),
      ...pathwayRows.map((row) =>
        entry(assessorActor, woman.id, 'PATHWAY', `${woman.id}:${row.pathway}`, 'STATUS_CHANGED', {
          pathway: row.pathway,
          status: row.status,
          needIdentifiedAt: row.needIdentifiedAt?.toISOString() ?? null,
        }),
      ),
    ]);

    // Every woman's reception tasks (assessments, tenancy), planned as at her assessment; recording the
    // immediate-needs assessment above is that task done. The open ones are progressed like the rest.
    const reception = await this.planner.createReceptionTasks(tx, { woman, actor: systemActor, now: assessedAt });
    const assessed = await this.planner.closeAssessmentTask(tx, {
      woman,
      kind: AssessmentKind.IMMEDIATE_NEEDS,
      actor: assessorActor,
      now: assessedAt,
    });
    const closedIds = new Set(assessed.map((t) => t.id));

    // Planned as at the assessment: that is when the pre-release team would have raised the tasks.
    const tasks: TaskEntity[] = reception.filter((t) => !closedIds.has(t.id));
    for (const { pathway } of outcomes.filter((o) => o.status === PathwayStatus.SUPPORT_REQUIRED)) {
      tasks.push(
        ...(await this.planner.createTasksForNeed(tx, {
          woman,
          pathway,
          needIdentifiedAt: assessedAt,
          actor: assessorActor,
          now: assessedAt,
        })),
      );
    }
    // An HDC eligibility date needs its address work planned whatever the assessment found.
    tasks.push(...(await this.planner.planHdcTasks(tx, { woman, actor: assessorActor, now: assessedAt })));
    // Every sentenced or recalled woman without a COM gets "allocate her COM" (com-allocation.ts). Left out of
    // `tasks`, so the demo progress never marks it done while she still has no COM.
    await this.planner.syncComAllocationTask(tx, { woman, actor: systemActor, now: assessedAt });
    return { demo, woman, tasks };
  }
}

function entry(
  actor: Actor,
  womanId: string,
  entityType: AuditEntityType,
  entityId: string,
  action: AuditAction,
  after: Record<string, unknown>,
): AuditEntry {
  return {
    womanId,
    entityType,
    entityId,
    action,
    actorId: actor.id,
    actorRole: actor.role,
    before: null,
    after,
    requestId: actor.requestId,
  };
}
