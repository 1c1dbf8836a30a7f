import { normaliseSurname, recallEvidenceMismatches } from './recall-evidence';

const record = { prisonNumber: 'A1234BC', lastName: "O'Brien-Smith", dateOfBirth: '1990-05-17' };

describe('recall evidence', () => {
  it('matches when prison number, surname and date of birth all agree, as reception would write them', () => {
    expect(recallEvidenceMismatches(record, { ...record })).toEqual([]);
    expect(
      recallEvidenceMismatches(record, {
        prisonNumber: ' a1234bc ',
        lastName: '  o’brien-SMITH ',
        dateOfBirth: '1990-05-17',
      }),
    ).toEqual([]);
  });

  it('names each part that does not match, for the audit trail', () => {
    expect(recallEvidenceMismatches(record, { ...record, dateOfBirth: '1990-05-18' })).toEqual(['dateOfBirth']);
    expect(recallEvidenceMismatches(record, { ...record, lastName: 'Brien-Smith' })).toEqual(['lastName']);
    expect(
      recallEvidenceMismatches(record, { ...record, lastName: 'OBrien Smith', dateOfBirth: '1990-17-05' }),
    ).toEqual(['lastName', 'dateOfBirth']);
  });

  it('treats no record, another number or a malformed number as a prison number mismatch, whatever else agrees', () => {
    expect(recallEvidenceMismatches(null, record)).toEqual(['prisonNumber']);
    expect(recallEvidenceMismatches(record, { ...record, prisonNumber: 'A1234BD' })).toEqual(['prisonNumber']);
    expect(recallEvidenceMismatches(record, { ...record, prisonNumber: 'A1234B' })).toEqual(['prisonNumber']);
  });

  it('does not let near misses through: swapped day and month, or a partial surname', () => {
    expect(recallEvidenceMismatches(record, { ...record, dateOfBirth: '1990-17-05' })).toEqual(['dateOfBirth']);
    expect(recallEvidenceMismatches(record, { ...record, lastName: "O'Brien" })).toEqual(['lastName']);
    expect(normaliseSurname('  De   la Cruz ')).toBe('de la cruz');
  });
});
