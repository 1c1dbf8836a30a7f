import { DayOfReleaseRule } from './day-of-release';
import {
  AppointmentKind,
  checkReleaseDayPlan,
  ChecklistState,
  closedDaysAfter,
  releaseBeforeClosedDaysWarning,
  ReleaseDayChecklist,
  ReleaseDayWarningCode,
  travelTimeLookup,
} from './release-day';

const arranged: ReleaseDayChecklist = {
  mobilePhone: ChecklistState.ARRANGED,
  gatePickUp: ChecklistState.NOT_NEEDED,
  travel: ChecklistState.ARRANGED,
  medicationSupply: ChecklistState.ARRANGED,
  safeSpace: ChecklistState.ARRANGED,
};
// Wednesday 2026-06-17 (BST: 10:00 local is 09:00Z).
const at = (hhmm: string): Date => new Date(`2026-06-17T${hhmm}:00+01:00`);
const travel = travelTimeLookup([
  { fromTown: 'Wilmslow', toTown: 'Manchester', minutes: 45 },
  { fromTown: 'Manchester', toTown: 'Salford', minutes: 30 },
]);

function check(appointments: Parameters<typeof checkReleaseDayPlan>[0]['appointments'], releaseDate = '2026-06-17') {
  return checkReleaseDayPlan({
    releaseDate,
    prisonTown: 'Wilmslow',
    appointments,
    checklist: arranged,
    travelMinutes: travel,
  });
}

describe('release-day feasibility', () => {
  it('finds nothing wrong with a day that works', () => {
    expect(
      check([
        {
          kind: AppointmentKind.PROBATION,
          startsAt: at('10:30'),
          durationMinutes: 60,
          place: 'Probation office',
          town: 'Manchester',
        },
        {
          kind: AppointmentKind.JOBCENTRE,
          startsAt: at('12:30'),
          durationMinutes: 45,
          place: 'Jobcentre',
          town: 'Salford',
        },
      ]),
    ).toEqual([]);
  });

  it('warns when there is not time to travel between towns', () => {
    const warnings = check([
      {
        kind: AppointmentKind.PROBATION,
        startsAt: at('10:30'),
        durationMinutes: 60,
        place: 'Probation',
        town: 'Manchester',
      },
      {
        kind: AppointmentKind.JOBCENTRE,
        startsAt: at('11:40'),
        durationMinutes: 30,
        place: 'Jobcentre',
        town: 'salford ',
      },
    ]);
    expect(warnings.map((w) => w.code)).toEqual([ReleaseDayWarningCode.NOT_ENOUGH_TRAVEL_TIME]);
    expect(warnings[0]?.message).toMatch(/takes about 30 minutes, but she has 10/);
  });

  it('counts the journey from the prison gate to the first appointment', () => {
    const warnings = check([
      {
        kind: AppointmentKind.PROBATION,
        startsAt: at('09:30'),
        durationMinutes: 60,
        place: 'Probation',
        town: 'Manchester',
      },
    ]);
    expect(warnings.map((w) => w.code)).toEqual([ReleaseDayWarningCode.NOT_ENOUGH_TRAVEL_TIME]);
  });

  it('warns about too many appointments and a town pair nobody has timed', () => {
    const kinds = [
      AppointmentKind.PROBATION,
      AppointmentKind.JOBCENTRE,
      AppointmentKind.GP_OR_PHARMACY,
      AppointmentKind.LOCAL_AUTHORITY_HOUSING,
    ];
    const warnings = check(
      kinds.map((kind, i) => ({
        kind,
        startsAt: at(`1${i + 1}:00`),
        durationMinutes: 30,
        place: 'x',
        town: i === 3 ? 'Leeds' : 'Wilmslow',
      })),
    );
    expect(warnings.map((w) => w.code)).toEqual([
      ReleaseDayWarningCode.TOO_MANY_APPOINTMENTS,
      ReleaseDayWarningCode.TRAVEL_TIME_UNKNOWN,
    ]);
  });

  it('flags overlapping appointments and ones not on her release day', () => {
    const warnings = check([
      { kind: AppointmentKind.PROBATION, startsAt: at('10:00'), durationMinutes: 60, place: 'a', town: 'Wilmslow' },
      {
        kind: AppointmentKind.GP_OR_PHARMACY,
        startsAt: at('10:30'),
        durationMinutes: 30,
        place: 'b',
        town: 'Wilmslow',
      },
      {
        kind: AppointmentKind.JOBCENTRE,
        startsAt: new Date('2026-06-18T10:00:00+01:00'),
        durationMinutes: 30,
        place: 'c',
        town: 'Wilmslow',
      },
    ]);
    expect(warnings.map((w) => w.code)).toEqual([
      ReleaseDayWarningCode.NOT_ON_RELEASE_DAY,
      ReleaseDayWarningCode.OVERLAPPING_APPOINTMENTS,
    ]);
  });

  it('flags a Friday release and a release before a bank holiday for medication and accommodation cover', () => {
    expect(closedDaysAfter('2026-06-19')).toEqual(['2026-06-20', '2026-06-21']);
    expect(closedDaysAfter('2026-08-28')).toEqual(['2026-08-29', '2026-08-30', '2026-08-31']);
    expect(closedDaysAfter('2026-06-17')).toEqual([]);
    const warnings = check([], '2026-06-19');
    expect(warnings.map((w) => w.code)).toEqual([ReleaseDayWarningCode.RELEASE_BEFORE_CLOSED_DAYS]);
    expect(warnings[0]?.message).toMatch(/still walks out on a Friday/);
  });

  // CJA 1961 s.23(3B) and the HMPPS policy framework (Nov 2023): only a woman the rule left out still goes on a Friday.
  it('says why she still walks out on a Friday when the Friday release rule left her out (Fri 19 Jun 2026, HDC)', () => {
    const warning = releaseBeforeClosedDaysWarning('2026-06-19', DayOfReleaseRule.EXCLUDED_HDC);
    expect(warning?.message).toContain('Friday release rule not applied: home detention curfew');
    expect(warning?.message).toContain('2026-06-20, 2026-06-21'); // Sat, Sun
    expect(releaseBeforeClosedDaysWarning('2026-06-18', DayOfReleaseRule.FRIDAY_OR_PRE_BANK_HOLIDAY)).toBeNull(); // Thu
  });

  it('lists checklist items still needed', () => {
    const warnings = checkReleaseDayPlan({
      releaseDate: '2026-06-17',
      prisonTown: 'Wilmslow',
      appointments: [],
      checklist: { ...arranged, gatePickUp: ChecklistState.NEEDED },
      travelMinutes: travel,
    });
    expect(warnings).toEqual([
      {
        code: ReleaseDayWarningCode.CHECKLIST_NOT_ARRANGED,
        message: 'Someone to meet her at the gate is needed and not yet arranged.',
        values: { item: 'gatePickUp' },
      },
    ]);
  });
});
