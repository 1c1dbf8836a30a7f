/**
 * Writes a demo woman's keywork (see demo-keywork.ts) the way the API would have: her first session planned at
 * reception, her target set and each session
 * recorded by her prison's POM through the shared KeyworkPlannerService, so the audit trail, board events and her
 * keywork task are the real ones. The worker finds the tasks' deadlines in PostgreSQL; nothing is queued here.
 */
import { Injectable } from '@nestjs/common';
import { Tx, WomanEntity } from '@app/database';
import { Actor, KeyworkPlannerService, SYSTEM_ACTOR } from '@app/resettlement';
import { DemoKeywork } from './demo-keywork';
import { DemoStaff, staffMember } from './demo-staff.writer';
import { DEMO_USERNAMES } from './demo-users';

@Injectable()
export class DemoKeyworkWriter {
  constructor(private readonly planner: KeyworkPlannerService) {}

  async write(
    tx: Tx,
    {
      woman,
      plan,
      staff,
      requestId,
      now,
    }: { woman: WomanEntity; plan: DemoKeywork | null; staff: DemoStaff; requestId: string; now: Date },
  ): Promise<void> {
    // Planned at her reception, as the API does when she is added; her recorded sessions then re-date it.
    await this.planner.planAtReception(tx, { woman, actor: { ...SYSTEM_ACTOR, requestId }, now });
    if (plan === null) return;
    const username =
      DEMO_USERNAMES.pomByPrison[woman.prisonCode] ??
      DEMO_USERNAMES.preReleaseTeamByPrison[woman.prisonCode] ??
      DEMO_USERNAMES.admin;
    const user = staffMember(staff, username);
    const actor: Actor = { id: user.id, role: user.role, requestId };
    if (plan.frequencyWeeks !== null) {
      await this.planner.setTarget(tx, { woman, frequencyWeeks: plan.frequencyWeeks, actor, now });
    }
    for (const sessionOn of plan.sessionDates) {
      await this.planner.recordSession(tx, { woman, sessionOn, keyworkerName: plan.keyworkerName, actor, now });
    }
  }
}
