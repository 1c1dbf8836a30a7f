/**
 * The web app's message catalogues (apps/web/src/i18n/en.json and cy.json) are complete and consistent, and no
 * user-visible English is left in its source: the check a translator's change, and every new screen, must pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse, TYPE, MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { API_ERROR_CODES } from '@app/contracts';
import { findLiteralStrings } from '../../scripts/i18n/literal-strings';
import { webCatalogue } from '../setup/web-catalogues';

const ROOT = resolve(__dirname, '../..');
const WEB = join(ROOT, 'apps/web/src');
const en = webCatalogue('en');
const cy = webCatalogue('cy');

/** Argument names and, for plurals and selects, which cases the message gives. */
function argumentsOf(elements: MessageFormatElement[], into = new Map<string, string>()): Map<string, string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.set(element.value, TYPE[element.type]);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
  }
  return into;
}

function pluralCategories(elements: MessageFormatElement[], into: string[][] = []): string[][] {
  for (const element of elements) {
    if (element.type === TYPE.plural) {
      into.push(Object.keys(element.options));
      for (const option of Object.values(element.options)) pluralCategories(option.value, into);
    }
    if (element.type === TYPE.select)
      for (const option of Object.values(element.options)) pluralCategories(option.value, into);
  }
  return into;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

describe('the web catalogues', () => {
  it('have the same keys in English and Welsh', () => {
    expect(Object.keys(cy).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s: has words in both languages, parses, and takes the same arguments', (key) => {
    expect(en[key].trim()).not.toBe('');
    expect((cy[key] ?? '').trim()).not.toBe('');
    const english = argumentsOf(parse(en[key]));
    const welsh = argumentsOf(parse(cy[key]));
    expect([...welsh.entries()].sort()).toEqual([...english.entries()].sort());
  });

  it('gives every Welsh plural the categories Welsh counts by (zero, one, two, few, many, other) or exact cases', () => {
    const incomplete = Object.keys(cy).filter((key) =>
      pluralCategories(parse(cy[key])).some((cases) => {
        const exact = cases.filter((c) => c.startsWith('='));
        const named = cases.filter((c) => !c.startsWith('='));
        // A plural whose own cases are all exact (=0) plus other is complete; otherwise every Welsh category.
        if (named.length === 1 && exact.length > 0) return false;
        return ['zero', 'one', 'two', 'few', 'many', 'other'].some((category) => !named.includes(category));
      }),
    );
    expect(incomplete).toEqual([]);
  });

  it('words every API error code in both languages (libs/contracts api-errors.ts)', () => {
    const missing = API_ERROR_CODES.filter((code) => !en[`apiError.${code}`] || !cy[`apiError.${code}`]);
    expect(missing).toEqual([]);
  });

  it('leave no user-visible English literal in the web source', () => {
    const findings = sourceFiles(WEB).flatMap((file) =>
      findLiteralStrings(readFileSync(file, 'utf8'), file).map((f) => `${relative(ROOT, file)}:${f.line}: ${f.text}`),
    );
    expect(findings).toEqual([]);
  });
});
