/**
 * Percentiles and the printed table of a benchmark run. Measures nothing itself: it summarises samples
 * (milliseconds) and lays out figures side by side with their bare-library counterparts.
 */
export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  min: number;
}

/** Nearest-rank percentile of an ascending array (p in 0..100); NaN when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarise(samples: Iterable<number>): Summary {
  const sorted = Float64Array.from(samples).sort();
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    min: sorted.length ? sorted[0] : Number.NaN,
  };
}

export function ms(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  if (Math.abs(value) >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (Math.abs(value) >= 1000) return `${(value / 1000).toFixed(2)} s`;
  return `${value.toFixed(1)} ms`;
}

/**
 * How many times the bare library's figure Resettle's is. Latencies of a millisecond or less are noise
 * against a ratio, so both sides are floored at 1 ms and the ratio is marked when that happened.
 */
export function ratio(resettle: number | null | undefined, bare: number | null | undefined): string {
  if (resettle === null || resettle === undefined || bare === null || bare === undefined) return 'n/a';
  if (Number.isNaN(resettle) || Number.isNaN(bare)) return 'n/a';
  const floored = Math.abs(bare) < 1 || Math.abs(resettle) < 1;
  const r = Math.max(resettle, 1) / Math.max(bare, 1);
  return `${r >= 100 ? r.toFixed(0) : r.toFixed(1)}x${floored ? ' (≥1 ms floor)' : ''}`;
}

export type Row = (string | number)[];

/** A plain-text table: columns padded to their widest cell. */
export function table(headers: string[], rows: Row[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: Row) => cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(line)].join('\n');
}

/** The same table as Markdown. */
export function markdownTable(headers: string[], rows: Row[]): string {
  const esc = (c: string | number) => String(c).replace(/\|/g, '\\|');
  return [
    `| ${headers.map(esc).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}
