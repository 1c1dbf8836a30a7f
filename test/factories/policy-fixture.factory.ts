/**
 * The policy oracle's fixture: one woman (A) with every pathway, every sensitive flag, notes, an assessment with
 * notes, a draft and a sent referral with risk information, a release-day plan with a health appointment and free
 * text, a banking barrier, an ID application and alerts; a second woman (B) in no test user's scope but the
 * admin's; and a user of every role, in scope and (for some) elsewhere. Every piece of text is distinctive, so the
 * oracle can look for it in any response. Built through the API (and, for alerts, the real worker).
 */
import type { DataSource } from 'typeorm';
import { PATHWAYS, Pathway, Role, SENSITIVE_FLAGS, SENSITIVE_PATHWAYS, londonDateOf } from '@app/domain';
import type { ReferralDetailView, TaskView, WomanView } from '@app/contracts';
import { ApiClient, ApiResponse } from '../setup/api-client';
import { createProvider, createReleaseArea, TestProvider, TestReleaseArea } from './reference.factory';
import { createSignedInUser, SignedInUser } from './users.factory';
import { createWoman } from './women.factory';
import { uniqueSuffix } from './unique';

export const ORACLE_USERS = [
  'PRE_RELEASE_TEAM',
  'POM',
  'COM',
  'CRS_CASEWORKER',
  'GOVERNOR',
  'REGIONAL_MANAGER',
  'ADMIN',
  'PRE_RELEASE_TEAM_ELSEWHERE',
  'GOVERNOR_ELSEWHERE',
  'COM_OTHER_CASELOAD',
  'CRS_OTHER_PROVIDER',
] as const;
export type OracleUser = (typeof ORACLE_USERS)[number];

export interface OracleUserAccount extends SignedInUser {
  prisonCodes: string[];
  providerId: string | null;
}

/** Distinctive words, one per thing the policy guards, each unlike anything else in the database. */
export interface PolicyFixtureTexts {
  womanAFirstName: string;
  womanALastName: string;
  womanBFirstName: string;
  womanBLastName: string;
  /** Task id -> the words of the note written on it. */
  taskNotes: Map<string, string>;
  assessmentNote: string;
  pathwayNote: string;
  sensitivePathwayNote: string;
  draftRiskSummary: string;
  sentRiskSummary: string;
  sentAdditionalInformation: string;
  releaseDayNotes: string;
  healthAppointmentPlace: string;
  healthAppointmentNotes: string;
  probationPlace: string;
  probationNotes: string;
  bankingBarrier: string;
  keyworkerName: string;
}

export interface PolicyFixture {
  prisonCode: string;
  users: Record<OracleUser, OracleUserAccount>;
  areas: { a: TestReleaseArea; b: TestReleaseArea };
  providers: { a: TestProvider; other: TestProvider; b: TestProvider };
  women: { a: WomanView; b: WomanView };
  /** Every task of hers, as the admin reads them (after notes and alerts). */
  tasksA: TaskView[];
  tasksB: TaskView[];
  referrals: { draft: ReferralDetailView; sent: ReferralDetailView };
  texts: PolicyFixtureTexts;
}

function ok<T>(response: ApiResponse<unknown>, what: string, status = 200): T {
  if (response.status !== status) {
    throw new Error(`${what} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body as T;
}

/** A word no other suite writes: a tag and a random suffix, letters only so no tokenizer splits it. */
function word(tag: string): string {
  return `${tag}${uniqueSuffix()}`;
}

async function allTasks(api: ApiClient, womanId: string): Promise<TaskView[]> {
  return ok<{ items: TaskView[] }>(await api.get(`/tasks?womanId=${womanId}&limit=500`), 'GET /tasks').items;
}

export async function buildPolicyFixture(dataSource: DataSource, baseUrl: string): Promise<PolicyFixture> {
  const prisonCode = 'STI';
  const [providerA, providerOther, providerB] = await Promise.all([
    createProvider(dataSource),
    createProvider(dataSource),
    createProvider(dataSource),
  ]);
  const [areaA, areaB] = await Promise.all([
    createReleaseArea(dataSource, providerA.id),
    createReleaseArea(dataSource, providerB.id),
  ]);
  const make = async (role: Role, prisonCodes: string[] = [], providerId: string | null = null) => ({
    ...(await createSignedInUser(dataSource, baseUrl, { role, prisonCodes, providerId })),
    prisonCodes,
    providerId,
  });
  const entries = await Promise.all([
    make(Role.PRE_RELEASE_TEAM, [prisonCode]),
    make(Role.POM, [prisonCode]),
    make(Role.COM),
    make(Role.CRS_CASEWORKER, [], providerA.id),
    make(Role.GOVERNOR, [prisonCode]),
    make(Role.REGIONAL_MANAGER, [prisonCode, 'AGI']),
    make(Role.ADMIN),
    make(Role.PRE_RELEASE_TEAM, ['BZI']),
    make(Role.GOVERNOR, ['BZI']),
    make(Role.COM),
    make(Role.CRS_CASEWORKER, [], providerOther.id),
  ]);
  const users = Object.fromEntries(ORACLE_USERS.map((name, i) => [name, entries[i]])) as Record<
    OracleUser,
    OracleUserAccount
  >;
  const { ADMIN: admin, PRE_RELEASE_TEAM: prt, COM: com } = users;

  const texts: PolicyFixtureTexts = {
    womanAFirstName: word('Oraclea'),
    womanALastName: word('Fixturewoman'),
    womanBFirstName: word('Oracleb'),
    womanBLastName: word('Elsewhere'),
    taskNotes: new Map(),
    assessmentNote: word('Assessnote'),
    pathwayNote: word('Pathnote'),
    sensitivePathwayNote: word('Healthpathnote'),
    draftRiskSummary: word('Draftrosh'),
    sentRiskSummary: word('Sentrosh'),
    sentAdditionalInformation: word('Sentextra'),
    releaseDayNotes: word('Methadonerefuge'),
    healthAppointmentPlace: word('Gpsurgery'),
    healthAppointmentNotes: word('Gpnote'),
    probationPlace: word('Probationoffice'),
    probationNotes: word('Probationnote'),
    bankingBarrier: word('Jointaccount'),
    keyworkerName: word('Keyworkerkim'),
  };

  const womanA = await createWoman(baseUrl, admin.token, {
    firstName: texts.womanAFirstName,
    lastName: texts.womanALastName,
    prisonCode,
    releaseAreaCode: areaA.code,
    comId: com.id,
    pomId: users.POM.id,
    sensitiveFlags: [...SENSITIVE_FLAGS],
  });
  const womanB = await createWoman(baseUrl, admin.token, {
    firstName: texts.womanBFirstName,
    lastName: texts.womanBLastName,
    prisonCode: 'DWI',
    releaseAreaCode: areaB.code,
    sensitiveFlags: [...SENSITIVE_FLAGS],
  });

  // Every pathway needs support: tasks for every owning role, in every pathway, special category ones included.
  const assessedAt = new Date(Date.now() - 60_000).toISOString();
  for (const [woman, api] of [
    [womanA, prt.api],
    [womanB, admin.api],
  ] as const) {
    ok(
      await api.post(`/women/${woman.id}/assessments`, {
        kind: 'IMMEDIATE_NEEDS',
        method: 'FACE_TO_FACE',
        assessedAt,
        outcomes: PATHWAYS.map((pathway) => ({
          pathway,
          status: 'SUPPORT_REQUIRED',
          ...(woman === womanA && pathway === Pathway.ACCOMMODATION ? { notes: texts.assessmentNote } : {}),
        })),
      }),
      'POST assessments',
      201,
    );
  }
  ok(
    await prt.api.put(`/women/${womanA.id}/pathways/EDUCATION_SKILLS_AND_WORK`, {
      status: 'IN_PROGRESS',
      notes: texts.pathwayNote,
    }),
    'PUT pathway',
  );
  ok(
    await prt.api.put(`/women/${womanA.id}/pathways/HEALTH`, {
      status: 'IN_PROGRESS',
      notes: texts.sensitivePathwayNote,
    }),
    'PUT sensitive pathway',
  );

  // A note on one task of each owning role, and on a special category task.
  const tasks = await allTasks(admin.api, womanA.id);
  const noted = [
    ...[Role.PRE_RELEASE_TEAM, Role.CRS_CASEWORKER, Role.COM, Role.POM].map((role) =>
      tasks.find((t) => t.ownerRole === role && !SENSITIVE_PATHWAYS.includes(t.pathway)),
    ),
    tasks.find((t) => t.pathway === Pathway.HEALTH),
    tasks.find((t) => t.pathway === Pathway.DOMESTIC_ABUSE),
  ];
  for (const task of noted) {
    if (!task) throw new Error('the catalogue planned no task for one of the roles the oracle needs');
    const text = word('Notetext');
    ok(await admin.api.post(`/tasks/${task.id}/notes`, { body: text }), 'POST note', 201);
    texts.taskNotes.set(task.id, text);
  }

  // A draft referral and a sent one (with a special category pathway), each with risk information.
  const referralBody = (pathways: string[], riskSummary: string, extra: Record<string, unknown> = {}) => ({
    pathways: pathways.map((pathway) => ({ pathway, complexity: 'HIGH', desiredOutcomes: ['A safe settled address'] })),
    riskInformation: { roshLevel: 'MEDIUM', riskSummary },
    ...extra,
  });
  const draft = ok<ReferralDetailView>(
    await com.api.post(
      `/women/${womanA.id}/referrals`,
      referralBody(['EDUCATION_SKILLS_AND_WORK'], texts.draftRiskSummary),
    ),
    'POST draft referral',
    201,
  );
  const toSend = ok<ReferralDetailView>(
    await com.api.post(
      `/women/${womanA.id}/referrals`,
      referralBody(['ACCOMMODATION', 'DOMESTIC_ABUSE'], texts.sentRiskSummary, {
        additionalInformation: texts.sentAdditionalInformation,
      }),
    ),
    'POST referral',
    201,
  );
  const sent = ok<ReferralDetailView>(
    await com.api.post(`/referrals/${toSend.id}/send`, { version: toSend.version }),
    'send referral',
  );

  // Her release-day plan: free text, a health appointment and a probation one, each with notes.
  const releaseDate = womanA.releaseDate as string;
  ok(
    await prt.api.put(`/women/${womanA.id}/release-day`, {
      notes: texts.releaseDayNotes,
      checklist: { medicationSupply: 'NEEDED', safeSpace: 'NEEDED', mobilePhone: 'ARRANGED' },
    }),
    'PUT release day',
  );
  const appointment = (kind: string, time: string, place: string, notes: string) => ({
    kind,
    startsAt: `${releaseDate}T${time}:00Z`,
    durationMinutes: 60,
    place,
    town: 'Wilmslow',
    notes,
  });
  ok(
    await prt.api.post(
      `/women/${womanA.id}/release-day/appointments`,
      appointment('GP_OR_PHARMACY', '11:00', texts.healthAppointmentPlace, texts.healthAppointmentNotes),
    ),
    'POST health appointment',
    201,
  );
  ok(
    await prt.api.post(
      `/women/${womanA.id}/release-day/appointments`,
      appointment('PROBATION', '14:00', texts.probationPlace, texts.probationNotes),
    ),
    'POST probation appointment',
    201,
  );

  // Finance and ID: a barrier to banking (its words end up in a task's reasons too) and an ID application.
  ok(await prt.api.put(`/women/${womanA.id}/bank-account/barrier`, { barrier: texts.bankingBarrier }), 'PUT barrier');
  ok(
    await prt.api.post(`/women/${womanA.id}/id-documents`, { documentType: 'BIRTH_CERTIFICATE' }),
    'POST id document',
    201,
  );

  // Keywork: a session with a keyworker named only there (her record names none).
  ok(
    await prt.api.post(`/women/${womanA.id}/keywork/sessions`, {
      sessionOn: londonDateOf(new Date()),
      keyworkerName: texts.keyworkerName,
    }),
    'POST keywork session',
    201,
  );

  return {
    prisonCode,
    users,
    areas: { a: areaA, b: areaB },
    providers: { a: providerA, other: providerOther, b: providerB },
    women: { a: womanA, b: womanB },
    tasksA: await allTasks(admin.api, womanA.id),
    tasksB: await allTasks(admin.api, womanB.id),
    referrals: { draft, sent },
    texts,
  };
}

/**
 * Brings the chosen tasks' deadlines a moment ahead, as a new deadline revision, so the real worker raises their
 * at-risk and overdue alerts (the deadline engine's own path, as test/e2e/live does).
 */
export async function bringDeadlinesForward(dataSource: DataSource, taskIds: string[]): Promise<void> {
  const now = Date.now();
  await dataSource.query(
    `UPDATE tasks SET at_risk_at = $2, due_at = $3, escalation_ats = '{}'::timestamptz[], deadline_revision = deadline_revision + 1
      WHERE id = ANY($1)`,
    [taskIds, new Date(now + 500), new Date(now + 1500)],
  );
}
