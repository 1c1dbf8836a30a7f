/** Turns a pathway marked SUPPORT_REQUIRED into the tasks she should get, and re-dates them when anchors move. */
import { londonDateOf } from './calendar';
import { computeDeadline, DeadlineAnchors, TaskDeadline } from './deadlines';
import { checkEligibility } from './eligibility';
import { Pathway } from './pathways';
import { Role } from './roles';
import { TaskTemplate } from './task-template';
import { CustodyStatus, ReleaseType, SensitiveFlag } from './woman';

export interface PlanningFacts extends DeadlineAnchors {
  custodyStatus: CustodyStatus;
  releaseType: ReleaseType | null;
  flags: ReadonlySet<SensitiveFlag>;
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
    });
    const common = {
      pathway: template.pathway,
      ownerRole: template.ownerRole,
      releaseCritical: template.releaseCritical,
      deadline: recomputeDeadline(template, facts),
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
