/**
 * What the commissioned rehabilitative services (CRS) providers are contracted to do, by pathway, before and
 * after release. Task catalogue validation and the provider accountability report read it, so a provider is
 * neither given nor held to account for work outside its contract.
 */
import { Pathway } from './pathways';
import { Role } from './roles';
import { DeadlineAnchor, DeadlineRule } from './task-template';

export enum CrsPhase {
  PRE_RELEASE = 'PRE_RELEASE',
  POST_RELEASE = 'POST_RELEASE',
}

export interface CrsScopeEntry {
  pathway: Pathway;
  phases: readonly CrsPhase[];
  /** The CRS service the pathway maps to, in the contracts' words. */
  service: string;
}

/** Where the scope comes from; the README quotes the same places. */
export const CRS_SCOPE_SOURCES: readonly string[] = [
  'HM Inspectorates of Probation and Prisons, "The quality of work undertaken with women" (May 2024), 2.5 Services, "Commissioned rehabilitative services": the pathway list, accommodation "community and before release", social inclusion "only available before and after release from prison"',
  'Same report, 3.4 Interventions and support: finance and debt "had not been included in the scope of the custodial element of the CRS contracts"; recommendation 4: include domestic abuse and sex work in the women\'s CRS pathways',
  'HMPPS, "Services that can be delivered via Commissioned Rehabilitative Services to individuals whilst in prison to support resettlement": accommodation and social inclusion (personal wellbeing) start pre-release',
  'gov.uk, "Judicial Brochure: Commissioned Rehabilitative Services": CRS are for people on a community or suspended sentence order with a rehabilitation activity requirement, or on licence or post-sentence supervision',
];

const BOTH = [CrsPhase.PRE_RELEASE, CrsPhase.POST_RELEASE] as const;
const COMMUNITY_ONLY = [CrsPhase.POST_RELEASE] as const;

/**
 * Domestic abuse, sex work and health are absent: not CRS pathways yet (the inspection's recommendation 4 asks
 * for the first two), so no provider is contracted for them before or after release.
 */
export const CRS_CONTRACTED_SCOPE: readonly CrsScopeEntry[] = [
  { pathway: Pathway.ACCOMMODATION, phases: BOTH, service: 'Accommodation' },
  {
    pathway: Pathway.ATTITUDES_THINKING_AND_BEHAVIOUR,
    phases: BOTH,
    service: 'Personal wellbeing (social inclusion before release)',
  },
  { pathway: Pathway.EDUCATION_SKILLS_AND_WORK, phases: COMMUNITY_ONLY, service: 'Education, training and employment' },
  { pathway: Pathway.FINANCE_AND_ID, phases: COMMUNITY_ONLY, service: 'Finance, benefit and debt' },
  { pathway: Pathway.DRUGS_AND_ALCOHOL, phases: COMMUNITY_ONLY, service: 'Dependency and recovery' },
  {
    pathway: Pathway.CHILDREN_FAMILIES_AND_COMMUNITY,
    phases: COMMUNITY_ONLY,
    service: 'Personal wellbeing (family and significant others)',
  },
];

export function isCrsContracted(pathway: Pathway, phase: CrsPhase): boolean {
  return CRS_CONTRACTED_SCOPE.some((entry) => entry.pathway === pathway && entry.phases.includes(phase));
}

/** The pathways contracted in a phase, for queries that filter on them. */
export function crsContractedPathways(phase: CrsPhase): Pathway[] {
  return CRS_CONTRACTED_SCOPE.filter((entry) => entry.phases.includes(phase)).map((entry) => entry.pathway);
}

/** A task falls due in custody unless it is dated on or after her release. */
export function crsPhaseOfDeadline(deadline: DeadlineRule): CrsPhase {
  return deadline.anchor === DeadlineAnchor.RELEASE && deadline.offset >= 0
    ? CrsPhase.POST_RELEASE
    : CrsPhase.PRE_RELEASE;
}

/**
 * Catalogue validation: a task the CRS caseworker owns must be work the provider is contracted for in the phase it
 * falls due; anything else belongs to the prison's teams (before release) or the COM (after). Null when it fits.
 */
export function crsScopeProblem(entry: { pathway: Pathway; ownerRole: Role; deadline: DeadlineRule }): string | null {
  if (entry.ownerRole !== Role.CRS_CASEWORKER) return null;
  const phase = crsPhaseOfDeadline(entry.deadline);
  if (isCrsContracted(entry.pathway, phase)) return null;
  const when = phase === CrsPhase.PRE_RELEASE ? 'before release' : 'after release';
  return `CRS providers are not contracted for ${entry.pathway} work ${when}: give the task to the prison's teams or the COM.`;
}
