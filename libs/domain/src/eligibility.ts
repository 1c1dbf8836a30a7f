/**
 * Whether a woman can have a task at all (a bank account needs more than six weeks left to serve), with the
 * reasons in words a pre-release worker can repeat to her.
 */
import { daysBetween } from './calendar';
import { EligibilityRule, IsoDate } from './task-template';
import { CustodyStatus, ReleaseType, SensitiveFlag } from './woman';
import type { EligibilityVerdict } from '@app/contracts';
export type { EligibilityVerdict } from '@app/contracts';

export interface EligibilityFacts {
  custodyStatus: CustodyStatus;
  releaseType: ReleaseType | null;
  releaseDate: IsoDate | null;
  today: IsoDate;
  flags: ReadonlySet<SensitiveFlag>;
  /** A recorded reason no bank will take her application; absent or null when none is recorded. */
  bankingBarrier?: string | null;
  /** Her home detention curfew eligibility date; absent or null when she has none. */
  hdcEligibilityDate?: IsoDate | null;
  /** The date HDC was granted for (HDCAD); absent or null until it is. */
  hdcActualDate?: IsoDate | null;
}

const CUSTODY_STATUS_LABELS: Readonly<Record<CustodyStatus, string>> = {
  [CustodyStatus.REMANDED]: 'remanded',
  [CustodyStatus.SENTENCED]: 'sentenced',
  [CustodyStatus.RECALLED]: 'recalled',
};

const RELEASE_TYPE_LABELS: Readonly<Record<ReleaseType, string>> = {
  [ReleaseType.LICENCE]: 'on licence',
  [ReleaseType.POST_SENTENCE_SUPERVISION]: 'on post-sentence supervision',
  [ReleaseType.SENTENCE_END_NO_SUPERVISION]: 'at the end of her sentence with no supervision',
  [ReleaseType.HDC]: 'on home detention curfew (HDC)',
  [ReleaseType.PAROLE]: 'on parole, as the Parole Board directed',
};

const FLAG_LABELS: Readonly<Record<SensitiveFlag, string>> = {
  [SensitiveFlag.DOMESTIC_ABUSE]: 'women who have experienced domestic abuse',
  [SensitiveFlag.SEX_WORK]: 'women involved in sex work',
  [SensitiveFlag.MENTAL_HEALTH]: 'women with a mental health need',
  [SensitiveFlag.DEPENDENT_CHILDREN]: 'women with dependent children',
  [SensitiveFlag.FOREIGN_NATIONAL]: 'foreign national women',
};

function inDays(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

/** Prison rules are usually stated in weeks ("more than six weeks left to serve"), so show both. */
function inDaysAndWeeks(days: number): string {
  if (days > 0 && days % 7 === 0) {
    const weeks = days / 7;
    return `${inDays(days)} (${weeks === 1 ? '1 week' : `${weeks} weeks`})`;
  }
  return inDays(days);
}

function daysToServeReason(minDaysToServe: number, releaseDate: IsoDate | null, today: IsoDate): string | null {
  const needed = `this task needs more than ${inDaysAndWeeks(minDaysToServe)}`;
  if (releaseDate === null) {
    return `Her release date is unknown, so we cannot tell if she has more than ${inDaysAndWeeks(minDaysToServe)} left to serve.`;
  }
  const daysLeft = daysBetween(today, releaseDate);
  if (daysLeft > minDaysToServe) {
    return null;
  }
  if (daysLeft < 0) {
    return `Her release date (${releaseDate}) has passed; ${needed} left to serve.`;
  }
  if (daysLeft === 0) {
    return `She is released today; ${needed} left to serve.`;
  }
  return `She has ${inDays(daysLeft)} left to serve; ${needed}.`;
}

/** Every unmet condition is reported, so the worker learns everything standing in the way at once. */
export function checkEligibility(rule: EligibilityRule, facts: EligibilityFacts): EligibilityVerdict {
  const reasons: string[] = [];

  if (rule.custodyStatusIn && !rule.custodyStatusIn.includes(facts.custodyStatus)) {
    const allowed = rule.custodyStatusIn.map((status) => CUSTODY_STATUS_LABELS[status]).join(' or ');
    reasons.push(`She is ${CUSTODY_STATUS_LABELS[facts.custodyStatus]}, not ${allowed}.`);
  }

  if (rule.releaseTypeIn) {
    const allowed = rule.releaseTypeIn.map((type) => RELEASE_TYPE_LABELS[type]).join(' or ');
    if (facts.releaseType === null) {
      reasons.push(`Her release type is not known yet; this task is only for women released ${allowed}.`);
    } else if (!rule.releaseTypeIn.includes(facts.releaseType)) {
      reasons.push(
        `She is being released ${RELEASE_TYPE_LABELS[facts.releaseType]}; this task is only for women released ${allowed}.`,
      );
    }
  }

  if (rule.releaseTypeNotIn && facts.releaseType !== null && rule.releaseTypeNotIn.includes(facts.releaseType)) {
    reasons.push(
      `She is being released ${RELEASE_TYPE_LABELS[facts.releaseType]}; this task is not for women released that way.`,
    );
  }

  if (rule.requiresHdcEligibilityDate && !facts.hdcEligibilityDate) {
    reasons.push('She has no home detention curfew eligibility date (HDCED).');
  } else if (rule.requiresHdcEligibilityDate && facts.hdcActualDate) {
    reasons.push(`HDC has been granted for ${facts.hdcActualDate}: her curfew address is already approved.`);
  }

  if (rule.minDaysToServe !== undefined) {
    const reason = daysToServeReason(rule.minDaysToServe, facts.releaseDate, facts.today);
    if (reason !== null) {
      reasons.push(reason);
    }
  }

  if (rule.requiresFlag && !facts.flags.has(rule.requiresFlag)) {
    reasons.push(`This task is only for ${FLAG_LABELS[rule.requiresFlag]}.`);
  }

  if (rule.requiresNoBankingBarrier && facts.bankingBarrier && facts.bankingBarrier.trim() !== '') {
    reasons.push(`A banking barrier is recorded: ${facts.bankingBarrier.trim()}.`);
  }

  return reasons.length === 0 ? { eligible: true } : { eligible: false, reasons };
}
