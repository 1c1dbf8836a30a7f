/** Each case's checker figures, appended to the run's results file and printed by the teardown as one table. */
import { appendFileSync } from 'node:fs';
import { readFaultRunSettings } from '../setup/fault-settings';

export interface CaseResult {
  case: string;
  /** Client deliveries and alert rows the checker compared with the database. */
  eventsChecked: number;
  lost: number;
  doubled: number;
  outOfOrder: number;
  /** From the fault to the checker's last condition holding. */
  recoveryMs: number | null;
  note?: string;
}

export function recordResult(result: CaseResult): void {
  appendFileSync(readFaultRunSettings().resultsFile, `${JSON.stringify(result)}\n`);
}

export function formatTable(rows: CaseResult[]): string {
  const header = ['case', 'events checked', 'lost', 'doubled', 'out of order', 'recovery'];
  const body = rows.map((r) => [
    r.case,
    String(r.eventsChecked),
    String(r.lost),
    String(r.doubled),
    String(r.outOfOrder),
    r.recoveryMs === null ? '-' : `${(r.recoveryMs / 1000).toFixed(1)} s`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const clean = rows.filter((r) => r.lost === 0 && r.doubled === 0 && r.outOfOrder === 0).length;
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    `fault suite: ${rows.length} case(s) checked, ${clean} with nothing lost, doubled or out of order`,
  ].join('\n');
}
