/**
 * CRS delivery sessions: the sessions a provider books with her once the action plan is approved, and what
 * happened at each (attendance and feedback). The vocabulary is that of HMPPS "Refer and monitor an
 * intervention" (ministryofjustice/hmpps-interventions-service: an appointment's `attended` is yes, late or no;
 * its delivery type is a phone call, a video call, a meeting at a provider's office or somewhere else; session
 * feedback can ask to notify the probation practitioner of a concern).
 */
import type { SessionActionName } from './capabilities';

/** How the session is delivered (hmpps-interventions-service AppointmentDeliveryType). */
export enum SessionDeliveryMethod {
  IN_PERSON_PROVIDER_LOCATION = 'IN_PERSON_PROVIDER_LOCATION',
  IN_PERSON_OTHER_LOCATION = 'IN_PERSON_OTHER_LOCATION',
  PHONE_CALL = 'PHONE_CALL',
  VIDEO_CALL = 'VIDEO_CALL',
}

/** Did she attend (hmpps-interventions-service Attended: YES, LATE, NO). */
export enum SessionAttendance {
  YES = 'YES',
  LATE = 'LATE',
  NO = 'NO',
}

/** A session is booked until its attendance is recorded. */
export enum DeliverySessionStatus {
  BOOKED = 'BOOKED',
  ATTENDANCE_RECORDED = 'ATTENDANCE_RECORDED',
}

/** What the session's feedback says: free text, for readers of a referral's risk information only. */
export interface SessionFeedback {
  /** Why she was late or did not attend. */
  attendanceReason: string | null;
  /** What was done in the session. */
  sessionSummary: string | null;
  /** How she responded to it. */
  sessionResponse: string | null;
  /** The concern the COM is told of, when one was raised. */
  concernDetails: string | null;
}

export interface DeliverySessionView {
  id: string;
  referralId: string;
  /** 1, 2, 3... in the order booked, against the action plan. */
  number: number;
  startsAt: string;
  durationMinutes: number;
  method: SessionDeliveryMethod;
  /** The address or place for an in-person session; null for a call. */
  place: string | null;
  status: DeliverySessionStatus;
  attendance: SessionAttendance | null;
  /** Whether the feedback raised a concern for the COM (the details are in feedback). */
  concernRaised: boolean;
  /** Present only for readers of the referral's risk information. */
  feedback?: SessionFeedback;
  bookedById: string;
  attendanceRecordedById: string | null;
  attendanceRecordedAt: string | null;
  /** The follow-up task a missed session opened, if any. */
  followUpTaskId: string | null;
  allowedActions: SessionActionName[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A referral's sessions, and whether this reader may book another. */
export interface DeliverySessionsView {
  referralId: string;
  referralStatus: string;
  sessions: DeliverySessionView[];
  allowedActions: SessionActionName[];
}

/** What a board event says about a session: no free text. */
export interface DeliverySessionSummary {
  id: string;
  referralId: string;
  number: number;
  startsAt: string;
  status: DeliverySessionStatus;
  attendance: SessionAttendance | null;
  concernRaised: boolean;
  version: number;
}
