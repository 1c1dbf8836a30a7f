/**
 * The release date's reason in the web catalogues (issue 18): for each kind of reason the domain gives, en.json's
 * `releaseDateReason.*` with the domain's words says exactly what the API says in English, and cy.json says it
 * in Welsh, so the Welsh panel means the same as the English one.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import {
  chooseReleaseDate,
  CustodyStatus,
  noReleaseDateReason,
  PrecedenceDates,
  RELEASED_REASON,
  releaseDateReasonWords,
  storedReasonWords,
} from '@app/domain';
import { webCatalogue } from '../setup/web-catalogues';

const en = webCatalogue('en');
const cy = webCatalogue('cy');

const CASES: Record<string, PrecedenceDates> = {
  'a confirmed date': { confirmedReleaseDate: '2027-01-14', conditionalReleaseDate: '2027-03-01' },
  'an actual parole date': { actualParoleDate: '2027-01-18' },
  'an HDC approved date': { hdcActualDate: '2027-01-20' },
  'a CRD as calculated': { conditionalReleaseDate: '2027-03-01' },
  'an ARD override': { automaticReleaseDate: '2027-02-17', automaticReleaseOverrideDate: '2027-02-18' },
  'the latest of a CRD and an NPD': { conditionalReleaseDate: '2027-03-01', nonParoleDate: '2027-02-01' },
  'the latest of all four': {
    automaticReleaseDate: '2027-02-17',
    conditionalReleaseDate: '2027-03-01',
    nonParoleDate: '2027-02-01',
    postRecallReleaseDate: '2027-01-14',
  },
  'a recall': {
    custodyStatus: CustodyStatus.RECALLED,
    postRecallReleaseDate: '2027-03-01',
    conditionalReleaseDate: '2027-01-14',
  },
};

describe('release date reasons in the web catalogues', () => {
  it.each(Object.entries(CASES))('words %s in English exactly as the API does, and in Welsh', (_, dates) => {
    const words = releaseDateReasonWords(dates);
    expect(words).not.toBeNull();
    const { key, values } = words as { key: string; values?: Record<string, string | number> };
    expect(new IntlMessageFormat(en[key], 'en-GB').format(values)).toBe(chooseReleaseDate(dates)?.reason);
    const welsh = String(new IntlMessageFormat(cy[key], 'cy-GB').format(values));
    expect(welsh).not.toBe(chooseReleaseDate(dates)?.reason);
    expect(welsh.length).toBeGreaterThan(10);
  });

  it('gives no words when she has no release date', () => {
    expect(releaseDateReasonWords({})).toBeNull();
  });

  const say = (catalogue: Record<string, string>, locale: string, words: ReturnType<typeof storedReasonWords>) =>
    String(new IntlMessageFormat(catalogue[words?.key ?? ''], locale).format(words?.values));

  it.each([
    ['no earlier dates', {}],
    ['an earlier CRD', { conditionalReleaseDate: '2027-01-14' }],
    ['an earlier ARD and NPD', { automaticReleaseDate: '2027-01-14', nonParoleDate: '2027-01-10' }],
    [
      'an earlier ARD, CRD and NPD',
      { automaticReleaseDate: '2027-01-14', conditionalReleaseDate: '2027-01-15', nonParoleDate: '2027-01-10' },
    ],
  ])('words a recall with no PRRD yet and %s exactly as the API does, and in Welsh', (_, dates: PrecedenceDates) => {
    const recalled = { ...dates, custodyStatus: CustodyStatus.RECALLED };
    const reason = noReleaseDateReason(recalled);
    const words = storedReasonWords(reason, recalled);
    expect(words?.key).toBe('releaseDateReason.recalledNoPrrd');
    expect(say(en, 'en-GB', words)).toBe(reason);
    expect(say(cy, 'cy-GB', words)).toMatch(/^Wedi’i hadalw/);
  });

  it('words a released woman’s reason, the chosen date’s, and nothing for a reason her dates no longer give', () => {
    expect(say(en, 'en-GB', storedReasonWords(RELEASED_REASON, {}))).toBe(RELEASED_REASON);
    const dates = { conditionalReleaseDate: '2027-03-01' };
    expect(storedReasonWords(chooseReleaseDate(dates)?.reason ?? null, dates)).toEqual(releaseDateReasonWords(dates));
    expect(storedReasonWords('A reason from before her dates changed', dates)).toBeNull();
    expect(storedReasonWords(null, dates)).toBeNull();
  });
});
