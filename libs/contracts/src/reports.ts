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

export interface ReportTable {
  key: string;
  title: string;
  columns: ReportColumn[];
  rows: Record<string, Cell>[];
}

export interface ReportResult {
  report: string;
  title: string;
  scope: { label: string; prisonCodes: readonly string[] | null };
  period: { from: string; to: string } | null;
  generatedAt: string;
  /** How current the figures are, in words. */
  freshness: string;
  /**
   * Which PostgreSQL server answered: the reporting replica (DATABASE_REPLICA_URL) or the primary, and how many
   * seconds the replica's replay was behind the primary when the report ran (0 on the primary).
   */
  readFrom: { server: 'primary' | 'replica'; behindSeconds: number };
  notes: string[];
  tables: ReportTable[];
}
