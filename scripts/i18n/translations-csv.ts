/**
 * A translator's round trip without editing JSON: `export` writes every message as key,English,Welsh to a CSV
 * (opens in a spreadsheet); `import` reads the Welsh column of such a file back into apps/web/src/i18n/cy.json,
 * refusing a key the catalogues do not have. The unit check (test/workspace/web-catalogues.spec.ts) then says
 * whether each message still parses and keeps its arguments.
 *
 *   node dist/scripts/i18n/translations-csv.js export welsh.csv
 *   node dist/scripts/i18n/translations-csv.js import welsh.csv
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const CATALOGUES = resolve(__dirname, '../../../apps/web/src/i18n');
const read = (name: string) =>
  JSON.parse(readFileSync(resolve(CATALOGUES, `${name}.json`), 'utf8')) as Record<string, string>;

export function toCsv(en: Record<string, string>, cy: Record<string, string>): string {
  return stringify([['key', 'en', 'cy'], ...Object.keys(en).map((key) => [key, en[key], cy[key] ?? ''])]);
}

export function welshFromCsv(csv: string, en: Record<string, string>): Record<string, string> {
  const rows = parse<{ key: string; cy: string }>(csv, { columns: true, skip_empty_lines: true });
  const unknown = rows.filter((row) => !(row.key in en)).map((row) => row.key);
  if (unknown.length > 0) throw new Error(`keys not in en.json: ${unknown.join(', ')}`);
  const welsh = new Map(rows.map((row) => [row.key, row.cy]));
  return Object.fromEntries(Object.keys(en).map((key) => [key, welsh.get(key) ?? '']));
}

function main([command, file]: string[]): void {
  if (!file || (command !== 'export' && command !== 'import')) {
    throw new Error('usage: translations-csv export|import <file.csv>');
  }
  const en = read('en');
  if (command === 'export') writeFileSync(file, toCsv(en, read('cy')));
  else
    writeFileSync(
      resolve(CATALOGUES, 'cy.json'),
      `${JSON.stringify(welshFromCsv(readFileSync(file, 'utf8'), en), null, 2)}\n`,
    );
}

if (require.main === module) main(process.argv.slice(2));
