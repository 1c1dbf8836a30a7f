/**
 * releaseDateProblems over the dates HMPPS holds beyond the release dates (NPD, PRRD, SED, LED, SLED, TUSED and
 * the overrides), each rule one that no real sentence breaks. Sources: ministryofjustice/prison-api
 * SentenceCalcDates (the date names and their overrides), ministryofjustice/calculate-release-dates-api
 * ReleaseDateType (SLED is SED and LED on one day), Criminal Justice Act 2003 s.256AA (top-up supervision
 * follows the licence).
 */
import { releaseDateProblems } from './release-date';

const fieldsOf = (input: Parameters<typeof releaseDateProblems>[0]): string[] =>
  releaseDateProblems(input).map((p) => p.field);

// Sentence start Mon 1 Mar 2027; release Wed 1 Mar 2028; licence to Thu 1 Mar 2029; top-up to Fri 1 Mar 2030.
const SSD = '2027-03-01';
const CRD = '2028-03-01';
const LED = '2029-03-01';
const TUSED = '2030-03-01';

describe('releaseDateProblems: expiry dates and overrides', () => {
  it('finds nothing wrong with a CRD, a SLED and a TUSED in their order', () => {
    expect(
      fieldsOf({
        sentenceStartDate: SSD,
        conditionalReleaseDate: CRD,
        sentenceAndLicenceExpiryDate: LED,
        topupSupervisionExpiryDate: TUSED,
      }),
    ).toEqual([]);
  });

  it('reports a CRD after the sentence expires (Fri 1 Mar 2030 after SED Thu 1 Mar 2029)', () => {
    expect(fieldsOf({ conditionalReleaseDate: '2030-03-01', sentenceExpiryDate: LED })).toEqual([
      'conditionalReleaseDate',
    ]);
  });

  it('names the CRD override when it is the date after the SED, not the calculated CRD', () => {
    expect(
      fieldsOf({ conditionalReleaseDate: CRD, conditionalReleaseOverrideDate: '2030-03-01', sentenceExpiryDate: LED }),
    ).toEqual(['conditionalReleaseOverrideDate']);
  });

  it('reports a PRRD after the SLED, and an ARD after the SED override', () => {
    expect(fieldsOf({ postRecallReleaseDate: '2030-03-01', sentenceAndLicenceExpiryDate: LED })).toEqual([
      'postRecallReleaseDate',
    ]);
    expect(
      fieldsOf({
        automaticReleaseDate: CRD,
        sentenceExpiryDate: '2029-03-01',
        sentenceExpiryOverrideDate: '2028-02-01',
      }),
    ).toEqual(['automaticReleaseDate']);
  });

  it('lets an SED override stand for a calculated SED it corrects', () => {
    expect(
      fieldsOf({ conditionalReleaseDate: CRD, sentenceExpiryDate: '2028-02-01', sentenceExpiryOverrideDate: LED }),
    ).toEqual([]);
  });

  it('reports an LED before the CRD or the PRRD: her licence starts at release', () => {
    expect(fieldsOf({ conditionalReleaseDate: CRD, licenceExpiryDate: '2028-02-01' })).toEqual(['licenceExpiryDate']);
    expect(fieldsOf({ postRecallReleaseDate: CRD, licenceExpiryOverrideDate: '2028-02-01' })).toEqual([
      'licenceExpiryOverrideDate',
    ]);
  });

  it('accepts an LED on the release day itself (Wed 1 Mar 2028)', () => {
    expect(fieldsOf({ conditionalReleaseDate: CRD, licenceExpiryDate: CRD })).toEqual([]);
  });

  it('reports a TUSED on or before the licence expiry: top-up supervision follows the licence', () => {
    expect(fieldsOf({ licenceExpiryDate: LED, topupSupervisionExpiryDate: LED })).toEqual([
      'topupSupervisionExpiryDate',
    ]);
    expect(fieldsOf({ sentenceAndLicenceExpiryDate: LED, topupSupervisionExpiryDate: '2029-02-01' })).toEqual([
      'topupSupervisionExpiryDate',
    ]);
  });

  it('reports a SLED given beside a different SED, and accepts one beside the same SED', () => {
    expect(fieldsOf({ sentenceAndLicenceExpiryDate: LED, sentenceExpiryDate: '2029-04-02' })).toEqual([
      'sentenceAndLicenceExpiryDate',
    ]);
    expect(fieldsOf({ sentenceAndLicenceExpiryDate: LED, sentenceExpiryDate: LED })).toEqual([]);
  });

  it('holds the new dates to the sentence start and reception like the others', () => {
    expect(fieldsOf({ receptionDate: '2027-05-03', postRecallReleaseDate: '2027-04-30' })).toEqual([
      'postRecallReleaseDate',
    ]);
    expect(fieldsOf({ sentenceStartDate: SSD, nonParoleOverrideDate: '2027-02-26' })).toEqual([
      'nonParoleOverrideDate',
    ]);
  });

  it('reports an NPD that is not a real date (Tue 30 Feb)', () => {
    expect(fieldsOf({ nonParoleDate: '2027-02-30' })).toEqual(['nonParoleDate']);
  });
});
