/** A woman's facts for the release plan's unit tests: every kind of need, helper, appointment and checklist item. */
import { AppointmentKind, ChecklistState, Pathway, PathwayStatus, Role, TaskStatus } from '@app/contracts';
import type { ReleasePlanFacts } from './release-plan';

export function releasePlanFacts(overrides: Partial<ReleasePlanFacts> = {}): ReleasePlanFacts {
  return {
    firstName: 'Dana',
    lastName: 'Whitfield',
    prisonNumber: 'A1234BC',
    releaseDate: '2026-12-17',
    prisonName: 'HMP Styal',
    releaseAreaName: 'Greater Manchester',
    country: 'ENGLAND',
    comName: 'Priya Comfort',
    pomName: 'Sam Pomeroy',
    keyworkerName: 'Kim Officer',
    probationPhone: '0161 496 0123',
    pathways: [
      { pathway: Pathway.ACCOMMODATION, status: PathwayStatus.IN_PROGRESS },
      { pathway: Pathway.FINANCE_AND_ID, status: PathwayStatus.SUPPORT_REQUIRED },
      { pathway: Pathway.DOMESTIC_ABUSE, status: PathwayStatus.IN_PROGRESS },
      { pathway: Pathway.HEALTH, status: PathwayStatus.SUPPORT_REQUIRED },
      { pathway: Pathway.EDUCATION_SKILLS_AND_WORK, status: PathwayStatus.SUPPORT_NOT_REQUIRED },
    ],
    tasks: [
      { pathway: Pathway.ACCOMMODATION, ownerRole: Role.COM, status: TaskStatus.DONE, dueDate: '2026-10-01' },
      {
        pathway: Pathway.ACCOMMODATION,
        ownerRole: Role.CRS_CASEWORKER,
        status: TaskStatus.TODO,
        dueDate: '2026-12-10',
      },
      {
        pathway: Pathway.ACCOMMODATION,
        ownerRole: Role.PRE_RELEASE_TEAM,
        status: TaskStatus.IN_PROGRESS,
        dueDate: '2026-12-03',
      },
      {
        pathway: Pathway.FINANCE_AND_ID,
        ownerRole: Role.PRE_RELEASE_TEAM,
        status: TaskStatus.TODO,
        dueDate: '2026-12-01',
      },
      { pathway: Pathway.FINANCE_AND_ID, ownerRole: Role.POM, status: TaskStatus.NOT_NEEDED, dueDate: null },
      { pathway: Pathway.DOMESTIC_ABUSE, ownerRole: Role.COM, status: TaskStatus.TODO, dueDate: '2026-12-05' },
      { pathway: Pathway.HEALTH, ownerRole: Role.PRE_RELEASE_TEAM, status: TaskStatus.TODO, dueDate: '2026-12-08' },
    ],
    referrals: [
      {
        pathways: [Pathway.ACCOMMODATION, Pathway.DOMESTIC_ABUSE],
        providerName: 'Northern Women’s Services',
        providerPhone: '0161 496 0456',
      },
      { pathways: [Pathway.DOMESTIC_ABUSE], providerName: 'Safe Haven Refuges', providerPhone: '0161 496 0789' },
    ],
    appointments: [
      {
        kind: AppointmentKind.PROBATION,
        startsAt: new Date('2026-12-17T13:30:00Z'),
        place: 'Manchester Probation Office, 1 Civic Way',
        town: 'Manchester',
      },
      {
        kind: AppointmentKind.GP_OR_PHARMACY,
        startsAt: new Date('2026-12-17T15:00:00Z'),
        place: 'Ardwick Health Centre',
        town: 'Manchester',
      },
      {
        kind: AppointmentKind.LOCAL_AUTHORITY_HOUSING,
        startsAt: new Date('2026-12-17T11:00:00Z'),
        place: 'Town Hall housing options',
        town: 'Manchester',
      },
    ],
    checklist: {
      mobilePhone: ChecklistState.ARRANGED,
      gatePickUp: ChecklistState.NEEDED,
      travel: ChecklistState.NOT_NEEDED,
      medicationSupply: ChecklistState.ARRANGED,
      safeSpace: ChecklistState.NEEDED,
    },
    today: '2026-11-30',
    ...overrides,
  };
}
