/**
 * The oracle of the Welsh browser test (issue 18): which words of a page's text are English. It knows no list of
 * English the app might show; it looks at every word. After the data is taken out of the text (what people typed
 * and reference data, which no language switch translates), a word of three or more letters that is an English
 * word (the dictionary of `an-array-of-english-words`, ~275,000 words) and that the Welsh catalogue does not use
 * itself (Welsh shares a few spellings with English, `dim`, `gan`, and the catalogue keeps a few English names,
 * `GOV.UK Notify`, `COM`) is English on a Welsh page. Words are runs of letters, compared in lower case.
 */
import { readFileSync } from 'node:fs';
import { parse, TYPE, MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** Words shorter than this are not judged: Welsh and English share too many (`a`, `i`, `yn`, `ac`, `am`). */
const SHORTEST = 3;

let dictionary: ReadonlySet<string> | undefined;

/** The English dictionary, read once: the package is a plain JSON array of lower-case words. */
export function englishDictionary(): ReadonlySet<string> {
  dictionary ??= new Set(JSON.parse(readFileSync(require.resolve('an-array-of-english-words'), 'utf8')) as string[]);
  return dictionary;
}

/** The words of a text: runs of letters (so `wedi’i` is `wedi` and `i`), in lower case. */
export function wordsOf(text: string): string[] {
  return (text.match(/\p{L}+/gu) ?? []).map((word) => word.toLowerCase());
}

function literals(elements: MessageFormatElement[], into: string[] = []): string[] {
  for (const element of elements) {
    if (element.type === TYPE.literal) into.push(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) literals(option.value, into);
    }
    if (element.type === TYPE.tag) literals(element.children, into);
  }
  return into;
}

/**
 * The words a catalogue's messages use themselves: the text between their arguments, not the ICU syntax
 * (`plural`, `other`, `few`) nor the arguments' names.
 */
export function catalogueWords(messages: Record<string, string>): Set<string> {
  return new Set(Object.values(messages).flatMap((message) => literals(parse(message)).flatMap(wordsOf)));
}

/** The text with every data value taken out, the longest first (so a full name goes before its surname). */
export function withoutData(text: string, data: Iterable<string>): string {
  const values = [...new Set(data)].filter((value) => value.trim().length > 0).sort((a, b) => b.length - a.length);
  let rest = text;
  for (const value of values) rest = rest.split(value).join(' ');
  return rest;
}

/**
 * The English words of a Welsh page's text, each once, in the order they first show: what is left after the data
 * is taken out that is an English word and not a word of the Welsh catalogue.
 */
export function englishWordsIn(
  text: string,
  options: { data: Iterable<string>; welsh: ReadonlySet<string> },
): string[] {
  const english = englishDictionary();
  const found = wordsOf(withoutData(text, options.data)).filter(
    (word) => word.length >= SHORTEST && english.has(word) && !options.welsh.has(word),
  );
  return [...new Set(found)];
}
