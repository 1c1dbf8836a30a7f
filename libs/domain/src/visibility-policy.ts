/**
 * Need-to-know, in one place: for each kind of data Resettle holds about a woman, which roles may see it
 * (always within their scope of women, see access-scope.ts). Every exit (REST views and their audit trails,
 * reports and CSV, socket rooms, published events and replays) asks this module; no exit keeps a role list of
 * its own. The README's visibility table is this table, and a unit test holds the two together.
 *
 * Sources: UK GDPR art. 9 and Data Protection Act 2018 s.10 and Sch. 1 (special category data: health, sex
 * life, and data revealing them) and the data minimisation principle (UK GDPR art. 5(1)(c)); the HMPPS
 * "Refer and monitor an intervention" service shows providers the referral and its risk information, never
 * the rest of the case (ministryofjustice/hmpps-interventions-service).
 */
import { Pathway } from './pathways';
import { Role, ROLES } from './roles';

/** Pathways whose very status reveals special category data (abuse, sex work, health). */
export const SENSITIVE_PATHWAYS: readonly Pathway[] = [Pathway.DOMESTIC_ABUSE, Pathway.SEX_WORK, Pathway.HEALTH];

export enum DataKind {
  /** Name, prison number, dates of birth and release, prison, release area, POM and COM. */
  WOMAN_RECORD = 'WOMAN_RECORD',
  /** Domestic abuse, sex work, mental health and the other flags on her record. */
  SENSITIVE_FLAGS = 'SENSITIVE_FLAGS',
  /** The domestic abuse, sex work and health pathways: statuses, tasks, alerts, referrals for them. */
  SENSITIVE_PATHWAYS = 'SENSITIVE_PATHWAYS',
  /** Tasks owned by another role than the reader's. */
  OTHER_ROLES_TASKS = 'OTHER_ROLES_TASKS',
  /** What was written in a task note (often what she said). */
  TASK_NOTES = 'TASK_NOTES',
  /** Needs assessments and their outcomes. */
  ASSESSMENTS = 'ASSESSMENTS',
  /** A referral before it is sent: the referrer's own business. */
  REFERRAL_DRAFTS = 'REFERRAL_DRAFTS',
  /** A referral's risk of serious harm level, risk summary, additional information and action plan. */
  RISK_INFORMATION = 'RISK_INFORMATION',
  /** The release-day plan's free text and her health appointments. */
  RELEASE_DAY_DETAIL = 'RELEASE_DAY_DETAIL',
  /** Bank account and ID document applications. */
  FINANCE_AND_ID = 'FINANCE_AND_ID',
  /** Receptions, transfers, releases and recalls. */
  MOVEMENTS = 'MOVEMENTS',
}

const { PRE_RELEASE_TEAM, POM, COM, CRS_CASEWORKER, GOVERNOR, REGIONAL_MANAGER, ADMIN } = Role;
const CASE_HOLDERS: readonly Role[] = [PRE_RELEASE_TEAM, POM, COM, ADMIN];

/**
 * Who sees what, within her scope of women. A CRS caseworker's scope is her provider's release areas and her
 * provider's referrals; governors and regional managers oversee and never see special category data.
 */
export const VISIBILITY: Readonly<Record<DataKind, readonly Role[]>> = {
  [DataKind.WOMAN_RECORD]: ROLES,
  [DataKind.SENSITIVE_FLAGS]: CASE_HOLDERS,
  [DataKind.SENSITIVE_PATHWAYS]: CASE_HOLDERS,
  [DataKind.OTHER_ROLES_TASKS]: [PRE_RELEASE_TEAM, POM, COM, GOVERNOR, REGIONAL_MANAGER, ADMIN],
  [DataKind.TASK_NOTES]: [...CASE_HOLDERS, CRS_CASEWORKER],
  [DataKind.ASSESSMENTS]: CASE_HOLDERS,
  [DataKind.REFERRAL_DRAFTS]: CASE_HOLDERS,
  [DataKind.RISK_INFORMATION]: [...CASE_HOLDERS, CRS_CASEWORKER],
  [DataKind.RELEASE_DAY_DETAIL]: CASE_HOLDERS,
  [DataKind.FINANCE_AND_ID]: CASE_HOLDERS,
  [DataKind.MOVEMENTS]: ROLES,
};

/** What the table means for a CRS caseworker, in words for the README (she sees nothing else of a case). */
export const CRS_CASEWORKER_LIMITS: Readonly<Partial<Record<DataKind, string>>> = {
  [DataKind.TASK_NOTES]: 'on her provider’s tasks only',
  [DataKind.RISK_INFORMATION]: 'on referrals sent to her provider only',
  [DataKind.SENSITIVE_PATHWAYS]: 'only as the pathways of a referral sent to her provider',
};

export function mayView(role: Role, kind: DataKind): boolean {
  return VISIBILITY[kind].includes(role);
}

export function canSeeSensitiveFlags(role: Role): boolean {
  return mayView(role, DataKind.SENSITIVE_FLAGS);
}

export function canSeePathway(role: Role, pathway: Pathway): boolean {
  return !SENSITIVE_PATHWAYS.includes(pathway) || mayView(role, DataKind.SENSITIVE_PATHWAYS);
}

export interface TaskVisibility {
  hiddenPathways: readonly Pathway[];
  /** When set, only tasks owned by this role are visible (a CRS caseworker sees her provider's queue). */
  ownerRoleOnly: Role | null;
}

export function taskVisibilityFor(role: Role): TaskVisibility {
  return {
    hiddenPathways: mayView(role, DataKind.SENSITIVE_PATHWAYS) ? [] : SENSITIVE_PATHWAYS,
    ownerRoleOnly: mayView(role, DataKind.OTHER_ROLES_TASKS) ? null : role,
  };
}

export function canSeeTask(role: Role, task: { pathway: Pathway; ownerRole: Role }): boolean {
  const visibility = taskVisibilityFor(role);
  if (visibility.hiddenPathways.includes(task.pathway)) return false;
  return visibility.ownerRoleOnly === null || visibility.ownerRoleOnly === task.ownerRole;
}
