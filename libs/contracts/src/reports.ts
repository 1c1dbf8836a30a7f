/**
 * Reports: their kinds, and the one shape every report takes (named tables with labelled columns), which the web
 * app draws and the CSV export writes.
 */
export enum ReportKind {
  OVERDUE_WORK = 'OVERDUE_WORK',
  OVERDUE_TREND = 'OVERDUE_TREND',
  RELEASE_READINESS = 'RELEASE_READINESS',
  PROVIDER_ACCOUNTABILITY = 'PROVIDER_ACCOUNTABILITY',
  REFERRAL_TIMELINESS = 'REFERRAL_TIMELINESS',
  ACCOMMODATION_OUTCOMES = 'ACCOMMODATION_OUTCOMES',
  ALERTS = 'ALERTS',
  KEYWORK = 'KEYWORK',
}

export type Cell = string | number | null;

export interface ReportColumn {
  key: string;
  label: string;
}

/**
 * Words the API says in English and the web says in the reader's language: a web catalogue key (`reportWords.LIVE`,
 * `role.COM`, `pathway.HEALTH`) and its arguments. An argument may itself be words, or a list of words (said as a
 * list); an argument named `task` is an API task title, which the web words by its own keys.
 */
export interface ReportWords {
  key: string;
  values?: Record<string, string | number | ReportWords | ReportWords[]>;
}

export interface ReportTable {
  key: string;
  title: string;
  columns: ReportColumn[];
  rows: Record<string, Cell>[];
  /**
   * The words of the cells the API words from codes (roles, pathways, statuses, reasons, what is missing), keyed
   * by the cell's English text; a cell with several items (`a; b`) has one words per item. Absent when no cell is.
   */
  words?: Record<string, ReportWords[]>;
}

export interface ReportResult {
  report: string;
  title: string;
  /** `words` is null when the label is a code (a prison or region), which is the same in every language. */
  scope: { label: string; words: ReportWords | null; prisonCodes: readonly string[] | null };
  period: { from: string; to: string } | null;
  generatedAt: string;
  /** How current the figures are, in words. */
  freshness: string;
  freshnessWords: ReportWords;
  /**
   * Which PostgreSQL server answered: the reporting replica (DATABASE_REPLICA_URL) or the primary, and how many
   * seconds the replica's replay was behind the primary when the report ran (0 on the primary).
   */
  readFrom: { server: 'primary' | 'replica'; behindSeconds: number };
  notes: string[];
  /** The notes' words, one for each note in the same order. */
  noteWords: ReportWords[];
  tables: ReportTable[];
}
