import { HMPPS_EVENT_TYPES, isRecallMovement, movementOf } from './movements';

function received(info: Record<string, string>) {
  return {
    eventId: 'e1',
    eventType: HMPPS_EVENT_TYPES.received,
    occurredAt: '2026-05-01T10:00:00Z',
    additionalInformation: { nomsNumber: 'A1234BC', ...info },
  };
}

describe('HMPPS movements', () => {
  it('knows the recall movement reasons', () => {
    for (const code of ['Y', 'PD', 'ELR', 'B', '24', 'ETRLR', 'L']) expect(isRecallMovement(code)).toBe(true);
    expect(isRecallMovement('N')).toBe(false);
    expect(isRecallMovement(undefined)).toBe(false);
  });

  it('reads an admission with a recall reason as a recall', () => {
    expect(movementOf(received({ reason: 'ADMISSION', prisonId: 'STI', nomisMovementReasonCode: 'ETRLR' }))).toEqual({
      kind: 'RECALL',
      prisonNumber: 'A1234BC',
      prisonCode: 'STI',
      movementReason: 'ETRLR',
    });
  });

  // An admission that is not a recall is applied only to a woman in a secure hospital (her return to prison,
  // Mental Health Act 1983 s.50(1)(a)); HmppsEventsService records it and leaves it for anyone else.
  it('reads a transfer in as a transfer, a non-recall admission as an admission, and a court return as nothing', () => {
    expect(movementOf(received({ reason: 'TRANSFERRED', prisonId: 'BZI' })).kind).toBe('TRANSFER');
    expect(movementOf(received({ reason: 'ADMISSION', prisonId: 'BZI', nomisMovementReasonCode: 'N' }))).toEqual({
      kind: 'ADMISSION',
      prisonNumber: 'A1234BC',
      prisonCode: 'BZI',
    });
    expect(movementOf(received({ reason: 'RETURN_FROM_COURT', prisonId: 'BZI' })).kind).toBe('IGNORED');
  });

  it('reads a release as a release and a court visit as nothing', () => {
    const base = { eventId: 'e2', eventType: HMPPS_EVENT_TYPES.released, occurredAt: '2026-05-01T10:00:00Z' };
    expect(
      movementOf({ ...base, additionalInformation: { nomsNumber: 'A1234BC', reason: 'RELEASED', prisonId: 'STI' } }),
    ).toEqual({
      kind: 'RELEASE',
      prisonNumber: 'A1234BC',
      fromPrisonCode: 'STI',
    });
    expect(
      movementOf({ ...base, additionalInformation: { nomsNumber: 'A1234BC', reason: 'SENT_TO_COURT' } }).kind,
    ).toBe('IGNORED');
  });

  // prison-offender-events ReleasePrisonerReasonCalculator: a release whose NOMIS reason is hospitalisation is
  // RELEASED_TO_HOSPITAL; Mental Health Act 1983 s.47/s.48 transfer to a secure hospital: applied, not ignored.
  it('reads a release to hospital as a transfer to a secure hospital, and a temporary absence as nothing', () => {
    const base = { eventId: 'e3', eventType: HMPPS_EVENT_TYPES.released, occurredAt: '2026-05-01T10:00:00Z' };
    expect(
      movementOf({
        ...base,
        additionalInformation: { nomsNumber: 'A1234BC', reason: 'RELEASED_TO_HOSPITAL', prisonId: 'STI' },
      }),
    ).toEqual({ kind: 'HOSPITAL', prisonNumber: 'A1234BC', fromPrisonCode: 'STI' });
    expect(
      movementOf({ ...base, additionalInformation: { nomsNumber: 'A1234BC', reason: 'TEMPORARY_ABSENCE_RELEASE' } })
        .kind,
    ).toBe('IGNORED');
  });

  it('takes the NOMS number from the person reference when the additional information lacks it', () => {
    const event = {
      eventId: 'e3',
      eventType: HMPPS_EVENT_TYPES.received,
      occurredAt: '2026-05-01T10:00:00Z',
      additionalInformation: { reason: 'TRANSFERRED', prisonId: 'BZI' },
      personReference: { identifiers: [{ type: 'NOMS', value: 'B2345CD' }] },
    };
    expect(movementOf(event)).toEqual({ kind: 'TRANSFER', prisonNumber: 'B2345CD', prisonCode: 'BZI' });
    expect(movementOf({ ...event, personReference: undefined }).kind).toBe('IGNORED');
  });
});
