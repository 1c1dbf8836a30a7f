/**
 * Every report is a set of named tables with labelled columns. The web app draws them, the CSV export writes
 * them, and both read the same rows, so an export always matches the table on screen.
 */
import { stringify } from 'csv-stringify/sync';
import type { Cell, ReportColumn, ReportTable } from '@app/contracts';
export type { Cell, ReportColumn, ReportTable, ReportResult } from '@app/contracts';

export function column(key: string, label: string): ReportColumn {
  return { key, label };
}

/** A spreadsheet opens a cell that starts like a formula as one; a leading apostrophe keeps it text. */
function safeCell(value: Cell): Cell {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function tableToCsv(table: ReportTable): string {
  return stringify(
    table.rows.map((row) => table.columns.map((c) => safeCell(row[c.key] ?? null))),
    { header: true, columns: table.columns.map((c) => c.label), cast: { number: (n) => String(n) } },
  );
}
