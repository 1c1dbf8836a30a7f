/**
 * Governor reports end to end, against real PostgreSQL: a small fixture in prisons of the suite's own, and
 * every figure below written out by hand from it. Also: CSV matches the table on screen, scope (governor,
 * regional manager, CRS provider, casework roles), special category pathways, bad input, and the audit trail.
 */
import { parse } from 'csv-parse/sync';
import {
  addCalendarDays,
  addWorkingDays,
  endOfWorkingDay,
  isBankHoliday,
  lastWorkingDayOnOrBefore,
  recentWeekEnds,
  Role,
} from '@app/domain';
import { ApiResponse, ErrorBody } from '../../setup/api-client';
import { startApp } from '../../setup/app-process';
import { eventually } from '../../setup/board-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  createPrison,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  insertAlert,
  insertReferral,
  insertRelease,
  insertTask,
  insertWoman,
  SignedInUser,
  testRegionCode,
  today,
} from '../../factories';

type Row = Record<string, string | number | null>;
interface Report {
  report: string;
  scope: { label: string; prisonCodes: string[] | null };
  notes: string[];
  tables: { key: string; columns: { key: string; label: string }[]; rows: Row[] }[];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A Monday at least four weeks back whose week has no bank holiday: calendar and working days then agree. */
function quietMonday(): string {
  let day = addCalendarDays(today(), -28);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 1) day = addCalendarDays(day, -1);
  while ([0, 1, 2, 3, 4].some((i) => isBankHoliday(addCalendarDays(day, i)))) day = addCalendarDays(day, -7);
  return day;
}

/** 10:00 London on a date in a quiet week of autumn-to-spring or summer alike: noon UTC is always that day. */
function middayOf(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

describe('governor reports', () => {
  let api: TestApi;
  let admin: SignedInUser;
  let governor: SignedInUser;
  let regional: SignedInUser;
  let caseworker: SignedInUser;
  let prt: SignedInUser;
  let p1: string;
  let p2: string;
  let region: string;
  let providerX: string;
  let providerY: string;
  let womanReleasingSoon: string;
  const lastWorkingDay = lastWorkingDayOnOrBefore(today());
  const lateBy = (workingDays: number) => addWorkingDays(lastWorkingDay, -workingDays);

  beforeAll(async () => {
    api = await startTestApi();
    const ds = api.dataSource;
    region = testRegionCode();
    p1 = await createPrison(ds, region);
    p2 = await createPrison(ds, region);
    providerX = (await createProvider(ds)).id;
    providerY = (await createProvider(ds)).id;
    const area = await createReleaseArea(ds, providerX);
    const areaY = await createReleaseArea(ds, providerY);

    admin = await createSignedInUser(ds, api.baseUrl, { role: Role.ADMIN });
    governor = await createSignedInUser(ds, api.baseUrl, { role: Role.GOVERNOR, prisonCodes: [p1] });
    regional = await createSignedInUser(ds, api.baseUrl, { role: Role.REGIONAL_MANAGER, prisonCodes: [p1, p2] });
    caseworker = await createSignedInUser(ds, api.baseUrl, { role: Role.CRS_CASEWORKER, providerId: providerX });
    prt = await createSignedInUser(ds, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: [p1] });

    // Overdue work and release readiness, prison p1.
    womanReleasingSoon = await insertWoman(ds, {
      prisonCode: p1,
      releaseAreaCode: area.code,
      releaseDate: addCalendarDays(today(), 7),
      lastName: 'Soon',
    });
    const later = await insertWoman(ds, {
      prisonCode: p1,
      releaseAreaCode: area.code,
      releaseDate: addCalendarDays(today(), 30),
    });
    await insertWoman(ds, {
      prisonCode: p1,
      releaseAreaCode: area.code,
      releaseDate: addCalendarDays(today(), 10),
      lastName: 'Ready',
    });
    const w = womanReleasingSoon;
    const t1 = await insertTask(ds, {
      womanId: w,
      ownerRole: 'PRE_RELEASE_TEAM',
      pathway: 'ACCOMMODATION',
      dueDate: lateBy(1),
      releaseCritical: true,
      title: 'Confirm the release address',
    });
    await insertTask(ds, {
      womanId: w,
      ownerRole: 'POM',
      pathway: 'FINANCE_AND_ID',
      dueDate: lateBy(5),
      releaseCritical: true,
      title: 'Apply for ID',
    });
    await insertTask(ds, {
      womanId: w,
      ownerRole: 'COM',
      pathway: 'EDUCATION_SKILLS_AND_WORK',
      dueDate: lateBy(10),
      status: 'IN_PROGRESS',
    });
    await insertTask(ds, {
      womanId: w,
      ownerRole: 'CRS_CASEWORKER',
      pathway: 'ACCOMMODATION',
      dueDate: lateBy(20),
      claimedByProviderId: providerX,
    });
    const t5 = await insertTask(ds, {
      womanId: w,
      ownerRole: 'PRE_RELEASE_TEAM',
      pathway: 'HEALTH',
      dueDate: lateBy(3),
    });
    await insertTask(ds, {
      womanId: w,
      ownerRole: 'PRE_RELEASE_TEAM',
      pathway: 'ACCOMMODATION',
      dueDate: addWorkingDays(lastWorkingDay, 3),
      atRiskAt: new Date(Date.now() - HOUR),
    });
    await insertTask(ds, {
      womanId: w,
      ownerRole: 'POM',
      pathway: 'ACCOMMODATION',
      dueDate: lateBy(4),
      status: 'DONE',
      completedAt: new Date(),
      releaseCritical: true,
    });
    await insertTask(ds, {
      womanId: later,
      ownerRole: 'PRE_RELEASE_TEAM',
      pathway: 'ACCOMMODATION',
      dueDate: lateBy(2),
      releaseCritical: true,
    });
    // Another prison of the region: seen by the regional manager, never in p1's figures.
    const elsewhere = await insertWoman(ds, {
      prisonCode: p2,
      releaseAreaCode: area.code,
      releaseDate: addCalendarDays(today(), 5),
    });
    await insertTask(ds, {
      womanId: elsewhere,
      ownerRole: 'POM',
      pathway: 'ACCOMMODATION',
      dueDate: lateBy(1),
      releaseCritical: true,
    });

    // Alerts on p1's tasks.
    const threeDaysAgo = new Date(Date.now() - 3 * DAY);
    await insertAlert(ds, {
      taskId: t1,
      womanId: w,
      kind: 'AT_RISK',
      level: 0,
      createdAt: threeDaysAgo,
      acknowledgedAfterMinutes: 30,
    });
    await insertAlert(ds, {
      taskId: t1,
      womanId: w,
      kind: 'OVERDUE',
      level: 0,
      createdAt: new Date(Date.now() - 2 * DAY),
      acknowledgedAfterMinutes: 90,
    });
    await insertAlert(ds, {
      taskId: t1,
      womanId: w,
      kind: 'ESCALATED',
      level: 1,
      createdAt: new Date(Date.now() - DAY),
    });
    await insertAlert(ds, {
      taskId: t5,
      womanId: w,
      kind: 'OVERDUE',
      level: 0,
      createdAt: new Date(Date.now() - 2 * DAY),
    });

    // Referrals to provider X from p1, sent in a quiet week; one to provider Y.
    const monday = quietMonday();
    const at = (workingDays: number) => middayOf(addWorkingDays(monday, workingDays));
    const referral = (fields: Partial<Parameters<typeof insertReferral>[1]>) =>
      insertReferral(ds, {
        womanId: w,
        providerId: providerX,
        releaseAreaCode: area.code,
        referrerRole: 'COM',
        needIdentifiedAt: middayOf(monday),
        status: 'SENT',
        log: [],
        ...fields,
      });
    const sent1 = at(1);
    const r1 = await referral({
      status: 'ENDED',
      log: [
        { to: 'SENT', at: sent1 },
        { to: 'ASSIGNED', at: new Date(sent1.getTime() + 24 * HOUR) },
        { to: 'ASSESSMENT_BOOKED', at: new Date(sent1.getTime() + 48 * HOUR) },
        { to: 'ACTION_PLAN_SUBMITTED', at: new Date(sent1.getTime() + 144 * HOUR) },
        { to: 'ACTION_PLAN_APPROVED', at: new Date(sent1.getTime() + 168 * HOUR) },
        { to: 'IN_DELIVERY', at: new Date(sent1.getTime() + 170 * HOUR) },
        { to: 'ENDED', at: new Date(sent1.getTime() + 400 * HOUR) },
      ],
      outcomes: ['ACHIEVED', 'NOT_ACHIEVED'],
    });
    const stage = (subjectId: string, key: string, due: Date, completedAt: Date | null) =>
      insertTask(ds, {
        womanId: w,
        ownerRole: key === 'REFERRAL_APPROVAL' ? 'COM' : 'CRS_CASEWORKER',
        pathway: 'ACCOMMODATION',
        templateKey: key,
        subjectId,
        dueDate: due.toISOString().slice(0, 10),
        status: completedAt ? 'DONE' : 'TODO',
        completedAt,
        createdAt: new Date(due.getTime() - 5 * DAY),
      });
    // Stage deadlines fall at 17:00 London on their date: met, met, missed.
    await stage(
      r1,
      'REFERRAL_FIRST_CONTACT',
      new Date(sent1.getTime() + 96 * HOUR),
      new Date(sent1.getTime() + 48 * HOUR),
    );
    await stage(
      r1,
      'REFERRAL_ACTION_PLAN',
      new Date(sent1.getTime() + 240 * HOUR),
      new Date(sent1.getTime() + 144 * HOUR),
    );
    await stage(
      r1,
      'REFERRAL_APPROVAL',
      new Date(sent1.getTime() + 144 * HOUR),
      new Date(sent1.getTime() + 168 * HOUR),
    );
    const sent2 = at(5);
    const r2 = await referral({
      status: 'ASSESSMENT_BOOKED',
      log: [
        { to: 'SENT', at: sent2 },
        { to: 'RETURNED', at: new Date(sent2.getTime() + 2 * HOUR), reason: 'No risk information' },
        { to: 'SENT', at: new Date(sent2.getTime() + 26 * HOUR) },
        { to: 'ASSESSMENT_BOOKED', at: new Date(sent2.getTime() + 240 * HOUR) },
      ],
    });
    await stage(
      r2,
      'REFERRAL_FIRST_CONTACT',
      new Date(sent2.getTime() + 120 * HOUR),
      new Date(sent2.getTime() + 240 * HOUR),
    );
    await referral({
      referrerRole: 'PRE_RELEASE_TEAM',
      status: 'WITHDRAWN',
      log: [
        { to: 'SENT', at: at(2) },
        { to: 'WITHDRAWN', at: new Date(at(2).getTime() + 24 * HOUR), reason: 'She moved out of the area' },
      ],
    });
    const r4 = await referral({
      needIdentifiedAt: middayOf(addWorkingDays(monday, 2)),
      log: [{ to: 'SENT', at: at(4) }],
    });
    // Still open, 15 working days past its deadline: it is also overdue CRS work in p1.
    await stage(r4, 'REFERRAL_FIRST_CONTACT', endOfWorkingDay(lateBy(15)), null);
    await insertReferral(ds, {
      womanId: w,
      providerId: providerY,
      releaseAreaCode: areaY.code,
      referrerRole: 'COM',
      needIdentifiedAt: middayOf(monday),
      status: 'SENT',
      log: [{ to: 'SENT', at: at(1) }],
    });

    // Releases from p1 and where the women went.
    const released = async (
      daysAgo: number,
      outcomes: Parameters<typeof insertRelease>[2],
      recalledDaysAgo?: number,
    ) => {
      const releasedOn = addCalendarDays(today(), -daysAgo);
      const womanId = await insertWoman(ds, { prisonCode: p1, releaseAreaCode: area.code, releasedOn });
      const recalledOn = recalledDaysAgo === undefined ? undefined : addCalendarDays(today(), -recalledDaysAgo);
      await insertRelease(ds, { womanId, prisonCode: p1, releasedOn, recalledOn }, outcomes);
    };
    await released(100, [
      { checkpoint: 'NIGHT_OF_RELEASE', accommodationType: 'SETTLED' },
      { checkpoint: 'WEEK_12', accommodationType: 'SETTLED' },
    ]);
    await released(95, [{ checkpoint: 'NIGHT_OF_RELEASE', accommodationType: 'CAS3' }], 50);
    await released(90, [
      { checkpoint: 'NIGHT_OF_RELEASE', accommodationType: 'ROUGH_SLEEPING' },
      { checkpoint: 'WEEK_12', accommodationType: 'TEMPORARY' },
    ]);
    await released(88, []);
    await released(20, [{ checkpoint: 'NIGHT_OF_RELEASE', accommodationType: 'NIGHT_SHELTER' }]);
  });

  afterAll(async () => {
    await api?.close();
  });

  function ok<T>(response: ApiResponse<T | ErrorBody>, status = 200): T {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body as T;
  }

  function table(report: Report, key: string): Row[] {
    const found = report.tables.find((t) => t.key === key);
    if (!found) throw new Error(`no table ${key} in ${report.report}`);
    return found.rows;
  }

  const counts = (row: Row | undefined) =>
    row && [row.atRisk, row.overdue, row.overdue1to2, row.overdue3to7, row.overdue8to14, row.overdueOver14];

  describe('overdue work', () => {
    it('counts open overdue and at-risk tasks by team, provider, pathway and age in working days', async () => {
      const report = ok(await admin.api.get<Report>(`/reports/overdue-work?prison=${p1}`));
      expect(counts(table(report, 'total')[0])).toEqual([1, 7, 2, 2, 1, 2]);
      const byTeam = table(report, 'byTeam');
      const team = (role: string, key: string) => byTeam.find((r) => r.ownerRole === role && r.teamKey === key);
      expect(counts(team('Pre-release team', p1))).toEqual([1, 3, 2, 1, 0, 0]);
      expect(counts(team('Prison offender manager', p1))).toEqual([0, 1, 0, 1, 0, 0]);
      expect(byTeam).toHaveLength(4);
      const byProvider = table(report, 'byProvider');
      expect(byProvider.map((r) => [r.providerId, r.overdue, r.overdueOver14])).toEqual([[providerX, 2, 2]]);
      const byPathway = Object.fromEntries(table(report, 'byPathway').map((r) => [r.pathwayCode, r.overdue]));
      expect(byPathway).toEqual({ ACCOMMODATION: 4, FINANCE_AND_ID: 1, EDUCATION_SKILLS_AND_WORK: 1, HEALTH: 1 });
    });

    it('leaves special category pathways out of a governor’s figures, and says so', async () => {
      const report = ok(await governor.api.get<Report>('/reports/overdue-work'));
      expect(report.scope.prisonCodes).toEqual([p1]);
      expect(counts(table(report, 'total')[0])).toEqual([1, 6, 2, 1, 1, 2]);
      expect(table(report, 'byPathway').map((r) => r.pathwayCode)).not.toContain('HEALTH');
      expect(report.notes.join(' ')).toContain('Special category pathways');
    });

    it('drills down to the tasks behind a bucket', async () => {
      const report = ok(await admin.api.get<Report>(`/reports/overdue-work/tasks?prison=${p1}&bucket=overdue3to7`));
      const rows = table(report, 'tasks');
      expect(rows.map((r) => [r.pathway, r.workingDaysLate]).sort()).toEqual([
        ['Finance and ID', 5],
        ['Health', 3],
      ]);
      expect(rows.every((r) => r.prison === `Test prison ${p1}`)).toBe(true);
    });

    it('gives a regional manager her region, and the CSV of a table matches the table on screen', async () => {
      const report = ok(await regional.api.get<Report>(`/reports/overdue-work?region=${region}`));
      expect(report.scope.prisonCodes).toEqual([p1, p2].sort());
      const byPrison = table(report, 'byPrison');
      expect(byPrison.map((r) => [r.prisonCode, r.overdue]).sort()).toEqual(
        [
          [p1, 6],
          [p2, 1],
        ].sort(),
      );
      const csv = await regional.api.get<string>(`/reports/overdue-work?region=${region}&format=csv&table=byPrison`);
      expect(csv.status).toBe(200);
      const parsed: string[][] = parse(csv.body);
      const columns = report.tables.find((t) => t.key === 'byPrison')!.columns;
      expect(parsed[0]).toEqual(columns.map((c) => c.label));
      expect(parsed.slice(1)).toEqual(
        byPrison.map((r) => columns.map((c) => (r[c.key] === null ? '' : String(r[c.key])))),
      );
    });
  });

  describe('release readiness', () => {
    it('lists the women releasing within 14 days with release-critical work open, and what is missing', async () => {
      const report = ok(await governor.api.get<Report>('/reports/release-readiness'));
      expect(table(report, 'summary')).toEqual([{ releasing: 2, notReady: 1, ready: 1, withoutCom: 0 }]);
      const [row, ...others] = table(report, 'women');
      expect(others).toHaveLength(0);
      expect(row).toMatchObject({ woman: 'Report Soon', daysToGo: 7, missingCount: 2, overdueCount: 2 });
      expect(row.missing).toContain('Confirm the release address');
      expect(row.missing).toContain('Apply for ID');
    });
  });

  describe('provider accountability and referral timeliness', () => {
    it('gives each provider its stage times against the deadlines, returns and withdrawals with reasons, outcomes', async () => {
      const report = ok(await admin.api.get<Report>(`/reports/provider-accountability?prison=${p1}`));
      const providers = table(report, 'providers');
      expect(providers).toHaveLength(2);
      const x = providers.find((r) => r.received === 4) as Row;
      expect(x).toMatchObject({
        firstContactReached: 2,
        firstContactMedianDays: 6,
        firstContactP90Days: 9.2,
        firstContactMet: 1,
        firstContactMissed: 1,
        firstContactOpenOverdue: 1,
        firstContactMetRate: 33.3,
        actionPlanReached: 1,
        actionPlanMedianDays: 4,
        actionPlanMet: 1,
        approvalReached: 1,
        approvalMedianDays: 1,
        approvalMissed: 1,
        returned: 1,
        withdrawn: 1,
        ended: 1,
        outcomesAchieved: 1,
        outcomesNotAchieved: 1,
        achievedRate: 50,
      });
      expect(
        table(report, 'reasons')
          .filter((r) => r.count === 1)
          .map((r) => [r.kind, r.reason]),
      ).toEqual(
        expect.arrayContaining([
          ['Returned', 'No risk information'],
          ['Withdrawn', 'She moved out of the area'],
        ]),
      );
    });

    it('shows a CRS provider its own figures only, and nothing else', async () => {
      const report = ok(await caseworker.api.get<Report>('/reports/provider-accountability'));
      const providers = table(report, 'providers');
      expect(providers).toHaveLength(1);
      expect(providers[0].received).toBe(4);
      expect((await caseworker.api.get('/reports/overdue-work')).status).toBe(403);
      expect((await caseworker.api.get(`/reports/provider-accountability?prison=${p1}`)).status).toBe(403);
    });

    it('times need identified to referral sent by who sent it, in working days', async () => {
      const report = ok(await admin.api.get<Report>(`/reports/referral-timeliness?prison=${p1}`));
      const byRole = Object.fromEntries(table(report, 'byReferrerRole').map((r) => [r.referrerRole, r]));
      // COM: 1, 5, 2 and 1 working days (1, 7, 2 and 1 calendar days); the pre-release team: 2.
      expect(byRole['Community offender manager']).toMatchObject({
        sent: 4,
        withinTwoWorkingDays: 3,
        medianDays: 1.5,
        p90Days: 5.5,
        withinRate: 75,
      });
      expect(byRole['Pre-release team']).toMatchObject({ sent: 1, medianDays: 2, withinTwoWorkingDays: 1 });
    });
  });

  describe('accommodation outcomes', () => {
    it('counts housed on the night and settled, transient, recalled and unknown at 12 weeks, with rates', async () => {
      const from = addCalendarDays(today(), -120);
      const report = ok(await governor.api.get<Report>(`/reports/accommodation-outcomes?from=${from}`));
      expect(table(report, 'total')[0]).toMatchObject({
        released: 5,
        nightHoused: 2,
        nightNotHoused: 2,
        nightUnknown: 1,
        nightHousedRate: 40,
        reachedWeek12: 4,
        week12Settled: 1,
        week12Transient: 1,
        week12Homeless: 0,
        week12Recalled: 1,
        week12Unknown: 1,
        week12SettledRate: 25,
      });
    });
  });

  describe('alerts', () => {
    it('counts alerts fired, how fast they were acknowledged, and escalations by level and target', async () => {
      const report = ok(await admin.api.get<Report>(`/reports/alerts?prison=${p1}`));
      const byKind = Object.fromEntries(table(report, 'total').map((r) => [`${r.kind}/${r.level}`, r]));
      expect(byKind['At risk/0']).toMatchObject({ fired: 1, acknowledged: 1, medianMinutesToAcknowledge: 30 });
      expect(byKind['Overdue/0']).toMatchObject({
        fired: 2,
        acknowledged: 1,
        acknowledgedRate: 50,
        medianMinutesToAcknowledge: 90,
      });
      expect(byKind['Escalated/1']).toMatchObject({ fired: 1, acknowledged: 0, escalatedTo: 'Team manager' });
      const governorView = ok(await governor.api.get<Report>('/reports/alerts'));
      const overdue = table(governorView, 'total').find((r) => r.kind === 'Overdue');
      expect(overdue?.fired).toBe(1);
    });
  });

  describe('trend', () => {
    it('shows the overdue count at the end of each of the last 12 weeks, taken by the worker', async () => {
      const ds = api.dataSource;
      const p3 = await createPrison(ds, null);
      const area = await createReleaseArea(ds, null);
      const woman = await insertWoman(ds, {
        prisonCode: p3,
        releaseAreaCode: area.code,
        releaseDate: addCalendarDays(today(), 60),
      });
      const weeks = recentWeekEnds(new Date());
      // Overdue at the ends of weeks 3 to 6, then done; another overdue from week 9 on and still open.
      const dueBefore = (week: number) => new Date(weeks[week].getTime() - 3 * DAY).toISOString().slice(0, 10);
      await insertTask(ds, {
        womanId: woman,
        ownerRole: 'POM',
        pathway: 'ACCOMMODATION',
        dueDate: dueBefore(2),
        createdAt: weeks[0],
        status: 'DONE',
        completedAt: new Date(weeks[5].getTime() + HOUR),
      });
      await insertTask(ds, {
        womanId: woman,
        ownerRole: 'POM',
        pathway: 'ACCOMMODATION',
        dueDate: dueBefore(8),
        createdAt: weeks[0],
      });
      // Figures taken earlier in this run knew nothing of p3: start again, as a new database would.
      await ds.query('DELETE FROM overdue_snapshots');
      const worker = await startApp('worker');
      try {
        let report: Report | null = null;
        // Generous: the worker takes its figures soon after it starts, sooner on an idle machine.
        const taken = await eventually(
          async () => {
            report = ok(await admin.api.get<Report>(`/reports/overdue-trend?prison=${p3}`));
            return !report.notes.some((n) => n.includes('no figures yet'));
          },
          90_000,
          500,
        );
        expect(taken).toBe(true);
        const rows = table(report as unknown as Report, 'byPrison');
        expect(rows.map((r) => r.overdue)).toEqual([0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1]);
        expect(rows.map((r) => r.live)).toEqual([...Array(12).fill('no'), 'yes']);
      } finally {
        await worker.stop();
      }
    });
  });

  describe('access, bad input and the audit trail', () => {
    it('refuses a governor another prison or a region she does not hold whole, and casework roles', async () => {
      expect((await governor.api.get(`/reports/overdue-work?prison=${p2}`)).status).toBe(403);
      expect((await governor.api.get(`/reports/overdue-work?region=${region}`)).status).toBe(403);
      expect((await prt.api.get('/reports/overdue-work')).status).toBe(403);
    });

    it('answers 400 naming the field for a bad period, format, table, prison or region', async () => {
      const field = async (path: string) => {
        const response = await admin.api.get<ErrorBody & { fields: { field: string }[] }>(path);
        expect(response.status).toBe(400);
        return response.body.fields.map((f) => f.field);
      };
      expect(await field('/reports/alerts?from=2026-02-30')).toEqual(['from']);
      expect(await field('/reports/alerts?from=2026-03-02&to=2026-03-01')).toEqual(['from']);
      expect(await field('/reports/alerts?format=xml')).toEqual(['format']);
      expect(await field('/reports/alerts?format=csv&table=nope')).toEqual(['table']);
      expect(await field('/reports/alerts?prison=QQQ')).toEqual(['prison']);
      expect(await field('/reports/alerts?region=NOWHERE')).toEqual(['region']);
    });

    it('records every report read and export in the audit trail', async () => {
      await governor.api.get('/reports/alerts');
      await governor.api.get('/reports/alerts?format=csv&table=byPrison');
      const rows: { action: string; entity_id: string; after: { table: string | null; prisonCodes: string[] } }[] =
        await api.dataSource.query(
          `SELECT action, entity_id, after FROM audit_events WHERE entity_type = 'REPORT' AND actor_id = $1 ORDER BY id`,
          [governor.id],
        );
      const alerts = rows.filter((r) => r.entity_id === 'ALERTS');
      expect(alerts.slice(-2).map((r) => [r.action, r.after.table, r.after.prisonCodes])).toEqual([
        ['VIEWED', null, [p1]],
        ['EXPORTED', 'byPrison', [p1]],
      ]);
    });
  });
});
