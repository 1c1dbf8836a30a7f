/** What the API says about a delivery session: the feedback's words only to readers of the referral's risk detail. */
import { DeliverySessionEntity } from '@app/database';
import type { DeliverySessionView, SessionActionName } from '@app/contracts';
import { sessionStatusOf } from '@app/domain';

export type { DeliverySessionView, DeliverySessionsView } from '@app/contracts';

export function toDeliverySessionView(
  s: DeliverySessionEntity,
  options: { feedback: boolean; allowedActions: SessionActionName[] },
): DeliverySessionView {
  return {
    id: s.id,
    referralId: s.referralId,
    number: s.number,
    startsAt: s.startsAt.toISOString(),
    durationMinutes: s.durationMinutes,
    method: s.method,
    place: s.place,
    status: sessionStatusOf(s.attendance),
    attendance: s.attendance,
    concernRaised: s.concernRaised,
    ...(options.feedback
      ? {
          feedback: {
            attendanceReason: s.attendanceReason,
            sessionSummary: s.sessionSummary,
            sessionResponse: s.sessionResponse,
            concernDetails: s.concernDetails,
          },
        }
      : {}),
    bookedById: s.bookedById,
    attendanceRecordedById: s.attendanceRecordedById,
    attendanceRecordedAt: s.attendanceRecordedAt?.toISOString() ?? null,
    followUpTaskId: s.followUpTaskId,
    allowedActions: options.allowedActions,
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** The audit trail's snapshot of a booking (when, how, where). */
export function bookingSnapshot(s: DeliverySessionEntity): Record<string, unknown> {
  return {
    sessionId: s.id,
    number: s.number,
    startsAt: s.startsAt.toISOString(),
    durationMinutes: s.durationMinutes,
    method: s.method,
    place: s.place,
    version: s.version,
  };
}

/** The audit trail's snapshot of an attendance record; `feedback` is redacted like a referral's risk detail. */
export function attendanceSnapshot(s: DeliverySessionEntity): Record<string, unknown> {
  return {
    sessionId: s.id,
    number: s.number,
    attendance: s.attendance,
    concernRaised: s.concernRaised,
    followUpTaskId: s.followUpTaskId,
    version: s.version,
    feedback: {
      attendanceReason: s.attendanceReason,
      sessionSummary: s.sessionSummary,
      sessionResponse: s.sessionResponse,
      concernDetails: s.concernDetails,
    },
  };
}
