/**
 * Release-day plans (recommendation 9): appointments with time and place, the practical checklist, and the
 * feasibility check that warns when the day asks too much of her. Travel times come from an admin-kept table.
 */
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { AuthenticatedUser } from '@app/auth';
import type { ReleaseDayPlanView } from '@app/contracts';
import {
  ReleaseDayAppointmentEntity,
  ReleaseDayRepository,
  Tx,
  UnitOfWork,
  WomanEntity,
  WomenRepository,
} from '@app/database';
import {
  CHECKLIST_ITEMS,
  checkReleaseDayPlan,
  ChecklistState,
  normalTown,
  prisonTown,
  RELEASED_PRISON_CODE,
  ReleaseDayChecklist,
  releaseDayVisibilityFor,
  travelTimeLookup,
  allowedActions,
  refusal,
} from '@app/domain';
import { Actor, ChangeRecorder } from '@app/resettlement';
import { AddAppointmentDto, ReplaceTravelTimesDto, UpdateReleaseDayPlanDto } from './release-day.dto';

export type { ReleaseDayPlanView } from '@app/contracts';

/** Until someone decides otherwise, everything on the checklist is needed. */
const UNDECIDED: ReleaseDayChecklist = Object.fromEntries(
  CHECKLIST_ITEMS.map((item) => [item, ChecklistState.NEEDED]),
) as ReleaseDayChecklist;

/** One row of the travel-time table: minutes between two towns, either way round. */
export interface TravelTimeView {
  fromTown: string;
  toTown: string;
  minutes: number;
}

@Injectable()
export class ReleaseDayService {
  constructor(
    private readonly releaseDay: ReleaseDayRepository,
    private readonly women: WomenRepository,
    private readonly recorder: ChangeRecorder,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async get(user: AuthenticatedUser, womanId: string): Promise<ReleaseDayPlanView> {
    const woman = await this.women.findOneInScope(user.scope, womanId);
    if (!woman) throw new NotFoundException('No such woman in your caseload');
    return this.view(woman, user);
  }

  async update(user: AuthenticatedUser, womanId: string, body: UpdateReleaseDayPlanDto, actor: Actor) {
    this.refuseUnlessPlanner(user);
    const woman = await this.unitOfWork.run(async (tx) => {
      const locked = await this.lockedWoman(tx, user, womanId);
      const current = await this.releaseDay.findPlan(womanId, tx);
      if (current && body.version !== undefined && body.version !== current.version) {
        throw new ConflictException(`The plan changed since you read it (you sent version ${body.version}): reload`);
      }
      const checklist = { ...(current?.checklist ?? UNDECIDED), ...body.checklist };
      const saved = await this.releaseDay.savePlan(tx, {
        womanId,
        checklist,
        notes: body.notes !== undefined ? body.notes : (current?.notes ?? null),
        updatedById: user.id,
        version: (current?.version ?? 0) + 1,
      });
      await this.recorder.caseRecordChanged(tx, {
        woman: locked,
        kind: 'RELEASE_DAY_PLAN',
        recordId: womanId,
        action: current ? 'UPDATED' : 'CREATED',
        before: current ? { checklist: current.checklist, notes: current.notes } : null,
        after: { checklist: saved.checklist, notes: saved.notes },
        actor,
        status: null,
      });
      return locked;
    });
    return this.view(woman, user);
  }

  async addAppointment(user: AuthenticatedUser, womanId: string, body: AddAppointmentDto, actor: Actor) {
    this.refuseUnlessPlanner(user);
    const woman = await this.unitOfWork.run(async (tx) => {
      const locked = await this.lockedWoman(tx, user, womanId);
      const appointment = await this.releaseDay.insertAppointment(tx, {
        womanId,
        kind: body.kind,
        startsAt: new Date(body.startsAt),
        durationMinutes: body.durationMinutes,
        place: body.place.trim(),
        town: body.town.trim(),
        notes: body.notes ?? null,
      });
      await this.recorder.caseRecordChanged(tx, {
        woman: locked,
        kind: 'RELEASE_DAY_PLAN',
        recordId: womanId,
        action: 'APPOINTMENT_ADDED',
        before: null,
        after: this.appointmentSnapshot(appointment),
        actor,
        status: null,
      });
      return locked;
    });
    return this.view(woman, user);
  }

  async removeAppointment(user: AuthenticatedUser, womanId: string, appointmentId: string, actor: Actor) {
    this.refuseUnlessPlanner(user);
    const woman = await this.unitOfWork.run(async (tx) => {
      const locked = await this.lockedWoman(tx, user, womanId);
      const removed = await this.releaseDay.deleteAppointment(tx, womanId, appointmentId);
      if (!removed) throw new NotFoundException('No such appointment in her release-day plan');
      await this.recorder.caseRecordChanged(tx, {
        woman: locked,
        kind: 'RELEASE_DAY_PLAN',
        recordId: womanId,
        action: 'APPOINTMENT_REMOVED',
        before: this.appointmentSnapshot(removed),
        after: null,
        actor,
        status: null,
      });
      return locked;
    });
    return this.view(woman, user);
  }

  async travelTimes(): Promise<TravelTimeView[]> {
    return (await this.releaseDay.listTravelTimes()).map((r) => ({
      fromTown: r.fromTown,
      toTown: r.toTown,
      minutes: r.minutes,
    }));
  }

  /** The whole table at once, so an upload of a spreadsheet is one audited change. */
  async replaceTravelTimes(user: AuthenticatedUser, body: ReplaceTravelTimesDto): Promise<TravelTimeView[]> {
    const refused = refusal(user, 'travel-times.replace');
    if (refused) throw new ForbiddenException(refused);
    const seen = new Set<string>();
    for (const [i, row] of body.rows.entries()) {
      const pair = [normalTown(row.fromTown), normalTown(row.toTown)].sort().join('|');
      if (normalTown(row.fromTown) === normalTown(row.toTown) || seen.has(pair)) {
        throw new BadRequestException({
          statusCode: 400,
          error: 'Bad Request',
          message: `Invalid rows.${i}: each pair of different towns may appear once (either way round)`,
          fields: [
            { field: `rows.${i}`, messages: ['each pair of different towns may appear once (either way round)'] },
          ],
        });
      }
      seen.add(pair);
    }
    await this.unitOfWork.run((tx) =>
      this.releaseDay.replaceTravelTimes(
        tx,
        body.rows.map((r) => ({ fromTown: r.fromTown.trim(), toTown: r.toTown.trim(), minutes: r.minutes })),
      ),
    );
    return this.travelTimes();
  }

  /**
   * The plan as the visibility policy lets this user read it. Readers without release-day detail get the rest of
   * the plan (not a 403: the gate time and the practical arrangements are theirs to oversee), and its warnings are
   * worked out from that rest, so no warning names what was withheld.
   */
  private async view(woman: WomanEntity, user: AuthenticatedUser): Promise<ReleaseDayPlanView> {
    const visibility = releaseDayVisibilityFor(user.role);
    const [plan, allAppointments, table] = await Promise.all([
      this.releaseDay.findPlan(woman.id),
      this.releaseDay.listAppointments(woman.id),
      this.releaseDay.listTravelTimes(),
    ]);
    const appointments = allAppointments.filter((a) => visibility.appointmentKinds(a.kind));
    const fullChecklist = plan?.checklist ?? UNDECIDED;
    const checklist = Object.fromEntries(
      visibility.checklistItems.map((item) => [item, fullChecklist[item]]),
    ) as Partial<ReleaseDayChecklist>;
    const detailWithheld =
      !visibility.notes ||
      appointments.length < allAppointments.length ||
      visibility.checklistItems.length < CHECKLIST_ITEMS.length;
    const fromPrison = woman.prisonCode === RELEASED_PRISON_CODE ? woman.releasedFromPrisonCode : woman.prisonCode;
    const town = fromPrison ? prisonTown(fromPrison) : null;
    return {
      womanId: woman.id,
      releaseDate: woman.releaseDate,
      prisonTown: town,
      checklist,
      ...(visibility.notes ? { notes: plan?.notes ?? null } : {}),
      appointments: appointments.map((a) => {
        const { notes, ...rest } = this.appointmentSnapshot(a);
        return { ...rest, ...(visibility.notes ? { notes } : {}), id: a.id };
      }),
      warnings: checkReleaseDayPlan({
        releaseDate: woman.releaseDate,
        releaseDayRule: woman.releaseDayRule,
        prisonTown: town,
        appointments,
        // Items withheld count as settled here, so no warning names them.
        checklist: {
          ...fullChecklist,
          ...Object.fromEntries(
            CHECKLIST_ITEMS.filter((i) => !visibility.checklistItems.includes(i)).map((i) => [
              i,
              ChecklistState.NOT_NEEDED,
            ]),
          ),
        },
        travelMinutes: travelTimeLookup(table),
      }),
      detailWithheld,
      version: plan?.version ?? null,
      updatedAt: plan?.updatedAt.toISOString() ?? null,
      allowedActions: allowedActions(user, { kind: 'woman', comId: woman.comId }),
    };
  }

  private appointmentSnapshot(a: ReleaseDayAppointmentEntity) {
    return {
      kind: a.kind,
      startsAt: a.startsAt.toISOString(),
      durationMinutes: a.durationMinutes,
      place: a.place,
      town: a.town,
      notes: a.notes,
    };
  }

  /** The capability table decides who plans her release day (the route's guard asked it first). */
  private refuseUnlessPlanner(user: AuthenticatedUser): void {
    const refused = refusal(user, 'release-day.plan');
    if (refused) throw new ForbiddenException(refused);
  }

  private async lockedWoman(tx: Tx, user: AuthenticatedUser, womanId: string): Promise<WomanEntity> {
    const woman = await this.women.findOneInScopeForUpdate(tx, user.scope, womanId);
    if (!woman) throw new NotFoundException('No such woman in your caseload');
    return woman;
  }
}
