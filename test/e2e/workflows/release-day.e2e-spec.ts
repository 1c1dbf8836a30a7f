/**
 * Release-day plans end to end (recommendation 9): appointments and the checklist, the feasibility warnings
 * (too many appointments, not enough time to travel between towns), a Friday release flagged for cover, the
 * admin's travel-time table, and who may change a plan.
 */
import { DateTime } from 'luxon';
import { Role, ReleaseDayWarningCode } from '@app/domain';
import type { ReleaseDayPlanView, WomanDetailView } from '@app/contracts';
import { ApiResponse, ErrorBody } from '../../setup/api-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  createProvider,
  createSignedInUser,
  createWoman,
  daysFromToday,
  nextWeekday,
} from '../../factories';

describe('release-day plans', () => {
  let api: TestApi;
  let prt: SignedInUser;
  let admin: SignedInUser;
  let caseworker: SignedInUser;
  let savedTravelTimes: unknown[];

  beforeAll(async () => {
    api = await startTestApi();
    prt = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] });
    admin = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.ADMIN });
    const provider = await createProvider(api.dataSource);
    caseworker = await createSignedInUser(api.dataSource, api.baseUrl, {
      role: Role.CRS_CASEWORKER,
      providerId: provider.id,
    });
    savedTravelTimes = ok(await admin.api.get<unknown[]>('/travel-times'));
    ok(
      await admin.api.put('/travel-times', {
        rows: [
          { fromTown: 'Wilmslow', toTown: 'Manchester', minutes: 45 },
          { fromTown: 'Manchester', toTown: 'Salford', minutes: 30 },
        ],
      }),
    );
  });

  afterAll(async () => {
    await admin?.api.put('/travel-times', { rows: savedTravelTimes });
    await api?.close();
  });

  function ok<T>(response: ApiResponse<T | ErrorBody>, status = 200): T {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body as T;
  }

  /** A woman at Styal (Wilmslow) released on a Wednesday about two months from now. */
  async function wednesdayRelease(): Promise<{ id: string; releaseDate: string }> {
    const woman = await createWoman(api.baseUrl, prt.token, {
      confirmedReleaseDate: nextWeekday(daysFromToday(60), 3),
    });
    return { id: woman.id, releaseDate: woman.releaseDate as string };
  }

  function at(date: string, time: string): string {
    return DateTime.fromISO(`${date}T${time}`, { zone: 'Europe/London' }).toISO() as string;
  }

  function addAppointment(womanId: string, body: Record<string, unknown>) {
    return prt.api.post<ReleaseDayPlanView>(`/women/${womanId}/release-day/appointments`, {
      durationMinutes: 60,
      place: 'Office',
      ...body,
    });
  }

  it('finds a day that works, then warns when there is not time to get from one town to the next', async () => {
    const woman = await wednesdayRelease();
    let plan = ok(await prt.api.get<ReleaseDayPlanView>(`/women/${woman.id}/release-day`));
    expect(plan).toMatchObject({ prisonTown: 'Wilmslow', releaseDate: woman.releaseDate, version: null });

    ok(
      await prt.api.put(`/women/${woman.id}/release-day`, {
        checklist: {
          mobilePhone: 'ARRANGED',
          gatePickUp: 'NOT_NEEDED',
          travel: 'ARRANGED',
          medicationSupply: 'ARRANGED',
          safeSpace: 'ARRANGED',
        },
      }),
    );
    ok(
      await addAppointment(woman.id, {
        kind: 'PROBATION',
        startsAt: at(woman.releaseDate, '10:30'),
        town: 'Manchester',
      }),
      201,
    );
    plan = ok(
      await addAppointment(woman.id, { kind: 'JOBCENTRE', startsAt: at(woman.releaseDate, '12:00'), town: 'Salford' }),
      201,
    );
    expect(plan.warnings).toEqual([]);

    plan = ok(
      await addAppointment(woman.id, {
        kind: 'LOCAL_AUTHORITY_HOUSING',
        startsAt: at(woman.releaseDate, '13:15'),
        town: 'Manchester',
      }),
      201,
    );
    expect(plan.warnings.map((w) => w.code)).toEqual(['NOT_ENOUGH_TRAVEL_TIME']);
    expect(plan.warnings[0].message).toContain('Salford to Manchester takes about 30 minutes, but she has 15');

    plan = ok(
      await addAppointment(woman.id, {
        kind: 'GP_OR_PHARMACY',
        startsAt: at(woman.releaseDate, '16:00'),
        town: 'Leeds',
      }),
      201,
    );
    expect(plan.warnings.map((w) => w.code)).toEqual([
      'TOO_MANY_APPOINTMENTS',
      'NOT_ENOUGH_TRAVEL_TIME',
      'TRAVEL_TIME_UNKNOWN',
    ]);

    // Taking the housing appointment out fixes the travel problem and the count.
    const housing = plan.appointments.find((a) => a.kind === 'LOCAL_AUTHORITY_HOUSING');
    plan = ok(await prt.api.delete<ReleaseDayPlanView>(`/women/${woman.id}/release-day/appointments/${housing?.id}`));
    expect(plan.warnings.map((w) => w.code)).toEqual(['TRAVEL_TIME_UNKNOWN']);

    const trail = ok(await prt.api.get<WomanDetailView>(`/women/${woman.id}`)).auditTrail.filter(
      (e) => e.entityType === 'RELEASE_DAY_PLAN',
    );
    expect(trail.map((e) => e.action)).toEqual([
      'CREATED',
      'APPOINTMENT_ADDED',
      'APPOINTMENT_ADDED',
      'APPOINTMENT_ADDED',
      'APPOINTMENT_ADDED',
      'APPOINTMENT_REMOVED',
    ]);
  });

  // CJA 1961 s.23(3B): the Friday release rule leaves an indeterminate sentence on the Friday (HMPPS policy framework).
  it('flags a Friday walk-out the Friday release rule left alone for medication and accommodation cover, and lists what is still needed', async () => {
    const friday = nextWeekday(daysFromToday(70), 5);
    const woman = await createWoman(api.baseUrl, prt.token, {
      confirmedReleaseDate: friday,
      indeterminateSentence: true,
    });
    const plan = ok(await prt.api.get<ReleaseDayPlanView>(`/women/${woman.id}/release-day`));
    // (On Good Friday she would leave the Thursday before, which is followed by closed days too.)
    expect(plan.warnings[0]).toMatchObject({ code: 'RELEASE_BEFORE_CLOSED_DAYS' });
    expect(plan.warnings[0].message).toContain('medication supply and her accommodation');
    expect(plan.warnings[0].message).toContain('indeterminate sentence');
    expect(woman.warnings.map((w) => w.code)).toContain('RELEASE_BEFORE_CLOSED_DAYS');
    // Nothing on the checklist has been decided yet, so all five are still needed.
    expect(plan.warnings.filter((w) => w.code === ReleaseDayWarningCode.CHECKLIST_NOT_ARRANGED)).toHaveLength(5);
  });

  it('refuses bad input naming the field, and lets only the people who plan release change a plan', async () => {
    const woman = await wednesdayRelease();
    const bad = await addAppointment(woman.id, { kind: 'PARTY', startsAt: 'tomorrow', town: 'Manchester' });
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as { fields: { field: string }[] }).fields.map((f) => f.field).sort()).toEqual([
      'kind',
      'startsAt',
    ]);
    const rows: { n: string }[] = await api.dataSource.query(
      'SELECT count(*) AS n FROM release_day_appointments WHERE woman_id = $1',
      [woman.id],
    );
    expect(Number(rows[0].n)).toBe(0);

    expect((await caseworker.api.put(`/women/${woman.id}/release-day`, { notes: 'x' })).status).toBe(403);
    expect((await prt.api.put('/travel-times', { rows: [] })).status).toBe(403);
    const duplicatePair = await admin.api.put<ErrorBody>('/travel-times', {
      rows: [
        { fromTown: 'York', toTown: 'Leeds', minutes: 30 },
        { fromTown: 'leeds', toTown: 'York', minutes: 35 },
      ],
    });
    expect(duplicatePair.status).toBe(400);
  });

  it('refuses a stale plan edit with 409', async () => {
    const woman = await wednesdayRelease();
    const first = ok(
      await prt.api.put<ReleaseDayPlanView>(`/women/${woman.id}/release-day`, { notes: 'Sister meets her' }),
    );
    ok(await prt.api.put(`/women/${woman.id}/release-day`, { notes: 'Taxi booked', version: first.version }));
    expect(
      (await prt.api.put(`/women/${woman.id}/release-day`, { notes: 'Late', version: first.version })).status,
    ).toBe(409);
  });
});
