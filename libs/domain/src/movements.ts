/**
 * Movements in and out of prison as HMPPS reports them: which movement reasons mean a recall, and how a
 * prison-offender-events domain event turns into one of Resettle's movements (or is recorded and left alone).
 */
import { PRISON_NUMBER_PATTERN } from './woman';

/** NOMIS movement reason codes for an admission on recall (licence revoked, HDC recall, fixed-term recall...). */
export const RECALL_MOVEMENT_REASONS: readonly string[] = ['Y', 'PD', 'ELR', 'B', '24', 'ETRLR', 'L'];

export function isRecallMovement(reasonCode: string | null | undefined): boolean {
  return !!reasonCode && RECALL_MOVEMENT_REASONS.includes(reasonCode.trim().toUpperCase());
}

export const HMPPS_EVENT_TYPES = {
  received: 'prison-offender-events.prisoner.received',
  released: 'prison-offender-events.prisoner.released',
} as const;

export interface HmppsDomainEvent {
  eventId: string;
  eventType: string;
  occurredAt: string;
  additionalInformation?: {
    nomsNumber?: string;
    prisonId?: string;
    reason?: string;
    nomisMovementReasonCode?: string;
    details?: string;
  };
  personReference?: { identifiers?: { type: string; value: string }[] };
}

export type Movement =
  | { kind: 'RECALL'; prisonNumber: string; prisonCode: string; movementReason: string }
  | { kind: 'TRANSFER'; prisonNumber: string; prisonCode: string }
  | { kind: 'RELEASE'; prisonNumber: string; fromPrisonCode: string | null }
  | { kind: 'HOSPITAL'; prisonNumber: string; fromPrisonCode: string | null }
  | { kind: 'ADMISSION'; prisonNumber: string; prisonCode: string }
  | { kind: 'IGNORED'; prisonNumber: string | null; why: string };

export function prisonNumberOf(event: HmppsDomainEvent): string | null {
  const fromInfo = event.additionalInformation?.nomsNumber;
  const fromReference = event.personReference?.identifiers?.find((i) => i.type === 'NOMS')?.value;
  const value = (fromInfo ?? fromReference ?? '').trim().toUpperCase();
  return PRISON_NUMBER_PATTERN.test(value) ? value : null;
}

/**
 * What an event means for the board. The vocabulary is prison-offender-events' (ministryofjustice/
 * prison-offender-events, HMPPSDomainEventsEmitter.toPrisonerReceived and ReceivePrisonerReasonCalculator):
 * prisoner.received carries nomsNumber, prisonId, reason (ADMISSION, TRANSFERRED, RETURN_FROM_COURT,
 * TEMPORARY_ABSENCE_RETURN) and nomisMovementReasonCode; a recall is an ADMISSION whose movement reason is a
 * recall code. Such an event is the authority for a recall into any prison: the intake is let in by its own
 * token (HmppsEventsGuard), not by a user's scope, and the recall's audit entry names the event id.
 * Temporary absences and court visits are not movements in or out of her sentence, so they are recorded and
 * ignored. An admission that is not a recall is read as an ADMISSION: for a woman in a secure hospital it is her
 * return to prison (Mental Health Act 1983 s.50(1)(a)); for anyone else it is recorded and left alone, since
 * HMPPS events do not carry a new woman's facts (name, dates): the pre-release team adds her.
 *
 * prisoner.released with reason RELEASED_TO_HOSPITAL (ministryofjustice/prison-offender-events,
 * ReleasePrisonerReasonCalculator: a release movement whose NOMIS reason is hospitalisation) is a transfer to a
 * secure hospital under the Mental Health Act 1983 (s.47 for a sentenced prisoner, s.48 for one on remand, with
 * a restriction direction under s.49): she leaves the prison but is still serving her sentence, so it is applied
 * as a HOSPITAL movement, neither ignored nor a release into the community. HMPPS's own consumers act on it
 * (ministryofjustice/hmpps-probation-integration-services,
 * projects/prison-custody-status-to-delius/.../messaging/actions/RecallAction.kt, records it in Delius with the
 * reason TRANSFER_TO_SECURE_HOSPITAL).
 */
export function movementOf(event: HmppsDomainEvent): Movement {
  const prisonNumber = prisonNumberOf(event);
  if (prisonNumber === null) return { kind: 'IGNORED', prisonNumber, why: 'No valid NOMS number in the event' };
  const info = event.additionalInformation ?? {};
  const reason = (info.reason ?? '').toUpperCase();
  const prisonCode = (info.prisonId ?? '').toUpperCase();
  if (event.eventType === HMPPS_EVENT_TYPES.received) {
    if (!prisonCode) return { kind: 'IGNORED', prisonNumber, why: 'The received event names no prison' };
    if (reason === 'TRANSFERRED') return { kind: 'TRANSFER', prisonNumber, prisonCode };
    if (reason === 'ADMISSION' && isRecallMovement(info.nomisMovementReasonCode)) {
      return {
        kind: 'RECALL',
        prisonNumber,
        prisonCode,
        movementReason: (info.nomisMovementReasonCode as string).toUpperCase(),
      };
    }
    if (reason === 'ADMISSION') return { kind: 'ADMISSION', prisonNumber, prisonCode };
    return { kind: 'IGNORED', prisonNumber, why: `A ${reason || 'received'} movement is not a recall or transfer` };
  }
  if (event.eventType === HMPPS_EVENT_TYPES.released) {
    if (reason === 'RELEASED') return { kind: 'RELEASE', prisonNumber, fromPrisonCode: prisonCode || null };
    if (reason === 'RELEASED_TO_HOSPITAL')
      return { kind: 'HOSPITAL', prisonNumber, fromPrisonCode: prisonCode || null };
    return { kind: 'IGNORED', prisonNumber, why: `A ${reason || 'release'} movement is not a release from custody` };
  }
  return { kind: 'IGNORED', prisonNumber, why: `Event type ${event.eventType} is not handled` };
}
