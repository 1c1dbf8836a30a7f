/**
 * The room policy oracle's fixture: one woman whose case holds everything the visibility policy guards (every
 * pathway, special category ones included, every sensitive flag, tasks owned by every working role, a draft
 * and a sent referral with risk text, notes, alerts) and one woman outside the main users' scope, with a user
 * of every role and users of another prison, provider and caseload. Users and women are made here; the changes
 * that produce board events are made by the suite once its sockets listen (see makeChanges).
 */
import type { DataSource } from 'typeorm';
import { PATHWAYS, Pathway, Role, SENSITIVE_FLAGS, SENSITIVE_PATHWAYS } from '@app/domain';
import type { WomanView } from '@app/contracts';
import { recordNeeds } from './casework.factory';
import { daysFromToday } from './dates';
import { TestProvider, TestReleaseArea, createProvider, createReleaseArea } from './reference.factory';
import { uniqueSuffix } from './unique';
import { SignedInUser, createSignedInUser } from './users.factory';
import { createWoman } from './women.factory';

/** Who the oracle signs in as: one user of every role, and users of another prison, provider and caseload. */
export type OracleUserName =
  | 'PRE_RELEASE_TEAM'
  | 'POM'
  | 'COM'
  | 'CRS_CASEWORKER'
  | 'GOVERNOR'
  | 'REGIONAL_MANAGER'
  | 'ADMIN'
  | 'OTHER_PRISON_PRE_RELEASE_TEAM'
  | 'OTHER_PRISON_GOVERNOR'
  | 'OTHER_PROVIDER_CRS_CASEWORKER'
  | 'OTHER_CASELOAD_COM';

export interface RoomOracleUser extends SignedInUser {
  prisonCodes: string[];
  providerId: string | null;
  teamKey: string | null;
  isManager: boolean;
}

export interface RoomPolicyFixture {
  providers: { own: TestProvider; other: TestProvider };
  areas: { own: TestReleaseArea; other: TestReleaseArea };
  users: Record<OracleUserName, RoomOracleUser>;
  /**
   * `case` holds everything. `neighbour` is in the same release area (the same COM team, the same provider) but at
   * another prison and on another COM's caseload; `outsider` is at another prison, in another area, on that COM's
   * caseload too. So every user but the admin has a woman outside her scope.
   */
  women: { case: WomanView; neighbour: WomanView; outsider: WomanView };
  /** Text that must never travel in an event: a note and a referral's risk summary. */
  secrets: { note: string; risk: string };
}

export const OWN_PRISON = 'STI';
export const OTHER_PRISON = 'BZI';

export async function createRoomPolicyFixture(dataSource: DataSource, baseUrl: string): Promise<RoomPolicyFixture> {
  const [own, other] = await Promise.all([createProvider(dataSource), createProvider(dataSource)]);
  const [ownArea, otherArea] = await Promise.all([
    createReleaseArea(dataSource, own.id),
    createReleaseArea(dataSource, other.id),
  ]);
  const make = async (
    role: Role,
    place: { prisonCodes?: string[]; providerId?: string; teamKey?: string; isManager?: boolean },
  ): Promise<RoomOracleUser> => {
    const user = await createSignedInUser(dataSource, baseUrl, {
      role,
      prisonCodes: place.prisonCodes,
      providerId: place.providerId,
    });
    const teamKey = place.teamKey ?? null;
    const isManager = place.isManager ?? false;
    await dataSource.query('UPDATE users SET team_key = $2, is_manager = $3 WHERE id = $1', [
      user.id,
      teamKey,
      isManager,
    ]);
    return { ...user, prisonCodes: place.prisonCodes ?? [], providerId: place.providerId ?? null, teamKey, isManager };
  };
  const users: Record<OracleUserName, RoomOracleUser> = {
    PRE_RELEASE_TEAM: await make(Role.PRE_RELEASE_TEAM, {
      prisonCodes: [OWN_PRISON],
      teamKey: OWN_PRISON,
      isManager: true,
    }),
    POM: await make(Role.POM, { prisonCodes: [OWN_PRISON], teamKey: OWN_PRISON }),
    // The COM manager of the area, holding the case; her colleague in the same team holds the outsider.
    COM: await make(Role.COM, { teamKey: ownArea.code, isManager: true }),
    CRS_CASEWORKER: await make(Role.CRS_CASEWORKER, { providerId: own.id, teamKey: own.id }),
    GOVERNOR: await make(Role.GOVERNOR, { prisonCodes: [OWN_PRISON] }),
    REGIONAL_MANAGER: await make(Role.REGIONAL_MANAGER, { prisonCodes: [OWN_PRISON] }),
    ADMIN: await make(Role.ADMIN, {}),
    OTHER_PRISON_PRE_RELEASE_TEAM: await make(Role.PRE_RELEASE_TEAM, {
      prisonCodes: [OTHER_PRISON],
      teamKey: OTHER_PRISON,
    }),
    OTHER_PRISON_GOVERNOR: await make(Role.GOVERNOR, { prisonCodes: [OTHER_PRISON] }),
    OTHER_PROVIDER_CRS_CASEWORKER: await make(Role.CRS_CASEWORKER, { providerId: other.id, teamKey: other.id }),
    OTHER_CASELOAD_COM: await make(Role.COM, { teamKey: ownArea.code }),
  };
  const admin = users.ADMIN.token;
  const caseWoman = await createWoman(baseUrl, admin, {
    prisonCode: OWN_PRISON,
    releaseAreaCode: ownArea.code,
    sensitiveFlags: SENSITIVE_FLAGS,
    pomId: users.POM.id,
    comId: users.COM.id,
  });
  const neighbour = await createWoman(baseUrl, admin, {
    prisonCode: OTHER_PRISON,
    releaseAreaCode: ownArea.code,
    sensitiveFlags: SENSITIVE_FLAGS,
    comId: users.OTHER_CASELOAD_COM.id,
  });
  const outsider = await createWoman(baseUrl, admin, {
    prisonCode: OTHER_PRISON,
    releaseAreaCode: otherArea.code,
    sensitiveFlags: SENSITIVE_FLAGS,
    comId: users.OTHER_CASELOAD_COM.id,
  });
  return {
    providers: { own, other },
    areas: { own: ownArea, other: otherArea },
    users,
    women: { case: caseWoman, neighbour, outsider },
    secrets: { note: `NOTE-TEXT-${uniqueSuffix()}`, risk: `RISK-TEXT-${uniqueSuffix()}` },
  };
}

/** The roles that own tasks; the fixture makes sure each owns one ordinary and one special category task. */
const TASK_OWNERS: readonly Role[] = [Role.PRE_RELEASE_TEAM, Role.POM, Role.COM, Role.CRS_CASEWORKER];

interface TaskRow {
  id: string;
  pathway: Pathway;
  owner_role: Role;
  version: number;
}

function ok<T>(response: { status: number; body: T }, what: string): T {
  if (response.status !== 200 && response.status !== 201) {
    throw new Error(`${what} failed with ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/**
 * Everything that makes board events about one woman, through the API: her needs in every pathway (tasks,
 * pathway statuses, the assessment), tasks of every owner in ordinary and special category pathways worked and
 * noted, claims, a draft and a sent (and taken) referral with risk text, and her release date moved into the
 * past (when asked) so every task falls overdue and alerts are raised. Returns the referral ids.
 */
export async function makeChanges(
  fixture: RoomPolicyFixture,
  dataSource: DataSource,
  woman: WomanView,
  holders: { com: RoomOracleUser; pom: RoomOracleUser | null; crs: RoomOracleUser },
  options: { overdue: boolean },
): Promise<{ draftReferralId: string; sentReferralId: string }> {
  const admin = fixture.users.ADMIN.api;
  await recordNeeds(admin, woman.id, [...PATHWAYS]);
  // Tasks the catalogue did not plan for an owner: made directly, so every owner has both kinds of task.
  for (const owner of TASK_OWNERS) {
    for (const pathway of [Pathway.ACCOMMODATION, Pathway.HEALTH]) {
      const sensitive = SENSITIVE_PATHWAYS.includes(pathway);
      const has: { n: number }[] = await dataSource.query(
        `SELECT count(*)::int AS n FROM tasks WHERE woman_id = $1 AND owner_role = $2 AND (pathway = ANY($3)) = $4`,
        [woman.id, owner, SENSITIVE_PATHWAYS, sensitive],
      );
      if (has[0].n > 0) continue;
      await dataSource.query(
        `INSERT INTO tasks (woman_id, pathway, template_key, title, description, owner_role, status)
         VALUES ($1, $2, $3, $4, 'Oracle fixture task', $5, 'TODO')`,
        [woman.id, pathway, `E2E_ORACLE_${uniqueSuffix()}`, `Oracle ${owner} ${pathway}`, owner],
      );
    }
  }
  const tasks: TaskRow[] = await dataSource.query(
    `SELECT DISTINCT ON (owner_role, pathway = ANY($2)) id, pathway, owner_role, version
       FROM tasks WHERE woman_id = $1 AND status = 'TODO' ORDER BY owner_role, pathway = ANY($2), created_at`,
    [woman.id, SENSITIVE_PATHWAYS],
  );
  // One task of each owner and sensitivity is worked and noted (every one of them would swell the replay).
  for (const task of tasks) {
    const moved = ok(
      await admin.patch<{ version: number }>(`/tasks/${task.id}/status`, {
        status: 'IN_PROGRESS',
        version: task.version,
      }),
      'status change',
    );
    task.version = moved.version;
    ok(await admin.post(`/tasks/${task.id}/notes`, { body: `${fixture.secrets.note} about ${task.pathway}` }), 'note');
  }
  const claimable = (owner: Role) =>
    tasks.find((t) => t.owner_role === owner && !SENSITIVE_PATHWAYS.includes(t.pathway));
  const pomTask = claimable(Role.POM);
  if (holders.pom && pomTask) ok(await holders.pom.api.post(`/tasks/${pomTask.id}/claim`, {}), 'POM claim');
  const crsTask = claimable(Role.CRS_CASEWORKER);
  if (crsTask) ok(await holders.crs.api.post(`/tasks/${crsTask.id}/claim`, {}), 'CRS claim');

  const referral = (pathways: Pathway[]) =>
    holders.com.api.post<{ id: string }>(`/women/${woman.id}/referrals`, {
      pathways: pathways.map((pathway) => ({ pathway, complexity: 'MEDIUM', desiredOutcomes: ['Oracle outcome'] })),
      riskInformation: { roshLevel: 'HIGH', riskSummary: fixture.secrets.risk },
    });
  const draft = ok(await referral([Pathway.DOMESTIC_ABUSE, Pathway.ACCOMMODATION]), 'draft referral');
  const toSend = ok(await referral([Pathway.SEX_WORK, Pathway.EDUCATION_SKILLS_AND_WORK]), 'referral');
  ok(await holders.com.api.post(`/referrals/${toSend.id}/send`, {}), 'send');
  ok(await holders.crs.api.post(`/referrals/${toSend.id}/claim`, {}), 'referral claim');
  // Delivery: a session booked under the approved plan, held, and its feedback raising a concern (risk text).
  const assessmentAt = `${daysFromToday(1)}T10:00:00Z`;
  ok(await holders.crs.api.post(`/referrals/${toSend.id}/book-assessment`, { assessmentAt }), 'assessment');
  ok(await holders.crs.api.post(`/referrals/${toSend.id}/action-plan`, { actionPlan: 'Oracle plan' }), 'plan');
  ok(await holders.com.api.post(`/referrals/${toSend.id}/approve-action-plan`, {}), 'approval');
  const session = ok(
    await holders.crs.api.post<{ id: string; version: number }>(`/referrals/${toSend.id}/sessions`, {
      startsAt: `${daysFromToday(2)}T10:00:00Z`,
      durationMinutes: 60,
      method: 'PHONE_CALL',
    }),
    'session',
  );
  await dataSource.query(`UPDATE delivery_sessions SET starts_at = now() - interval '1 hour' WHERE id = $1`, [
    session.id,
  ]);
  ok(
    await holders.crs.api.post(`/sessions/${session.id}/attendance`, {
      version: session.version,
      attendance: 'YES',
      sessionSummary: 'Oracle session',
      concernRaised: true,
      concernDetails: fixture.secrets.risk,
    }),
    'attendance',
  );

  if (options.overdue) {
    ok(await admin.patch(`/women/${woman.id}`, { conditionalReleaseDate: daysFromToday(-7) }), 'release date');
  }
  return { draftReferralId: draft.id, sentReferralId: toSend.id };
}

/** Whether every open task of these women that is past due has its overdue alert (the worker raises them). */
export async function overdueAlertsRaised(dataSource: DataSource, womanIds: string[]): Promise<boolean> {
  const rows: { missing: number; raised: number }[] = await dataSource.query(
    `SELECT
       (SELECT count(*)::int FROM tasks t WHERE t.woman_id = ANY($1) AND t.status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')
           AND t.due_at < now()
           AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.task_id = t.id AND a.kind = 'OVERDUE')) AS missing,
       (SELECT count(*)::int FROM alerts a WHERE a.woman_id = ANY($1) AND a.kind = 'OVERDUE') AS raised`,
    [womanIds],
  );
  return rows[0].missing === 0 && rows[0].raised > 0;
}

/**
 * Whether every threshold of her open tasks that applies now (libs/domain alerts.ts: at risk inside its window,
 * overdue, each escalation passed) has its alert for the task's deadline revision: once it holds, the worker has
 * nothing more to raise for her until a threshold still to come.
 */
export async function everyPassedThresholdRaised(dataSource: DataSource, womanId: string): Promise<boolean> {
  const [row]: { missing: number }[] = await dataSource.query(
    `SELECT count(*)::int AS missing
       FROM tasks t
       CROSS JOIN LATERAL (
         SELECT 'AT_RISK' AS kind, 0 AS level
          WHERE t.at_risk_at < t.due_at AND t.at_risk_at <= now() AND now() < t.due_at
         UNION ALL SELECT 'OVERDUE', 0 WHERE t.due_at <= now()
         UNION ALL SELECT 'ESCALATED', e.level::int
           FROM unnest(t.escalation_ats) WITH ORDINALITY AS e(at, level) WHERE e.at <= now()) threshold
      WHERE t.woman_id = $1 AND t.status IN ('TODO', 'IN_PROGRESS', 'BLOCKED') AND t.due_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.task_id = t.id AND a.kind = threshold.kind
                           AND a.level = threshold.level AND a.deadline_revision = t.deadline_revision)`,
    [womanId],
  );
  return row.missing === 0;
}

/** Sends the overdue tasks of these owners up the escalation ladder a moment from now, as a new deadline revision. */
export async function escalateSoon(dataSource: DataSource, womanId: string, owners: Role[]): Promise<string[]> {
  const [rows]: [{ id: string }[], number] = await dataSource.query(
    `UPDATE tasks SET at_risk_at = now() - interval '1 minute', due_at = now() - interval '1 minute',
            escalation_ats = ARRAY[now() + interval '2 seconds']::timestamptz[], deadline_revision = deadline_revision + 1
      WHERE woman_id = $1 AND owner_role = ANY($2) AND status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')
      RETURNING id`,
    [womanId, owners],
  );
  return rows.map((r) => r.id);
}

export async function escalationsRaised(dataSource: DataSource, taskIds: string[]): Promise<boolean> {
  const rows: { n: number }[] = await dataSource.query(
    `SELECT count(DISTINCT task_id)::int AS n FROM alerts WHERE task_id = ANY($1) AND kind = 'ESCALATED'`,
    [taskIds],
  );
  return rows[0].n === taskIds.length;
}
