/**
 * A report's words in the reader's language. The API words each report's title, its tables' titles and their
 * column headings in English (apps/api/src/reports); the web catalogues key them by the report's kind and the
 * stable keys the API gives tables and columns: `reportTitle.<KIND>`, `reportTable.<KIND>.<tableKey>`,
 * `reportColumn.<columnKey>` (`reportColumn.<KIND>.<columnKey>` where one key means different things in two
 * reports). Its scope, freshness line, notes and the cells it words from codes come with words beside the English
 * (`ReportWords`: a catalogue key and its arguments, an argument named `task` being a task title). English is shown
 * exactly as the API words it; a key the catalogue does not know shows the API's words.
 */
import type { Cell, ReportColumn, ReportResult, ReportTable, ReportWords } from '@app/contracts';
import { currentLocale, hasMessage, t } from './i18n';
import { labelOf } from './format';
import { taskTitle } from './task-title';

export function reportTitle(report: { report: string; title: string }): string {
  return currentLocale() === 'en' ? report.title : labelOf('reportTitle', report.report, report.title);
}

export function reportTableTitle(kind: string, table: Pick<ReportTable, 'key' | 'title'>): string {
  return currentLocale() === 'en' ? table.title : labelOf('reportTable', `${kind}.${table.key}`, table.title);
}

export function reportColumnLabel(kind: string, column: ReportColumn): string {
  if (currentLocale() === 'en') return column.label;
  return labelOf('reportColumn', `${kind}.${column.key}`, labelOf('reportColumn', column.key, column.label));
}

/** Words in the reader's language, or null when the catalogue lacks a key they use. */
function wordsText(words: ReportWords): string | null {
  if (!hasMessage(words.key)) return null;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(words.values ?? {})) {
    if (typeof value === 'object') {
      const texts = (Array.isArray(value) ? value : [value]).map(wordsText);
      if (texts.some((text) => text === null)) return null;
      values[name] = texts.join(', ');
    } else values[name] = name === 'task' && typeof value === 'string' ? taskTitle(value) : value;
  }
  return t(words.key, values);
}

/** The API's English, or in Welsh its words (the English where it gave none, or they use an unknown key). */
export function reportWordsText(english: string, words: ReportWords | null | undefined): string {
  if (currentLocale() === 'en' || !words) return english;
  return wordsText(words) ?? english;
}

export function reportScope(report: Pick<ReportResult, 'scope'>): string {
  return reportWordsText(report.scope.label, report.scope.words);
}

export function reportFreshness(report: Pick<ReportResult, 'freshness' | 'freshnessWords'>): string {
  return reportWordsText(report.freshness, report.freshnessWords);
}

export function reportNotes(report: Pick<ReportResult, 'notes' | 'noteWords'>): string[] {
  return report.notes.map((note, i) => reportWordsText(note, report.noteWords?.[i]));
}

/** A cell the API words from codes, in the reader's language: each of its items (`a; b`) worded, or as given. */
export function reportCellText(table: Pick<ReportTable, 'words'>, value: Cell): string | null {
  if (currentLocale() === 'en' || typeof value !== 'string' || !table.words?.[value]) return null;
  const items = table.words[value].map((words) => wordsText(words));
  return items.every((item) => item !== null) ? items.join('; ') : null;
}
