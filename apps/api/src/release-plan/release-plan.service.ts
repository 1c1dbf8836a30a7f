/**
 * Her printed release plan through the API: who may print it (the capability table), the facts of her case the
 * plan is made from (read within the printer's scope), the PDF, and the audit entry for each print, written before
 * the PDF is sent so that no copy leaves without its record.
 *
 * What the plan may say is the domain's buildReleasePlan: this service hands it no notes, no risk information and
 * no task titles at all, so it cannot print them whatever is ticked in.
 */
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuthenticatedUser } from '@app/auth';
import {
  AuditTrailRepository,
  PathwayStatusesRepository,
  ReferenceDataRepository,
  ReferralsRepository,
  ReleaseDayRepository,
  TasksRepository,
  UnitOfWork,
  UsersRepository,
  WomanEntity,
  WomenRepository,
} from '@app/database';
import {
  PRISONS,
  RELEASED_PRISON_CODE,
  ReferralStatus,
  buildReleasePlan,
  refusal,
  taskVisibilityFor,
  type ReleasePlanFacts,
  type ReleasePlanIncludes,
} from '@app/domain';
import { Actor } from '@app/resettlement';
import { Clock } from '../common/clock';
import { PrintReleasePlanDto } from './release-plan.dto';
import { renderReleasePlanPdf } from './release-plan.pdf';

/** Referrals the provider is working on or has finished: not drafts, and not those withdrawn or sent back. */
const HELPING: readonly ReferralStatus[] = [
  ReferralStatus.SENT,
  ReferralStatus.ASSIGNED,
  ReferralStatus.ASSESSMENT_BOOKED,
  ReferralStatus.ACTION_PLAN_SUBMITTED,
  ReferralStatus.ACTION_PLAN_APPROVED,
  ReferralStatus.IN_DELIVERY,
  ReferralStatus.ENDED,
];

export interface PrintedReleasePlan {
  pdf: Buffer;
  fileName: string;
}

@Injectable()
export class ReleasePlanService {
  constructor(
    private readonly women: WomenRepository,
    private readonly tasks: TasksRepository,
    private readonly pathways: PathwayStatusesRepository,
    private readonly referrals: ReferralsRepository,
    private readonly releaseDay: ReleaseDayRepository,
    private readonly reference: ReferenceDataRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditTrailRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async print(
    user: AuthenticatedUser,
    womanId: string,
    body: PrintReleasePlanDto,
    actor: Actor,
  ): Promise<PrintedReleasePlan> {
    const refused = refusal(user, 'release-plan.print');
    if (refused) throw new ForbiddenException(refused);
    const woman = await this.women.findOneInScope(user.scope, womanId);
    if (!woman) throw new NotFoundException('No such woman in your caseload');
    const include: ReleasePlanIncludes = {
      staffNames: body.include?.staffNames ?? false,
      specialCategory: body.include?.specialCategory ?? false,
    };
    const facts = await this.facts(user, woman);
    const plan = buildReleasePlan(facts, { language: body.language, include });
    const pdf = await renderReleasePlanPdf(plan, 'Resettle');
    await this.unitOfWork.run((tx) =>
      this.audit.append(tx, [
        {
          womanId: woman.id,
          entityType: 'RELEASE_PLAN',
          entityId: woman.id,
          action: 'PRINTED',
          actorId: actor.id,
          actorRole: actor.role,
          before: null,
          after: { language: body.language, include: { ...include }, format: 'PDF', pages: pageCount(pdf) },
          requestId: actor.requestId,
        },
      ]),
    );
    const suffix = body.language === 'cy' ? 'cynllun-rhyddhau' : 'release-plan';
    return { pdf, fileName: `${woman.prisonNumber}-${suffix}.pdf` };
  }

  /** Her case as the plan needs it, read within the printer's scope. */
  private async facts(user: AuthenticatedUser, woman: WomanEntity): Promise<ReleasePlanFacts> {
    const now = this.clock.now();
    const [statuses, taskPage, referralPage, plan, appointments, area, providers, staff] = await Promise.all([
      this.pathways.listForWoman(woman.id),
      this.tasks.listInScope(user.scope, {
        now,
        visibility: taskVisibilityFor(user.role),
        womanId: woman.id,
        limit: 1000,
        offset: 0,
      }),
      this.referrals.listInScope(user.scope, {
        womanId: woman.id,
        visibility: { includeDrafts: false, hiddenPathways: [] },
        limit: 1000,
        offset: 0,
      }),
      this.releaseDay.findPlan(woman.id),
      this.releaseDay.listAppointments(woman.id),
      this.reference.findReleaseArea(woman.releaseAreaCode),
      this.reference.listProviders(),
      this.users.findByIds([woman.comId, woman.pomId].filter((id): id is string => id !== null)),
    ]);
    const prisonCode = woman.prisonCode === RELEASED_PRISON_CODE ? woman.releasedFromPrisonCode : woman.prisonCode;
    const prison = PRISONS.find((p) => p.code === prisonCode);
    const providerById = new Map(providers.map((p) => [p.id, p]));
    const nameOf = (id: string | null) => staff.find((u) => u.id === id)?.displayName ?? null;
    return {
      firstName: woman.firstName,
      lastName: woman.lastName,
      prisonNumber: woman.prisonNumber,
      releaseDate: woman.releaseDate,
      prisonName: prison ? `HMP ${prison.name}` : null,
      releaseAreaName: area?.name ?? woman.releaseAreaCode,
      country: area?.country ?? 'ENGLAND',
      comName: nameOf(woman.comId),
      pomName: nameOf(woman.pomId),
      keyworkerName: woman.keyworkerName,
      probationPhone: area?.probationPhone ?? null,
      pathways: statuses.map((s) => ({ pathway: s.pathway, status: s.status })),
      tasks: taskPage.rows.map(({ task }) => ({
        pathway: task.pathway,
        ownerRole: task.ownerRole,
        status: task.status,
        dueDate: task.dueDate,
      })),
      referrals: referralPage.rows
        .filter(({ referral }) => HELPING.includes(referral.status))
        .map(({ referral }) => {
          const provider = providerById.get(referral.providerId);
          return {
            pathways: referral.pathways.map((p) => p.pathway),
            providerName: provider?.name ?? '',
            providerPhone: provider?.phone ?? null,
          };
        })
        .filter((r) => r.providerName !== ''),
      appointments: appointments.map((a) => ({ kind: a.kind, startsAt: a.startsAt, place: a.place, town: a.town })),
      checklist: plan?.checklist ?? {},
      today: this.clock.today(),
    };
  }
}

/** Pages in the PDF pdfkit wrote (its page tree's count), for the audit entry. */
function pageCount(pdf: Buffer): number {
  const counts = [...pdf.toString('latin1').matchAll(/\/Type \/Pages\s*\/Count (\d+)/g)].map((m) => Number(m[1]));
  return counts.length > 0 ? Math.max(...counts) : 0;
}
