import {
  expectedArrival,
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
    // Release Friday 2026-06-26; arrive by Friday 2026-06-19; 56 days before that is Friday 2026-04-24.
    expect(latestApplicationDate(IdDocumentType.NATIONAL_INSURANCE_NUMBER_LETTER, '2026-06-26')).toBe('2026-04-24');
  });

  it('warns when applying today is already too late for the normal route', () => {
    const timing = idDocumentTiming(IdDocumentType.NATIONAL_INSURANCE_NUMBER_LETTER, '2026-06-26', '2026-05-01');
    expect(timing.feasibleBeforeRelease).toBe(false);
    expect(timing.warning).toMatch(/about 8 weeks/);
    expect(idDocumentTiming(IdDocumentType.NATIONAL_INSURANCE_NUMBER_LETTER, '2026-06-26', '2026-04-24')).toEqual({
      applyBy: '2026-04-24',
      feasibleBeforeRelease: true,
      warning: null,
    });
  });

  it('cannot time anything without a release date', () => {
    expect(idDocumentTiming(IdDocumentType.BIRTH_CERTIFICATE, null, '2026-05-01').applyBy).toBeNull();
  });

  it('lets an application end only once', () => {
    expect(idApplicationTransitionProblem(IdApplicationStatus.APPLIED, IdApplicationStatus.ACCEPTED)).toBeNull();
    expect(idApplicationTransitionProblem(IdApplicationStatus.ACCEPTED, IdApplicationStatus.REJECTED)).toMatch(/final/);
  });
});
