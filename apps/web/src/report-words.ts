/**
 * A report's words in the reader's language. The API words each report's title, its tables' titles and their
 * column headings in English (apps/api/src/reports); the web catalogues key them by the report's kind and the
 * stable keys the API gives tables and columns: `reportTitle.<KIND>`, `reportTable.<KIND>.<tableKey>`,
 * `reportColumn.<columnKey>` (`reportColumn.<KIND>.<columnKey>` where one key means different things in two
 * reports). English is shown exactly as the API words it; a key the catalogue does not know shows the API's words.
 */
import type { ReportColumn, ReportTable } from '@app/contracts';
import { currentLocale } from './i18n';
import { labelOf } from './format';

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
