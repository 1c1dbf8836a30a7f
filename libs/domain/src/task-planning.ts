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
import { checkEligibility } from './eligibility';
import { Pathway } from './pathways';
import { Role } from './roles';
import { DeadlineAnchor, IsoDate, TaskTemplate } from './task-template';
import { CustodyStatus, ReleaseType, SensitiveFlag } from './woman';

export interface PlanningFacts extends DeadlineAnchors {
  custodyStatus: CustodyStatus;
  releaseType: ReleaseType | null;
  flags: ReadonlySet<SensitiveFlag>;
  bankingBarrier?: string | null;
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
 * In catalogue order. A task for women with a flag she does not have is left out silently: it was never hers,
 * so offering an alternative (or a reason naming the flag) would be noise at best and a disclosure at worst.
 */
export function planTasksForPathway(
  catalogue: readonly TaskTemplate[],
  pathway: Pathway,
  facts: PlanningFacts,
): PlannedTask[] {
  const today = londonDateOf(facts.now);
  const planned: PlannedTask[] = [];

  for (const template of catalogue) {
    if (!template.active || template.pathway !== pathway) {
      continue;
    }
    // Planned for her sentence, not for a need (see com-allocation.ts): marking the pathway does not create it.
    if (template.deadline.anchor === DeadlineAnchor.COM_ALLOCATED) {
      continue;
    }
    const { requiresFlag } = template.eligibility;
    if (requiresFlag && !facts.flags.has(requiresFlag)) {
      continue;
    }

    const verdict = checkEligibility(template.eligibility, {
      custodyStatus: facts.custodyStatus,
      releaseType: facts.releaseType,
      releaseDate: facts.releaseDate,
      today,
      flags: facts.flags,
      bankingBarrier: facts.bankingBarrier ?? null,
    });
    const common = {
      pathway: template.pathway,
      ownerRole: template.ownerRole,
      releaseCritical: template.releaseCritical,
      deadline: plannedDeadline(template, facts, facts.custodyStatus === CustodyStatus.RECALLED ? today : null),
    };

    if (verdict.eligible) {
      planned.push({
        ...common,
        templateKey: template.key,
        title: template.title,
        description: template.description,
        ineligibleReasons: [],
      });
    } else if (template.ineligibleAlternative) {
      planned.push({
        ...common,
        templateKey: `${template.key}${ALTERNATIVE_KEY_SUFFIX}`,
        title: template.ineligibleAlternative.title,
        description: template.ineligibleAlternative.description,
        ineligibleReasons: verdict.reasons,
      });
    }
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
export const OUTLASTS_RECALL: readonly string[] = ['NATIONAL_INSURANCE_NUMBER', 'ID_DOCUMENTS', 'BANK_ACCOUNT'];
