import { toCsv, welshFromCsv } from './translations-csv';

describe('the translators’ CSV', () => {
  const en = { 'a.one': 'Sign in, please', 'a.two': '{count, plural, one {# woman} other {# women}}' };
  const cy = { 'a.one': 'Mewngofnodwch', 'a.two': '{count, plural, one {# fenyw} other {# menyw}}' };

  it('round-trips the Welsh, commas, quotes and ICU braces included', () => {
    expect(welshFromCsv(toCsv(en, cy), en)).toEqual(cy);
  });

  it('refuses a key the catalogues do not have, so a typo cannot add a message', () => {
    expect(() => welshFromCsv('key,en,cy\na.three,x,y\n', en)).toThrow('a.three');
  });
});
