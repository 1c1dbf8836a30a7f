/**
 * A fingerprint of every table (row count and a digest of the rows), so a test can tell that a refused request
 * wrote nothing anywhere: not the audit trail, not the outbox, not the tables the operation itself would write.
 */
import type { DataSource } from 'typeorm';

export type Snapshot = Record<string, { rows: number; digest: string }>;

export async function tablesOf(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations'
      ORDER BY table_name`,
  );
  return rows.map((r) => r.name);
}

export async function snapshot(dataSource: DataSource, tables: string[]): Promise<Snapshot> {
  const sql = tables
    .map(
      (table) =>
        `SELECT '${table}' AS name, count(*)::int AS rows,
                md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest
           FROM "${table}" t`,
    )
    .join(' UNION ALL ');
  const rows: { name: string; rows: number; digest: string }[] = await dataSource.query(sql);
  return Object.fromEntries(rows.map((r) => [r.name, { rows: r.rows, digest: r.digest }]));
}

/** The tables whose rows differ between two snapshots, with their counts before and after. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return Object.keys({ ...before, ...after })
    .filter((name) => before[name]?.digest !== after[name]?.digest)
    .map((name) => `${name} (${before[name]?.rows ?? 0} -> ${after[name]?.rows ?? 0} rows)`);
}
