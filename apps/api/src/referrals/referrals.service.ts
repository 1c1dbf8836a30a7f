/**
 * CRS referrals: drafting, sending, the provider's queue and each step to the end-of-service report. Every
 * step is a conditional update on the status the caller saw, audited and sent to the boards, and each
 * stage that waits on someone is a task the deadline engine alerts and escalates.
 */
import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { AuthenticatedUser } from '@app/auth';
import type { ReferralActionName } from '@app/contracts';
import {
  DeliverySessionsRepository,
  PathwayStatusesRepository,
  ReferenceDataRepository,
  ReferralEntity,
  ReferralRow,
  ReferralsRepository,
  TaskEntity,
  Tx,
  UnitOfWork,
  UsersRepository,
  WomanEntity,
  WomenRepository,
} from '@app/database';
import {
  allowedActions,
  capabilityOfReferralStep,
  codedReasonProblems,
  mergeNeedsAndRequirements,
  needsAndRequirementsProblems,
  refusal,
  ReferralSubject,
  endOfServiceProblems,
  endOfServiceSessionProblems,
  makeReferralReference,
  Pathway,
  REFERRAL_TRANSITIONS,
  ReferralAction,
  referralSendProblems,
  ReferralStatus,
  referralTransitionProblem,
  referralListFilterFor,
} from '@app/domain';
import { Actor, ChangeRecorder, DeadlineScheduler, ReferralStagesService } from '@app/resettlement';
import { Clock } from '../common/clock';
import { Page } from '../common/pagination.dto';
import { badRequest, problemsError } from '../common/validation-errors';
import {
  BookAssessmentDto,
  CreateReferralDto,
  EndReferralDto,
  ListReferralsQueryDto,
  ReferralVersionDto,
  ReturnReferralDto,
  SubmitActionPlanDto,
  UpdateReferralDto,
  WithdrawReferralDto,
} from './referral.dto';
import {
  ReferralDetailView,
  ReferralView,
  referralSnapshot,
  toReferralView,
  toStatusLog,
  toTransfers,
} from './referral.view';

export type ReferralActionBody =
  | {
      action: ReferralAction.SEND | ReferralAction.ASSIGN | ReferralAction.APPROVE_ACTION_PLAN;
      body: ReferralVersionDto;
    }
  | { action: ReferralAction.START_DELIVERY; body: ReferralVersionDto }
  | { action: ReferralAction.WITHDRAW; body: WithdrawReferralDto }
  | { action: ReferralAction.RETURN; body: ReturnReferralDto }
  | { action: ReferralAction.BOOK_ASSESSMENT; body: BookAssessmentDto }
  | { action: ReferralAction.SUBMIT_ACTION_PLAN; body: SubmitActionPlanDto }
  | { action: ReferralAction.END; body: EndReferralDto };

const REFERENCE_ATTEMPTS = 5;

/** The referral as the capability table reads it. */
function subjectOf(r: ReferralEntity, providerAllowsDirectReferral: boolean): ReferralSubject {
  return {
    kind: 'referral',
    status: r.status,
    providerId: r.providerId,
    providerAllowsDirectReferral,
    assignedCaseworkerId: r.caseworkerId,
  };
}

@Injectable()
export class ReferralsService {
  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly sessions: DeliverySessionsRepository,
    private readonly women: WomenRepository,
    private readonly pathways: PathwayStatusesRepository,
    private readonly reference: ReferenceDataRepository,
    private readonly users: UsersRepository,
    private readonly stages: ReferralStagesService,
    private readonly recorder: ChangeRecorder,
    private readonly scheduler: DeadlineScheduler,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthenticatedUser, query: ListReferralsQueryDto): Promise<Page<ReferralView>> {
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    const { rows, total } = await this.referrals.listInScope(user.scope, {
      womanId: query.womanId,
      status: query.status,
      caseworkerId: query.caseworker === 'me' ? user.id : undefined,
      visibility: referralListFilterFor(user),
      limit,
      offset,
    });
    const providers = await this.providerRules(rows.map((r) => r.referral.providerId));
    return {
      items: rows.flatMap((row) => {
        const view = this.view(user, row, providers);
        return view ? [view] : [];
      }),
      total,
      limit,
      offset,
    };
  }

  async get(user: AuthenticatedUser, id: string): Promise<ReferralDetailView> {
    const row = await this.findVisible(user, id);
    const [providers, log, transfers] = await Promise.all([
      this.providerRules([row.referral.providerId]),
      this.referrals.listStatusChanges(id),
      this.referrals.listTransfers(id),
    ]);
    const view = this.view(user, row, providers);
    if (!view) throw new NotFoundException('No such referral in your caseload');
    return { ...view, statusLog: toStatusLog(log), transfers: toTransfers(transfers) };
  }

  async create(
    user: AuthenticatedUser,
    womanId: string,
    body: CreateReferralDto,
    actor: Actor,
  ): Promise<ReferralDetailView> {
    const refused = refusal(user, 'referral.create');
    if (refused) throw new ForbiddenException(refused);
    const woman = await this.women.findOneInScope(user.scope, womanId);
    if (!woman) throw new NotFoundException('No such woman in your caseload');
    this.checkDistinctPathways(body.pathways.map((p) => p.pathway));
    const needs = body.needsAndRequirements ? mergeNeedsAndRequirements(null, body.needsAndRequirements) : null;
    if (needs) this.checkNeeds(needs);
    const area = await this.reference.findReleaseArea(woman.releaseAreaCode);
    if (!area?.provider) {
      throw new UnprocessableEntityException(
        `Her release area (${woman.releaseAreaCode}) has no CRS provider yet: an administrator must assign one`,
      );
    }
    const provider = area.provider;
    const statuses = await this.pathways.listForWoman(womanId);
    const needTimes = statuses
      .filter((s) => body.pathways.some((p) => p.pathway === s.pathway) && s.needIdentifiedAt !== null)
      .map((s) => (s.needIdentifiedAt as Date).getTime());
    const created = await this.withUniqueReference(() =>
      this.unitOfWork.run(async (tx) => {
        const referral = await this.referrals.insert(tx, {
          reference: makeReferralReference(provider.contractSuffix),
          womanId,
          providerId: provider.id,
          releaseAreaCode: woman.releaseAreaCode,
          status: ReferralStatus.DRAFT,
          pathways: body.pathways.map((p) => ({ ...p, desiredOutcomes: p.desiredOutcomes.map((o) => o.trim()) })),
          riskInformation: body.riskInformation ?? null,
          additionalInformation: body.additionalInformation ?? null,
          needsAndRequirements: needs,
          createdById: user.id,
          needIdentifiedAt: needTimes.length > 0 ? new Date(Math.min(...needTimes)) : null,
        });
        await this.referrals.appendStatusChange(tx, {
          referralId: referral.id,
          fromStatus: null,
          toStatus: ReferralStatus.DRAFT,
          actorId: actor.id,
          actorRole: actor.role,
          reason: null,
        });
        await this.recorder.referralChanged(tx, {
          woman,
          referral,
          action: 'CREATED',
          before: null,
          after: referralSnapshot(referral),
          actor,
        });
        return referral;
      }),
    );
    return this.get(user, created.id);
  }

  /** A draft, or a referral returned to be fixed, can be edited by those who may send it. */
  async update(
    user: AuthenticatedUser,
    id: string,
    body: UpdateReferralDto,
    actor: Actor,
  ): Promise<ReferralDetailView> {
    const row = await this.findVisible(user, id);
    const r = row.referral;
    if (r.status !== ReferralStatus.DRAFT && r.status !== ReferralStatus.RETURNED) {
      throw new ConflictException(`A referral that is ${r.status} can no longer be edited: only DRAFT or RETURNED can`);
    }
    await this.refuseUnlessAllowed(user, r, 'referral.edit');
    if (body.pathways) this.checkDistinctPathways(body.pathways.map((p) => p.pathway));
    const needs = body.needsAndRequirements
      ? mergeNeedsAndRequirements(r.needsAndRequirements, body.needsAndRequirements)
      : undefined;
    if (needs) this.checkNeeds(needs);
    await this.unitOfWork.run(async (tx) => {
      const updated = await this.referrals.updateIf(
        tx,
        id,
        { status: r.status, version: body.version },
        {
          ...(body.pathways ? { pathways: body.pathways } : {}),
          ...(body.riskInformation
            ? { riskInformation: { ...(r.riskInformation ?? {}), ...body.riskInformation } }
            : {}),
          ...(body.additionalInformation !== undefined ? { additionalInformation: body.additionalInformation } : {}),
          ...(needs ? { needsAndRequirements: needs } : {}),
        },
      );
      if (!updated) throw this.changedMeanwhile(body.version);
      const woman = await this.requireWoman(tx, r.womanId);
      await this.recorder.referralChanged(tx, {
        woman,
        referral: updated,
        action: 'UPDATED',
        before: {
          ...referralSnapshot(r),
          riskInformation: r.riskInformation,
          needsAndRequirements: r.needsAndRequirements,
        },
        after: {
          ...referralSnapshot(updated),
          riskInformation: updated.riskInformation,
          needsAndRequirements: updated.needsAndRequirements,
        },
        actor,
      });
    });
    return this.get(user, id);
  }

  async act(
    user: AuthenticatedUser,
    id: string,
    request: ReferralActionBody,
    actor: Actor,
  ): Promise<ReferralDetailView> {
    const { action, body } = request;
    const row = await this.findVisible(user, id);
    const r = row.referral;
    await this.refuseUnlessAllowed(user, r, capabilityOfReferralStep(action));
    const problem = referralTransitionProblem(r.status, action);
    if (problem)
      throw new ConflictException({ statusCode: 409, error: 'Conflict', message: problem, status: r.status });
    const patch = this.patchFor(request, r, user);
    if (action === ReferralAction.END) {
      // The end-of-service report follows the sessions (delivery-sessions.ts).
      const problems = endOfServiceSessionProblems(await this.sessions.listForReferral(id));
      if (problems.length > 0) throw problemsError(problems);
    }
    const now = this.clock.now();
    const to = REFERRAL_TRANSITIONS[action].to;
    const stamps = this.timestampsFor(action, r, now);
    const scheduled: TaskEntity[] = [];
    await this.unitOfWork.run(async (tx) => {
      const updated = await this.referrals.updateIf(
        tx,
        id,
        { status: r.status, version: body.version },
        { ...patch, ...stamps, status: to },
      );
      if (!updated) throw await this.lostRace(tx, id, action, body.version);
      const reason = 'reason' in body ? (body.reason?.trim() ?? null) || null : null;
      const reasonCode = 'reasonCode' in body ? body.reasonCode : null;
      await this.referrals.appendStatusChange(tx, {
        referralId: id,
        fromStatus: r.status,
        toStatus: to,
        actorId: actor.id,
        actorRole: actor.role,
        reason,
        reasonCode,
      });
      const woman = await this.requireWoman(tx, r.womanId);
      await this.recorder.referralChanged(tx, {
        woman,
        referral: updated,
        action,
        before: referralSnapshot(r),
        after: { ...referralSnapshot(updated), ...(reasonCode ? { reasonCode } : {}), ...(reason ? { reason } : {}) },
        actor,
      });
      scheduled.push(...(await this.stages.moveStageTasks(tx, { woman, referral: updated, action, actor, now })));
    });
    await this.scheduler.schedule(scheduled, now);
    return this.get(user, id);
  }

  private patchFor(request: ReferralActionBody, r: ReferralEntity, user: AuthenticatedUser): Partial<ReferralEntity> {
    switch (request.action) {
      case ReferralAction.SEND: {
        const problems = referralSendProblems(r);
        if (problems.length > 0) throw problemsError(problems);
        return { referrerId: user.id, referrerRole: user.role, returnedReason: null, returnedReasonCode: null };
      }
      case ReferralAction.ASSIGN:
        return { caseworkerId: user.id };
      case ReferralAction.BOOK_ASSESSMENT:
        return { assessmentAt: new Date(request.body.assessmentAt) };
      case ReferralAction.SUBMIT_ACTION_PLAN:
        return { actionPlan: request.body.actionPlan };
      case ReferralAction.APPROVE_ACTION_PLAN:
        return { actionPlanApprovedById: user.id };
      case ReferralAction.START_DELIVERY:
        return {};
      case ReferralAction.END: {
        const outcomes = request.body.outcomes.map((o) => ({ ...o, desiredOutcome: o.desiredOutcome.trim() }));
        const problems = endOfServiceProblems(r.pathways, outcomes);
        if (problems.length > 0) throw problemsError(problems);
        return {
          endOfServiceReport: {
            summary: request.body.summary,
            outcomes: outcomes.map((o) => ({ ...o, comment: o.comment ?? null })),
          },
        };
      }
      case ReferralAction.WITHDRAW: {
        const problems = codedReasonProblems('WITHDRAW', request.body);
        if (problems.length > 0) throw problemsError(problems);
        return {
          withdrawnReason: request.body.reason?.trim() || null,
          withdrawalReasonCode: request.body.reasonCode,
        };
      }
      case ReferralAction.RETURN: {
        const problems = codedReasonProblems('RETURN', request.body);
        if (problems.length > 0) throw problemsError(problems);
        // A returned referral goes back to the referrer: the provider lets go of it.
        return {
          returnedReason: request.body.reason?.trim() || null,
          returnedReasonCode: request.body.reasonCode,
          timesReturned: r.timesReturned + 1,
          caseworkerId: null,
          assignedAt: null,
        };
      }
    }
  }

  private timestampsFor(action: ReferralAction, r: ReferralEntity, now: Date): Partial<ReferralEntity> {
    switch (action) {
      case ReferralAction.SEND:
        return { sentAt: now, firstSentAt: r.firstSentAt ?? now };
      case ReferralAction.ASSIGN:
        return { assignedAt: now };
      case ReferralAction.BOOK_ASSESSMENT:
        return { assessmentBookedAt: now };
      case ReferralAction.SUBMIT_ACTION_PLAN:
        return { actionPlanSubmittedAt: now };
      case ReferralAction.APPROVE_ACTION_PLAN:
        return { actionPlanApprovedAt: now };
      case ReferralAction.START_DELIVERY:
        return { deliveryStartedAt: now };
      case ReferralAction.END:
      case ReferralAction.WITHDRAW:
        return { endedAt: now };
      case ReferralAction.RETURN:
        return {};
    }
  }

  /** Why a conditional update matched nothing: someone else took it, or it moved on since it was read. */
  private async lostRace(tx: Tx, id: string, action: ReferralAction, version?: number): Promise<ConflictException> {
    const current = await this.referrals.findForUpdate(tx, id);
    if (action === ReferralAction.ASSIGN && current?.caseworkerId) {
      const [holder] = await this.users.findByIds([current.caseworkerId]);
      return new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `Already taken by ${holder?.displayName ?? 'another caseworker'}`,
        heldBy: { id: current.caseworkerId, displayName: holder?.displayName ?? null },
        status: current.status,
      });
    }
    return current && version !== undefined && current.version !== version
      ? this.changedMeanwhile(version)
      : new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: `The referral is now ${current?.status ?? 'gone'}: reload and try again`,
          status: current?.status ?? null,
        });
  }

  private changedMeanwhile(version?: number): ConflictException {
    return new ConflictException(
      `The referral was changed by someone else since you read it${version !== undefined ? ` (you sent version ${version})` : ''}: reload and try again`,
    );
  }

  private async refuseUnlessAllowed(
    user: AuthenticatedUser,
    r: ReferralEntity,
    action: ReferralActionName,
  ): Promise<void> {
    const provider = await this.reference.findProvider(r.providerId);
    const refused = refusal(user, action, subjectOf(r, provider?.allowsDirectReferral ?? false));
    if (refused) throw new ForbiddenException(refused);
  }

  private async providerRules(ids: string[]): Promise<Map<string, boolean>> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map((id) => this.reference.findProvider(id)));
    return new Map(found.filter((p) => p !== null).map((p) => [p.id, p.allowsDirectReferral]));
  }

  private view(user: AuthenticatedUser, row: ReferralRow, directReferral: Map<string, boolean>): ReferralView | null {
    const r = row.referral;
    const allowed = allowedActions(user, subjectOf(r, directReferral.get(r.providerId) ?? false));
    return toReferralView(row, user, allowed);
  }

  private async findVisible(user: AuthenticatedUser, id: string): Promise<ReferralRow> {
    const row = await this.referrals.findInScope(user.scope, referralListFilterFor(user), id);
    if (!row) throw new NotFoundException('No such referral in your caseload');
    return row;
  }

  private async requireWoman(tx: Tx, id: string): Promise<WomanEntity> {
    const woman = await this.women.findById(tx, id);
    if (!woman) throw new NotFoundException('No such woman');
    return woman;
  }

  private checkNeeds(needs: Parameters<typeof needsAndRequirementsProblems>[0]): void {
    const problems = needsAndRequirementsProblems(needs);
    if (problems.length > 0) throw problemsError(problems);
  }

  private checkDistinctPathways(pathways: Pathway[]): void {
    if (new Set(pathways).size !== pathways.length) {
      throw badRequest([{ field: 'pathways', messages: ['Each pathway may appear once in a referral'] }]);
    }
  }

  /** References are random; the unique index catches the rare clash and a fresh one is drawn. */
  private async withUniqueReference<T>(attempt: () => Promise<T>): Promise<T> {
    for (let i = 1; ; i++) {
      try {
        return await attempt();
      } catch (error) {
        const clash = (error as { code?: string; constraint?: string }).code === '23505';
        if (!clash || i >= REFERENCE_ATTEMPTS) throw error;
      }
    }
  }
}
