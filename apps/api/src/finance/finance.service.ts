/**
 * Bank account and ID document applications (recommendation 10): one active application at a time, every
 * status logged and audited, eligibility explained, and each ID application tracked by a task that falls due
 * when the issuer's lead time says the document should have arrived.
 */
import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { AuthenticatedUser } from '@app/auth';
import {
  FinanceRepository,
  IdDocumentApplicationEntity,
  PathwayStatusesRepository,
  TaskEntity,
  TasksRepository,
  Tx,
  UnitOfWork,
  WomanEntity,
  WomenRepository,
} from '@app/database';
import {
  BankAccountStatus,
  bankAccountTransitionProblem,
  checkBankAccountEligibility,
  isActiveBankAccountStatus,
  daysBetween,
  DEFAULT_ESCALATION_LADDER,
  endOfWorkingDay,
  addWorkingDays,
  expectedArrival,
  ID_DOCUMENT_ISSUERS,
  OPEN_ID_DOCUMENT_TYPES,
  RETIRED_ID_DOCUMENT_TYPES,
  IdApplicationStatus,
  IdDocumentType,
  idDocumentTiming,
  DataKind,
  mayView,
  Pathway,
  Role,
  TaskStatus,
  TaskSubjectType,
  refusal,
} from '@app/domain';
import { Actor, ChangeRecorder, DeadlineScheduler, TaskPlannerService } from '@app/resettlement';
import { Clock } from '../common/clock';
import { fieldError } from '../common/validation-errors';
import {
  ApplyForBankAccountDto,
  ApplyForIdDocumentDto,
  ChangeBankAccountStatusDto,
  RecordBankingBarrierDto,
  RecordIdOutcomeDto,
} from './finance.dto';
import type { BankAccountView, IdDocumentApplicationView, IdDocumentsView } from '@app/contracts';

const BANK_ACCOUNT_TASK = 'BANK_ACCOUNT';
/** Either letter proves her number; receiving one closes whichever NI task she has (the retired key included). */
const NATIONAL_INSURANCE_DOCUMENTS: readonly IdDocumentType[] = [
  IdDocumentType.NATIONAL_INSURANCE_NUMBER_LETTER,
  IdDocumentType.NEW_NATIONAL_INSURANCE_NUMBER,
];
const NATIONAL_INSURANCE_TASK_KEYS: readonly string[] = [
  'NATIONAL_INSURANCE_NUMBER',
  'NATIONAL_INSURANCE_NUMBER_CONFIRM',
  'NATIONAL_INSURANCE_NUMBER_NEW',
];

/** Applications are changed only from the version the caller read. */
function requireVersion(current: number, sent: number): void {
  if (current !== sent) {
    throw new ConflictException(`The application changed since you read it (you sent version ${sent}): reload`);
  }
}

/** A record's own fields, without its timestamps (the audit trail's snapshot, and the start of its view). */
function snapshot<T extends { createdAt: Date; updatedAt: Date }>(record: T): Omit<T, 'createdAt' | 'updatedAt'> {
  const { createdAt: _c, updatedAt: _u, ...rest } = record;
  return rest;
}

@Injectable()
export class FinanceService {
  constructor(
    private readonly finance: FinanceRepository,
    private readonly women: WomenRepository,
    private readonly pathways: PathwayStatusesRepository,
    private readonly tasks: TasksRepository,
    private readonly planner: TaskPlannerService,
    private readonly recorder: ChangeRecorder,
    private readonly scheduler: DeadlineScheduler,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async bankAccount(user: AuthenticatedUser, womanId: string): Promise<BankAccountView> {
    const woman = await this.visibleWoman(user, womanId);
    const applications = await this.finance.listBankAccountApplications(womanId);
    const log = await this.finance.listBankAccountStatusChanges(applications.map((a) => a.id));
    return {
      eligibility: this.eligibility(woman),
      barrier: woman.bankingBarrier,
      applications: applications.map((a) => ({
        ...snapshot(a),
        createdAt: a.createdAt.toISOString(),
        statusLog: log
          .filter((c) => c.applicationId === a.id)
          .map((c) => ({
            fromStatus: c.fromStatus,
            toStatus: c.toStatus,
            reason: c.reason,
            actorId: c.actorId,
            at: c.at.toISOString(),
          })),
      })),
    };
  }

  /**
   * Recording a barrier changes what she can have: an open bank account task gives way to the alternative
   * (with the reason), and clearing it lets the task come back.
   */
  async recordBarrier(
    user: AuthenticatedUser,
    womanId: string,
    body: RecordBankingBarrierDto,
    actor: Actor,
  ): Promise<BankAccountView> {
    this.refuseUnlessWorker(user);
    const now = this.clock.now();
    const created = await this.unitOfWork.run(async (tx) => {
      const woman = await this.lockedWoman(tx, user, womanId);
      const before = woman.bankingBarrier;
      woman.bankingBarrier = body.barrier?.trim() || null;
      const saved = await this.women.save(tx, woman);
      await this.recorder.womanChanged(tx, {
        woman: saved,
        action: 'UPDATED',
        before: { bankingBarrier: before },
        after: { bankingBarrier: saved.bankingBarrier },
        actor,
      });
      const open = (await this.tasks.listOpenForWoman(tx, womanId)).filter((t) =>
        [BANK_ACCOUNT_TASK, `${BANK_ACCOUNT_TASK}_ALTERNATIVE`].includes(t.templateKey),
      );
      if (open.length === 0) return [];
      await this.planner.closeTasks(tx, {
        woman: saved,
        tasks: open,
        status: TaskStatus.NOT_NEEDED,
        reason: 'Banking barrier changed: planned again',
        actor,
        now,
      });
      const need = (await this.pathways.listForWomanInTx(tx, womanId)).find(
        (p) => p.pathway === Pathway.FINANCE_AND_ID,
      );
      return this.planner.createTasksForNeed(tx, {
        woman: saved,
        pathway: Pathway.FINANCE_AND_ID,
        needIdentifiedAt: need?.needIdentifiedAt ?? now,
        actor,
        now,
        only: (key) => key === BANK_ACCOUNT_TASK,
      });
    });
    await this.scheduler.schedule(created, now);
    return this.bankAccount(user, womanId);
  }

  async applyForBankAccount(
    user: AuthenticatedUser,
    womanId: string,
    body: ApplyForBankAccountDto,
    actor: Actor,
  ): Promise<BankAccountView> {
    this.refuseUnlessWorker(user);
    const woman = await this.visibleWoman(user, womanId);
    const verdict = this.eligibility(woman);
    if (!verdict.eligible) {
      throw new UnprocessableEntityException({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: `She cannot apply for a bank account from prison: ${verdict.reasons.join(' ')}`,
        reasons: verdict.reasons,
      });
    }
    await this.unitOfWork.run(async (tx) => {
      const locked = await this.lockedWoman(tx, user, womanId);
      // Her row is locked, so this check cannot race; a partial unique index backs it in the schema.
      if (
        (await this.finance.listBankAccountApplications(womanId, tx)).some((a) => isActiveBankAccountStatus(a.status))
      ) {
        throw new ConflictException('She already has a bank account application in progress: update that one');
      }
      const application = await this.finance.insertBankAccountApplication(tx, {
        womanId,
        bankName: body.bankName.trim(),
        status: BankAccountStatus.PENDING,
        appliedOn: body.appliedOn ?? this.clock.today(),
        notes: body.notes ?? null,
        createdById: user.id,
      });
      await this.finance.appendBankAccountStatusChange(tx, {
        applicationId: application.id,
        fromStatus: null,
        toStatus: BankAccountStatus.PENDING,
        actorId: actor.id,
        reason: null,
      });
      await this.recorder.caseRecordChanged(tx, {
        woman: locked,
        kind: 'BANK_ACCOUNT',
        recordId: application.id,
        action: 'APPLIED',
        before: null,
        after: snapshot(application),
        actor,
        status: application.status,
      });
    });
    return this.bankAccount(user, womanId);
  }

  async changeBankAccountStatus(
    user: AuthenticatedUser,
    id: string,
    body: ChangeBankAccountStatusDto,
    actor: Actor,
  ): Promise<BankAccountView> {
    this.refuseUnlessWorker(user);
    const now = this.clock.now();
    const womanId = await this.unitOfWork.run(async (tx) => {
      const application = await this.finance.findBankAccountApplicationForUpdate(tx, id);
      const woman = application ? await this.women.findOneInScopeForUpdate(tx, user.scope, application.womanId) : null;
      if (!application || !woman) throw new NotFoundException('No such bank account application in your caseload');
      requireVersion(application.version, body.version);
      const problem = bankAccountTransitionProblem(application.status, body.status);
      if (problem) throw new ConflictException(problem);
      const updated = await this.finance.updateBankAccountApplication(tx, id, { status: body.status });
      await this.finance.appendBankAccountStatusChange(tx, {
        applicationId: id,
        fromStatus: application.status,
        toStatus: body.status,
        actorId: actor.id,
        reason: body.reason ?? null,
      });
      await this.recorder.caseRecordChanged(tx, {
        woman,
        kind: 'BANK_ACCOUNT',
        recordId: id,
        action: 'STATUS_CHANGED',
        before: snapshot(application),
        after: { ...snapshot(updated), reason: body.reason ?? null },
        actor,
        status: updated.status,
      });
      if (body.status === BankAccountStatus.ACCOUNT_OPENED) {
        const open = (await this.tasks.listOpenForWoman(tx, woman.id)).filter(
          (t) => t.templateKey === BANK_ACCOUNT_TASK,
        );
        await this.planner.closeTasks(tx, {
          woman,
          tasks: open,
          status: TaskStatus.DONE,
          reason: `Account opened with ${updated.bankName}`,
          actor,
          now,
        });
      }
      return woman.id;
    });
    return this.bankAccount(user, womanId);
  }

  async idDocuments(user: AuthenticatedUser, womanId: string): Promise<IdDocumentsView> {
    const woman = await this.visibleWoman(user, womanId);
    const applications = await this.finance.listIdDocumentApplications(womanId);
    const today = this.clock.today();
    return {
      // Only documents still issued can be applied for; retired ones (the BRP) stay readable in `applications`.
      documents: OPEN_ID_DOCUMENT_TYPES.map((type) => ({
        documentType: type,
        ...ID_DOCUMENT_ISSUERS[type],
        ...idDocumentTiming(type, woman.releaseDate, today),
        activeApplicationId:
          applications.find((a) => a.documentType === type && a.status === IdApplicationStatus.APPLIED)?.id ?? null,
      })),
      applications: applications.map((a) => this.idApplicationView(a, woman)),
    };
  }

  async applyForIdDocument(
    user: AuthenticatedUser,
    womanId: string,
    body: ApplyForIdDocumentDto,
    actor: Actor,
  ): Promise<IdDocumentsView> {
    this.refuseUnlessWorker(user);
    const retired = RETIRED_ID_DOCUMENT_TYPES[body.documentType];
    if (retired) throw fieldError('documentType', retired);
    const now = this.clock.now();
    const appliedOn = body.appliedOn ?? this.clock.today();
    const issuer = ID_DOCUMENT_ISSUERS[body.documentType];
    const expectedBy = expectedArrival(body.documentType, appliedOn);
    const created = await this.unitOfWork.run(async (tx) => {
      const woman = await this.lockedWoman(tx, user, womanId);
      const active = (await this.finance.listIdDocumentApplications(womanId, tx)).some(
        (a) => a.documentType === body.documentType && a.status === IdApplicationStatus.APPLIED,
      );
      if (active)
        throw new ConflictException(`She already has a ${issuer.label.toLowerCase()} application in progress`);
      const application = await this.finance.insertIdDocumentApplication(tx, {
        womanId,
        documentType: body.documentType,
        status: IdApplicationStatus.APPLIED,
        appliedOn,
        costPence: body.costPence ?? issuer.typicalCostPence,
        expectedBy,
        notes: body.notes ?? null,
        createdById: user.id,
      });
      await this.recorder.caseRecordChanged(tx, {
        woman,
        kind: 'ID_DOCUMENT',
        recordId: application.id,
        action: 'APPLIED',
        before: null,
        after: snapshot(application),
        actor,
        status: application.status,
      });
      return this.planner.createTrackingTasks(tx, {
        woman,
        specs: [
          {
            pathway: Pathway.FINANCE_AND_ID,
            templateKey: `ID_DOCUMENT_${body.documentType}`,
            title: `Check her ${issuer.label.toLowerCase()} has arrived (applied ${appliedOn})`,
            description:
              `${issuer.issuer} usually takes about ${Math.round(issuer.leadTimeDays / 7)} weeks. ` +
              'If it has not arrived by the due date, chase it, or plan for it to follow her to her release address.',
            ownerRole: Role.PRE_RELEASE_TEAM,
            releaseCritical: false,
            deadline: {
              dueDate: expectedBy,
              dueAt: endOfWorkingDay(expectedBy),
              atRiskAt: endOfWorkingDay(addWorkingDays(expectedBy, -2)),
            },
            escalationLadder: DEFAULT_ESCALATION_LADDER,
            subjectType: TaskSubjectType.ID_APPLICATION,
            subjectId: application.id,
          },
        ],
        reason: `Applied for her ${issuer.label.toLowerCase()}`,
        actor,
        now,
      });
    });
    await this.scheduler.schedule(created, now);
    return this.idDocuments(user, womanId);
  }

  async recordIdOutcome(
    user: AuthenticatedUser,
    id: string,
    body: RecordIdOutcomeDto,
    actor: Actor,
  ): Promise<IdDocumentsView> {
    this.refuseUnlessWorker(user);
    const now = this.clock.now();
    const womanId = await this.unitOfWork.run(async (tx) => {
      const application = await this.finance.findIdDocumentApplicationForUpdate(tx, id);
      const woman = application ? await this.women.findOneInScopeForUpdate(tx, user.scope, application.womanId) : null;
      if (!application || !woman) throw new NotFoundException('No such ID document application in your caseload');
      requireVersion(application.version, body.version);
      if (application.status !== IdApplicationStatus.APPLIED) {
        throw new ConflictException(`The application is already ${application.status}: start a new one instead`);
      }
      const updated = await this.finance.updateIdDocumentApplication(tx, id, {
        status: body.outcome,
        receivedOn: body.outcome === IdApplicationStatus.ACCEPTED ? (body.receivedOn ?? null) : null,
        rejectionReason: body.outcome === IdApplicationStatus.REJECTED ? (body.rejectionReason ?? null) : null,
        refundPence: body.refundPence ?? null,
      });
      await this.recorder.caseRecordChanged(tx, {
        woman,
        kind: 'ID_DOCUMENT',
        recordId: id,
        action: body.outcome,
        before: snapshot(application),
        after: snapshot(updated),
        actor,
        status: updated.status,
      });
      const tracking = await this.tasks.listOpenForSubject(tx, id);
      const accepted = body.outcome === IdApplicationStatus.ACCEPTED;
      await this.planner.closeTasks(tx, {
        woman,
        tasks: tracking,
        status: accepted ? TaskStatus.DONE : TaskStatus.NOT_NEEDED,
        reason: `${ID_DOCUMENT_ISSUERS[application.documentType].label}: ${body.outcome}`,
        actor,
        now,
      });
      if (accepted && NATIONAL_INSURANCE_DOCUMENTS.includes(application.documentType)) {
        await this.markHasNationalInsuranceNumber(tx, woman, actor, now);
      }
      return woman.id;
    });
    return this.idDocuments(user, womanId);
  }

  private async markHasNationalInsuranceNumber(
    tx: Tx,
    woman: WomanEntity,
    actor: Actor,
    now: Date,
  ): Promise<TaskEntity[]> {
    const before = woman.hasNationalInsuranceNumber;
    woman.hasNationalInsuranceNumber = true;
    const saved = await this.women.save(tx, woman);
    await this.recorder.womanChanged(tx, {
      woman: saved,
      action: 'UPDATED',
      before: { hasNationalInsuranceNumber: before },
      after: { hasNationalInsuranceNumber: true },
      actor,
    });
    const open = (await this.tasks.listOpenForWoman(tx, woman.id)).filter((t) =>
      NATIONAL_INSURANCE_TASK_KEYS.includes(t.templateKey),
    );
    return this.planner.closeTasks(tx, {
      woman: saved,
      tasks: open,
      status: TaskStatus.DONE,
      reason: 'National Insurance number letter received',
      actor,
      now,
    });
  }

  private idApplicationView(a: IdDocumentApplicationEntity, woman: WomanEntity): IdDocumentApplicationView {
    return {
      ...snapshot(a),
      label: ID_DOCUMENT_ISSUERS[a.documentType].label,
      arrivesAfterRelease:
        a.status === IdApplicationStatus.APPLIED &&
        woman.releaseDate !== null &&
        daysBetween(a.expectedBy, woman.releaseDate) < 0,
      createdAt: a.createdAt.toISOString(),
    };
  }

  private eligibility(woman: WomanEntity) {
    return checkBankAccountEligibility({
      custodyStatus: woman.custodyStatus,
      releaseDate: woman.releaseDate,
      today: this.clock.today(),
      flags: new Set(woman.sensitiveFlags),
      bankingBarrier: woman.bankingBarrier,
    });
  }

  /** The capability table decides who applies for her bank account and ID (the route's guard asked it first). */
  private refuseUnlessWorker(user: AuthenticatedUser): void {
    const refused = refusal(user, 'finance.record');
    if (refused) throw new ForbiddenException(refused);
  }

  /** Reads ask the visibility policy: finance and ID records go only to the roles it names. */
  private async visibleWoman(user: AuthenticatedUser, womanId: string): Promise<WomanEntity> {
    if (!mayView(user.role, DataKind.FINANCE_AND_ID)) {
      throw new ForbiddenException(`Bank account and ID records are not shown to the ${user.role} role`);
    }
    const woman = await this.women.findOneInScope(user.scope, womanId);
    if (!woman) throw new NotFoundException('No such woman in your caseload');
    return woman;
  }

  private async lockedWoman(tx: Tx, user: AuthenticatedUser, womanId: string): Promise<WomanEntity> {
    const woman = await this.women.findOneInScopeForUpdate(tx, user.scope, womanId);
    if (!woman) throw new NotFoundException('No such woman in your caseload');
    return woman;
  }
}
