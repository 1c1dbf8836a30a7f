import {
  expectedArrival,
  ID_DOCUMENT_ISSUERS,
  OPEN_ID_DOCUMENT_TYPES,
  RETIRED_ID_DOCUMENT_TYPES,
  IdApplicationStatus,
  idApplicationTransitionProblem,
  IdDocumentType,
  idDocumentTiming,
  latestApplicationDate,
} from './id-documents';

describe('ID documents', () => {
  it('expects a birth certificate three weeks after applying, on a working day', () => {
    expect(expectedArrival(IdDocumentType.BIRTH_CERTIFICATE, '2026-03-02')).toBe('2026-03-23');
    // 21 days after Wednesday 2026-03-04 is a Wednesday; after Saturday it would move back to the Friday.
    expect(expectedArrival(IdDocumentType.BIRTH_CERTIFICATE, '2026-03-07')).toBe('2026-03-27');
  });

  it('leaves the lead time and five working days before release', () => {
    // Release Friday 2026-06-26; arrive by Friday 2026-06-19.
    // Confirming a number (gov.uk "Get your National Insurance number", CA5403: up to 15 days): Thursday 2026-06-04.
    expect(latestApplicationDate(IdDocumentType.NATIONAL_INSURANCE_NUMBER_LETTER, '2026-06-26')).toBe('2026-06-04');
    // A first number from DWP (56 days allowed): Friday 2026-04-24.
    expect(latestApplicationDate(IdDocumentType.NEW_NATIONAL_INSURANCE_NUMBER, '2026-06-26')).toBe('2026-04-24');
    // eVisa access (28 days allowed): Friday 2026-05-22.
    expect(latestApplicationDate(IdDocumentType.EVISA_ACCESS, '2026-06-26')).toBe('2026-05-22');
  });

  it('warns when applying today is already too late for the normal route', () => {
    const timing = idDocumentTiming(IdDocumentType.NATIONAL_INSURANCE_NUMBER_LETTER, '2026-06-26', '2026-06-05');
    expect(timing.feasibleBeforeRelease).toBe(false);
    expect(timing.warning).toMatch(/HM Revenue and Customs takes about 2 weeks/);
    expect(idDocumentTiming(IdDocumentType.NATIONAL_INSURANCE_NUMBER_LETTER, '2026-06-26', '2026-06-04')).toEqual({
      applyBy: '2026-06-04',
      feasibleBeforeRelease: true,
      warning: null,
    });
    expect(idDocumentTiming(IdDocumentType.NEW_NATIONAL_INSURANCE_NUMBER, '2026-06-26', '2026-05-01').warning).toMatch(
      /Department for Work and Pensions takes about 8 weeks/,
    );
  });

  it('retires the biometric residence permit (expired 31 December 2024) but keeps it readable', () => {
    expect(OPEN_ID_DOCUMENT_TYPES).not.toContain(IdDocumentType.BIOMETRIC_RESIDENCE_PERMIT);
    expect(OPEN_ID_DOCUMENT_TYPES).toContain(IdDocumentType.EVISA_ACCESS);
    expect(RETIRED_ID_DOCUMENT_TYPES[IdDocumentType.BIOMETRIC_RESIDENCE_PERMIT]).toMatch(/31 December 2024/);
    expect(ID_DOCUMENT_ISSUERS[IdDocumentType.BIOMETRIC_RESIDENCE_PERMIT].label).toMatch(/Biometric residence permit/);
  });

  it('cannot time anything without a release date', () => {
    expect(idDocumentTiming(IdDocumentType.BIRTH_CERTIFICATE, null, '2026-05-01').applyBy).toBeNull();
  });

  it('lets an application end only once', () => {
    expect(idApplicationTransitionProblem(IdApplicationStatus.APPLIED, IdApplicationStatus.ACCEPTED)).toBeNull();
    expect(idApplicationTransitionProblem(IdApplicationStatus.ACCEPTED, IdApplicationStatus.REJECTED)).toMatch(/final/);
  });
});
