/**
 * "COM not allocated": every woman serving a sentence (or back on recall) needs a community offender manager
 * before the handover date, whatever her pathways. Who needs one, by when, and what her card says until then.
 *
 * Sources: the OMiC model (gov.uk, HMPPS "Offender Management in Custody"): every sentenced person has a COM
 * who takes over before release; ministryofjustice/offender-management-allocation-manager lists a case past its
 * handover date with no COM recorded as "COM allocation overdue" (app/models/calculated_handover_date.rb,
 * by_com_allocation_overdue) and tells the POM to raise it with the probation delivery unit and then a manager
 * (app/views/handovers/com_allocation_overdue.html.erb); its "upcoming handover" window is 8 weeks
 * (config/initializers/constants.rb, DEFAULT_UPCOMING_HANDOVER_WINDOW_DURATION).
 */
import { daysBetween } from './calendar';
import { HandoverDates, HandoverFacts, handoverDates } from './handover';
import { RELEASED_PRISON_CODE } from './prisons';
import { IsoDate } from './task-template';
import { CustodyStatus, ReleaseType } from './woman';

/** The catalogue key of the task; stored on tasks, so never renamed. */
export const COM_ALLOCATION_TASK_KEY = 'COM_ALLOCATION';

/** HMPPS's "upcoming handover" window: a case whose COM allocation falls due within 8 weeks. */
export const UPCOMING_HANDOVER_WINDOW_DAYS = 56;

export interface ComAllocationFacts extends HandoverFacts {
  prisonCode: string;
  releaseType: ReleaseType | null;
  comId: string | null;
}

/**
 * She needs a COM: sentenced or recalled, still in custody, and not released at sentence end without supervision
 * (no licence, no COM after release: issue 13 point 3).
 */
export function needsCom(woman: Omit<ComAllocationFacts, 'comId'>): boolean {
  return (
    (woman.custodyStatus === CustodyStatus.SENTENCED || woman.custodyStatus === CustodyStatus.RECALLED) &&
    woman.prisonCode !== RELEASED_PRISON_CODE &&
    woman.releaseType !== ReleaseType.SENTENCE_END_NO_SUPERVISION
  );
}

export function needsComAllocation(woman: ComAllocationFacts): boolean {
  return woman.comId === null && needsCom(woman);
}

export enum ComAllocationUrgency {
  /** Her COM allocated date has passed (or is today) and she has no COM. */
  OVERDUE = 'OVERDUE',
  /** Her COM allocated date is within the next 8 weeks. */
  UPCOMING = 'UPCOMING',
  LATER = 'LATER',
  /** No date to count back from yet. */
  UNKNOWN = 'UNKNOWN',
}

export function comAllocationUrgency(handover: HandoverDates, today: IsoDate): ComAllocationUrgency {
  if (handover.comAllocatedDate === null) return ComAllocationUrgency.UNKNOWN;
  const daysLeft = daysBetween(today, handover.comAllocatedDate);
  if (daysLeft <= 0) return ComAllocationUrgency.OVERDUE;
  return daysLeft <= UPCOMING_HANDOVER_WINDOW_DAYS ? ComAllocationUrgency.UPCOMING : ComAllocationUrgency.LATER;
}

export interface ComNotAllocated {
  comAllocatedDate: IsoDate | null;
  urgency: ComAllocationUrgency;
  message: string;
}

/** Null when she has a COM or needs none. */
export function comNotAllocated(woman: ComAllocationFacts, today: IsoDate): ComNotAllocated | null {
  if (!needsComAllocation(woman)) return null;
  const handover = handoverDates(woman, today);
  const urgency = comAllocationUrgency(handover, today);
  const by = handover.comAllocatedDate;
  const message =
    by === null
      ? 'No community offender manager is allocated. Her handover date cannot be worked out until her release date is known.'
      : urgency === ComAllocationUrgency.OVERDUE
        ? `No community offender manager is allocated: one was due by ${by}. Raise it with the probation delivery unit for her release area; its manager allocates.`
        : `No community offender manager is allocated yet: one is due by ${by} for the handover from her POM.`;
  return { comAllocatedDate: by, urgency, message };
}
