/** Turns a pathway marked SUPPORT_REQUIRED into the tasks she should get, and re-dates them when anchors move. */
import {
  addCalendarDays,
  addWorkingDays,
  daysBetween,
  endOfWorkingDay,
  lastWorkingDayOnOrBefore,
  londonDateOf,
} from './calendar';
import { computeDeadline, DeadlineAnchors, TaskDeadline } from './deadlines';
import { IMMEDIATE_NEEDS_ASSESSMENT_WORKING_DAYS } from './assessments';
import { PLANNED_AT_RECEPTION } from './default-task-catalogue';
import { checkEligibility } from './eligibility';
import { NationalInsuranceRoute } from './national-insurance';
import { Pathway } from './pathways';
import { ReleaseCountry } from './release-areas';
import { Role } from './roles';
import { DeadlineAnchor, IsoDate, TaskTemplate } from './task-template';
import { housingCostsAdvice } from './tenancy-protection';
import { CustodyStatus, ReleaseType, SensitiveFlag } from './woman';

export interface PlanningFacts extends DeadlineAnchors {
  custodyStatus: CustodyStatus;
  releaseType: ReleaseType | null;
  flags: ReadonlySet<SensitiveFlag>;
  bankingBarrier?: string | null;
  /** The date HDC was granted for; absent or null until it is. */
  hdcActualDate?: IsoDate | null;
  /** The nation of her release area (null for an unknown area: no nation-specific task is planned). */
  releaseCountry: ReleaseCountry | null;
  /** The route her National Insurance number needs; null when she has it. */
  nationalInsuranceRoute: NationalInsuranceRoute | null;
  now: Date;
}

export interface PlannedTask {
  templateKey: string;
  pathway: Pathway;
  title: string;
  description: string;
  ownerRole: Role;
  releaseCritical: boolean;
  deadline: TaskDeadline | null;
  /** Why she got the alternative instead of the task itself; empty when she is eligible. */
  ineligibleReasons: string[];
}

const ALTERNATIVE_KEY_SUFFIX = '_ALTERNATIVE';

/**
 * Conditions that make a task never hers (a flag she does not have, another nation's housing law, the other
 * route to a National Insurance number): left out silently, since offering an alternative (or a reason naming
 * the flag) would be noise at best and a disclosure at worst.
 */
export function neverHers(template: Pick<TaskTemplate, 'eligibility'>, facts: PlanningFacts): boolean {
  const { requiresFlag, releaseCountryIn, nationalInsuranceRoute } = template.eligibility;
  if (requiresFlag && !facts.flags.has(requiresFlag)) return true;
  if (releaseCountryIn && (facts.releaseCountry === null || !releaseCountryIn.includes(facts.releaseCountry))) {
    return true;
  }
  return nationalInsuranceRoute !== undefined && facts.nationalInsuranceRoute !== nationalInsuranceRoute;
}

/** Whether a template carries a "never hers" condition, so a change of her facts can add or remove it. */
export function hasNeverHersCondition(template: Pick<TaskTemplate, 'eligibility'>): boolean {
  const { requiresFlag, releaseCountryIn, nationalInsuranceRoute } = template.eligibility;
  return requiresFlag !== undefined || releaseCountryIn !== undefined || nationalInsuranceRoute !== undefined;
}

function planTemplate(template: TaskTemplate, facts: PlanningFacts, today: IsoDate): PlannedTask | null {
  const verdict = checkEligibility(template.eligibility, {
    custodyStatus: facts.custodyStatus,
    releaseType: facts.releaseType,
    releaseDate: facts.releaseDate,
    today,
    flags: facts.flags,
    bankingBarrier: facts.bankingBarrier ?? null,
    hdcEligibilityDate: facts.hdcEligibilityDate ?? null,
    hdcActualDate: facts.hdcActualDate ?? null,
  });
  const common = {
    pathway: template.pathway,
    releaseCritical: template.releaseCritical,
    deadline: plannedDeadline(template, facts, facts.custodyStatus === CustodyStatus.RECALLED ? today : null),
  };
  if (verdict.eligible) {
    return {
      ...common,
      ownerRole: template.ownerRole,
      templateKey: template.key,
      title: template.title,
      description: template.description,
      ineligibleReasons: [],
    };
  }
  if (template.ineligibleAlternative) {
    return {
      ...common,
      ownerRole: template.ineligibleAlternative.ownerRole ?? template.ownerRole,
      templateKey: `${template.key}${ALTERNATIVE_KEY_SUFFIX}`,
      title: template.ineligibleAlternative.title,
      description: template.ineligibleAlternative.description,
      ineligibleReasons: verdict.reasons,
    };
  }
  return null;
}

/** In catalogue order; the reception tasks are planned apart (planReceptionTasks), never from a pathway. */
export function planTasksForPathway(
  catalogue: readonly TaskTemplate[],
  pathway: Pathway,
  facts: PlanningFacts,
): PlannedTask[] {
  const today = londonDateOf(facts.now);
  const planned: PlannedTask[] = [];
  for (const template of catalogue) {
    if (!template.active || template.pathway !== pathway || PLANNED_AT_RECEPTION.includes(template.key)) continue;
    // Planned for her sentence, not for a need (see com-allocation.ts): marking the pathway does not create it.
    if (template.deadline.anchor === DeadlineAnchor.COM_ALLOCATED) continue;
    if (neverHers(template, facts)) continue;
    const task = planTemplate(template, facts, today);
    if (task) planned.push(task);
  }
  return planned;
}

/**
 * Whether she is still in her reception window (up to the day her immediate-needs assessment falls due):
 * reception tasks are planned then, and not for a woman first entered into Resettle weeks after she arrived,
 * whose reception work was someone else's to do and would only appear as invented overdue history.
 */
export function withinReceptionWindow(receptionDate: IsoDate | null, today: IsoDate): boolean {
  if (receptionDate === null) return false;
  return daysBetween(today, addWorkingDays(receptionDate, IMMEDIATE_NEEDS_ASSESSMENT_WORKING_DAYS)) >= 0;
}

/**
 * The tasks every woman gets at reception, in catalogue order. The tenancy task says, for her dates, until
 * when her rent can still be paid (see tenancy-protection.ts).
 */
export function planReceptionTasks(catalogue: readonly TaskTemplate[], facts: PlanningFacts): PlannedTask[] {
  const today = londonDateOf(facts.now);
  const planned: PlannedTask[] = [];
  if (!withinReceptionWindow(facts.receptionDate, today)) return planned;
  for (const template of catalogue) {
    if (!template.active || !PLANNED_AT_RECEPTION.includes(template.key)) continue;
    if (neverHers(template, facts)) continue;
    const task = planTemplate(template, facts, today);
    if (!task) continue;
    if (template.key === 'PROTECT_TENANCY' && facts.receptionDate !== null) {
      const advice = housingCostsAdvice({
        custodyStatus: facts.custodyStatus,
        receptionDate: facts.receptionDate,
        releaseDate: facts.releaseDate,
      });
      task.description = `${task.description} ${advice}`;
    }
    planned.push(task);
  }
  return planned;
}

/** For when a release date (or another anchor) changes after the task was planned. */
export function recomputeDeadline(
  template: Pick<TaskTemplate, 'deadline' | 'atRiskLeadWorkingDays'>,
  anchors: DeadlineAnchors,
): TaskDeadline | null {
  return computeDeadline(template.deadline, template.atRiskLeadWorkingDays, anchors);
}

/**
 * The pre-release work the catalogue spreads over this many days before release (the 12-week referral).
 * When less time is left, the plan is squeezed into what there is.
 */
export const FULL_PLAN_DAYS = 84;

/**
 * For a recalled woman (compressFrom = today): a pre-release deadline that has already passed, or falls
 * before tomorrow, is moved into the days she has left, keeping the catalogue's order (a task due 12 weeks
 * before release stays ahead of one due 2 weeks before). Without compression every task of a short recall
 * would be overdue on arrival and the board would tell the team nothing about what to do first.
 */
export function plannedDeadline(
  template: Pick<TaskTemplate, 'deadline' | 'atRiskLeadWorkingDays'>,
  anchors: DeadlineAnchors,
  compressFrom: IsoDate | null,
): TaskDeadline | null {
  const normal = recomputeDeadline(template, anchors);
  if (compressFrom === null || normal === null || anchors.releaseDate === null) return normal;
  if (template.deadline.anchor !== DeadlineAnchor.RELEASE || template.deadline.offset >= 0) return normal;
  const earliest = addWorkingDays(compressFrom, 1);
  if (daysBetween(earliest, normal.dueDate) >= 0) return normal;
  const daysLeft = Math.max(daysBetween(compressFrom, anchors.releaseDate), 0);
  const share = Math.min(1, daysLeft / FULL_PLAN_DAYS);
  let dueDate = lastWorkingDayOnOrBefore(
    addCalendarDays(anchors.releaseDate, Math.round(template.deadline.offset * share)),
  );
  if (daysBetween(earliest, dueDate) < 0) dueDate = earliest;
  if (daysBetween(dueDate, anchors.releaseDate) < 0) dueDate = lastWorkingDayOnOrBefore(anchors.releaseDate);
  const atRiskDate = addWorkingDays(dueDate, -template.atRiskLeadWorkingDays);
  return {
    dueDate,
    dueAt: endOfWorkingDay(dueDate),
    // A squeezed task is at risk from the start at the earliest; never before the moment it was planned.
    atRiskAt: endOfWorkingDay(daysBetween(compressFrom, atRiskDate) < 0 ? compressFrom : atRiskDate),
  };
}

/**
 * Catalogue tasks whose result a recall does not undo: a National Insurance number, ID documents and a bank
 * account she already has are not planned again. Everything else about her release is.
 */
export const OUTLASTS_RECALL: readonly string[] = [
  'NATIONAL_INSURANCE_NUMBER',
  'NATIONAL_INSURANCE_NUMBER_CONFIRM',
  'NATIONAL_INSURANCE_NUMBER_NEW',
  'EVISA_ACCESS',
  'ID_DOCUMENTS',
  'BANK_ACCOUNT',
];
