/**
 * The Welsh browser test's oracle (test/setup/english-words.ts) can fail: it finds an English word in Welsh text,
 * whatever the word, and passes Welsh, data and the catalogue's own words.
 */
import { catalogueWords, englishWordsIn, withoutData, wordsOf } from '../setup/english-words';
import { webCatalogue } from '../setup/web-catalogues';

const cy = webCatalogue('cy');
const welsh = catalogueWords(cy);

describe('the English-word oracle of the Welsh pages', () => {
  it('finds the one English word in a Welsh line, whatever the word', () => {
    expect(englishWordsIn('Tasgau ar agor: 3 · Yn hwyr · Scope: Styal', { data: [], welsh })).toEqual(['scope']);
    expect(englishWordsIn('Llwybrau: Accommodation, Iechyd', { data: [], welsh })).toEqual(['accommodation']);
  });

  it('passes a line of the Welsh catalogue’s own words', () => {
    const line = `${cy['board.title']?.replace('{prison}', 'STI') ?? ''} ${cy['panel.addNote'] ?? ''} ${cy['settings.language'] ?? ''}`;
    expect(line.trim()).not.toBe('');
    expect(englishWordsIn(line, { data: [], welsh })).toEqual([]);
  });

  it('takes out data, the longest first, before it judges the words', () => {
    const text = 'Nodyn gan Sam Officer: Needs a bank account';
    expect(englishWordsIn(text, { data: [], welsh })).toEqual(expect.arrayContaining(['officer', 'needs', 'bank']));
    expect(englishWordsIn(text, { data: ['Sam Officer', 'Needs a bank account'], welsh })).toEqual([]);
    expect(withoutData('Jane Test, Test', ['Test', 'Jane Test'])).toBe(' ,  ');
  });

  it('judges no word shorter than three letters, and reads the catalogue’s words, not its ICU syntax', () => {
    expect(englishWordsIn('Mae hi yn y car am 2', { data: [], welsh: new Set() })).toEqual(['mae', 'car']);
    expect(catalogueWords({ k: '{count, plural, one {# fenyw} other {# menyw}}' })).toEqual(
      new Set(['fenyw', 'menyw']),
    );
    expect(wordsOf('wedi’i hawlio')).toEqual(['wedi', 'i', 'hawlio']);
  });
});
