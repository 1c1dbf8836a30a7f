/**
 * POM to COM handover: when the community offender manager (COM) must be allocated to her case, and when the COM
 * takes over responsibility from the prison offender manager (POM), by case type.
 *
 * Sources (facts only, not code):
 * - HM Prison and Probation Service, "Offender Management in Custody (OMiC) model" (gov.uk, "Manage the
 *   custodial sentence" policy framework and the OMiC women's estate model): a POM leads in custody, a COM
 *   takes over before release; short sentences and recalls are COM-led throughout.
 * - ministryofjustice/offender-management-allocation-manager ("Manage POM cases"), the service that calculates
 *   the handover dates nDelius holds: app/lib/handover/handover_calculation.rb and
 *   docs/allocation-handover-domain.md (read at commit 7aeb43b, August 2026). Its rules, in use since the
 *   February 2023 policy change (commit e1e190e removed the earlier "NPS/CRC" rules, under which the COM was
 *   allocated 7.5 months and took over 4.5 months before the CRD/ARD):
 *     early allocation: handover 15 months before the earliest release date;
 *     indeterminate: 12 months before the tariff expiry (or target hearing) date;
 *     determinate with parole eligibility: 12 months before the PED;
 *     determinate: 8 months and 14 days before the earliest of ARD and CRD;
 *     determinate with 10 months or less from sentence start to release: COM responsible from the start;
 *     recall: COM responsible (supervision in the community has already begun);
 *     the handover start (COM allocated) date is the handover date, except for an indeterminate sentence in open
 *     conditions, where it is the earlier of the handover date and the day her category changed to open
 *     (women's estate);
 *     "COM allocation overdue" is a case past its handover date with no COM recorded.
 */
import { daysBetween } from './calendar';
import { IsoDate } from './task-template';
import { CustodyStatus } from './woman';
import { HandoverCase, HandoverResponsibility } from '@app/contracts';
export { HandoverCase, HandoverResponsibility } from '@app/contracts';

export interface HandoverFacts {
  custodyStatus: CustodyStatus;
  sentenceStartDate: IsoDate | null;
  receptionDate: IsoDate;
  conditionalReleaseDate: IsoDate | null;
  automaticReleaseDate: IsoDate | null;
  paroleEligibilityDate: IsoDate | null;
  /** Life or IPP: release is for the Parole Board. Absent: a determinate sentence. */
  indeterminate?: boolean;
  tariffExpiryDate?: IsoDate | null;
  targetHearingDate?: IsoDate | null;
  /** Her case was accepted for early allocation to probation (high risk of serious harm). */
  earlyAllocation?: boolean;
  /** Indeterminate in open conditions: the day her category changed to open (women's estate). */
  openConditionsSince?: IsoDate | null;
}

export interface HandoverDates {
  handoverCase: HandoverCase;
  /** The date the handover counts back from (PED, else the earlier of ARD and CRD; TED/THD if indeterminate). */
  earliestReleaseDate: IsoDate | null;
  /** Handover start: the COM must be allocated (and starts supporting the POM) by this date. */
  comAllocatedDate: IsoDate | null;
  /** Handover: the COM becomes responsible for her case and the POM supports. */
  comResponsibleDate: IsoDate | null;
}

/** Calendar months back (forward when negative), keeping the day of the month where it exists (31 Oct - 8 months = 28/29 Feb). */
export function subtractMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

function subtractDays(date: IsoDate, days: number): IsoDate {
  const t = Date.parse(`${date}T00:00:00Z`) - days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function earliestOf(dates: (IsoDate | null | undefined)[]): IsoDate | null {
  const known = dates.filter((d): d is IsoDate => !!d).sort();
  return known[0] ?? null;
}

/** Indeterminate: the tariff expiry date if still ahead, else the target hearing date if ahead, else the nearer. */
function indeterminateRelease(facts: HandoverFacts, today: IsoDate): IsoDate | null {
  const ted = facts.tariffExpiryDate ?? null;
  const thd = facts.targetHearingDate ?? null;
  if (ted && daysBetween(today, ted) > 0) return ted;
  if (thd && daysBetween(today, thd) > 0) return thd;
  const known = [ted, thd].filter((d): d is IsoDate => d !== null);
  known.sort((a, b) => Math.abs(daysBetween(today, a)) - Math.abs(daysBetween(today, b)));
  return known[0] ?? null;
}

/** The earliest release date the handover counts back from. */
export function earliestReleaseForHandover(facts: HandoverFacts, today: IsoDate): IsoDate | null {
  if (facts.indeterminate) return indeterminateRelease(facts, today);
  return facts.paroleEligibilityDate ?? earliestOf([facts.automaticReleaseDate, facts.conditionalReleaseDate]);
}

function dates(handoverCase: HandoverCase, erd: IsoDate | null, start: IsoDate | null, handover: IsoDate | null) {
  return { handoverCase, earliestReleaseDate: erd, comAllocatedDate: start, comResponsibleDate: handover };
}

export function handoverDates(facts: HandoverFacts, today: IsoDate): HandoverDates {
  if (facts.custodyStatus === CustodyStatus.REMANDED) return dates(HandoverCase.NOT_SENTENCED, null, null, null);
  const erd = earliestReleaseForHandover(facts, today);
  // A recall is the COM's case from the day she is back in custody (she was on licence under the COM).
  if (facts.custodyStatus === CustodyStatus.RECALLED) {
    return dates(HandoverCase.RECALL, erd, facts.receptionDate, facts.receptionDate);
  }
  if (erd === null) return dates(HandoverCase.RELEASE_DATE_UNKNOWN, null, null, null);
  if (facts.earlyAllocation) {
    const handover = subtractMonths(erd, 15);
    return dates(HandoverCase.EARLY_ALLOCATION, erd, handover, handover);
  }
  if (facts.indeterminate) {
    const handover = subtractMonths(erd, 12);
    if (!facts.openConditionsSince) return dates(HandoverCase.INDETERMINATE, erd, handover, handover);
    return dates(HandoverCase.INDETERMINATE_OPEN, erd, earliestOf([facts.openConditionsSince, handover]), handover);
  }
  // Sentence start unknown: her reception is the nearest fact we hold (she cannot start serving before it).
  const sentenceStart = facts.sentenceStartDate ?? facts.receptionDate;
  if (daysBetween(erd, subtractMonths(sentenceStart, -10)) >= 0) {
    // Ten months or less to serve: the COM holds the case from sentence.
    return dates(HandoverCase.DETERMINATE_SHORT, erd, sentenceStart, sentenceStart);
  }
  if (facts.paroleEligibilityDate) {
    const handover = subtractMonths(erd, 12);
    return dates(HandoverCase.DETERMINATE_PAROLE, erd, handover, handover);
  }
  const handover = subtractDays(subtractMonths(erd, 8), 14);
  return dates(HandoverCase.DETERMINATE, erd, handover, handover);
}

export function responsibilityOn(handover: HandoverDates, today: IsoDate): HandoverResponsibility | null {
  if (handover.handoverCase === HandoverCase.NOT_SENTENCED) return null;
  if (handover.comAllocatedDate === null || handover.comResponsibleDate === null) {
    return HandoverResponsibility.POM_RESPONSIBLE;
  }
  if (daysBetween(handover.comAllocatedDate, today) < 0) return HandoverResponsibility.POM_RESPONSIBLE;
  if (daysBetween(handover.comResponsibleDate, today) < 0) return HandoverResponsibility.POM_RESPONSIBLE_COM_SUPPORTING;
  return HandoverResponsibility.COM_RESPONSIBLE;
}
