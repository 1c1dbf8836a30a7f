/**
 * The release date's reason in the web catalogues (issue 18): for each kind of reason the domain gives, en.json's
 * `releaseDateReason.*` with the domain's words says exactly what the API says in English, and cy.json says it
 * in Welsh, so the Welsh panel means the same as the English one.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { chooseReleaseDate, CustodyStatus, PrecedenceDates, releaseDateReasonWords } from '@app/domain';

const I18N = resolve(__dirname, '../../apps/web/src/i18n');
const catalogue = (name: string) =>
  JSON.parse(readFileSync(join(I18N, `${name}.json`), 'utf8')) as Record<string, string>;
const en = catalogue('en');
const cy = catalogue('cy');

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
});
