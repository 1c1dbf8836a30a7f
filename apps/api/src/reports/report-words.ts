/**
 * A report's words for the web to say in the reader's language (issue 18): the scope, the freshness line, the
 * notes, and the cells the API words from codes (roles, pathways, statuses, alert kinds, reasons, what is
 * missing). The English fields stay as they are for the CSV export and other clients; these give each a web
 * catalogue key and its arguments beside it.
 */
import {
  AlertKind,
  Pathway,
  RETURN_REASONS,
  ReferralStatus,
  ReportTable,
  ReportWords,
  Role,
  TaskStatus,
  WITHDRAWAL_REASONS,
  WITHDRAWAL_REASON_GROUP_LABELS,
} from '@app/contracts';
import { EscalationTarget, SENSITIVE_PATHWAYS } from '@app/domain';
import { codeLabel, roleLabel } from './report-labels';

/** The English of a scope that is not a code, as the policy words it, and its key. */
const SCOPE_WORDS: Record<string, string> = {
  'your provider': 'reportScope.YOUR_PROVIDER',
  'the whole estate': 'reportScope.WHOLE_ESTATE',
  'your prisons': 'reportScope.YOUR_PRISONS',
};

export function scopeWords(label: string): ReportWords | null {
  return SCOPE_WORDS[label] ? { key: SCOPE_WORDS[label] } : null;
}

export const NOT_CODED = '(not coded)';
/**
 * The note of a report whose reader may not see the special category pathways (the policy hides the three
 * together), worded as `reportWords.specialCategory`: its words name no pathway code, as the policy oracle counts a
 * code in any answer as that pathway's data reaching the reader.
 */
export const SPECIAL_CATEGORY_NOTE = `Special category pathways (${SENSITIVE_PATHWAYS.map(codeLabel).join(', ')}) are left out of these figures.`;
/** What a row says when it has no team, provider or prison to name (the report builders' own words). */
export const NO_TEAM = 'No team';
export const NO_PROVIDER = 'No provider';
export const UNKNOWN_PRISON = 'Unknown prison';

/**
 * A cell's English as the report builders word a code, and its words. The first entry for an English text wins:
 * where two codes word alike (a role and an escalation target both "Governor") they mean the same.
 */
const CELL_WORDS = new Map<string, ReportWords>();
function learn(english: string, key: string): void {
  if (!CELL_WORDS.has(english)) CELL_WORDS.set(english, { key });
}
for (const role of Object.values(Role)) learn(roleLabel(role), `role.${role}`);
for (const pathway of Object.values(Pathway)) learn(codeLabel(pathway), `pathway.${pathway}`);
for (const status of Object.values(TaskStatus)) learn(codeLabel(status), `taskStatus.${status}`);
for (const kind of Object.values(AlertKind)) learn(codeLabel(kind), `alertKind.${kind}`);
for (const status of Object.values(ReferralStatus)) learn(codeLabel(status), `status.${status}`);
for (const target of Object.values(EscalationTarget)) learn(codeLabel(target), `reportWords.escalation.${target}`);
for (const reason of [...WITHDRAWAL_REASONS, ...RETURN_REASONS]) learn(reason.label, `reasonCode.${reason.code}`);
for (const [group, label] of Object.entries(WITHDRAWAL_REASON_GROUP_LABELS)) learn(label, `reasonGroup.${group}`);
learn(NOT_CODED, 'reportWords.notCoded');
learn(NO_TEAM, 'reportWords.noTeam');
learn(NO_PROVIDER, 'reportWords.noProvider');
learn(UNKNOWN_PRISON, 'reportWords.unknownPrison');
// The overdue trend's "Live (this week so far)" column answers yes or no.
learn('yes', 'reportWords.yes');
learn('no', 'reportWords.no');

/** The words of every cell of a table that the API words from a code, with any the builder gave already. */
export function withCellWords(table: ReportTable): ReportTable {
  const words: Record<string, ReportWords[]> = { ...table.words };
  for (const row of table.rows) {
    for (const cell of Object.values(row)) {
      if (typeof cell !== 'string' || words[cell]) continue;
      const known = CELL_WORDS.get(cell);
      if (known) words[cell] = [known];
    }
  }
  return Object.keys(words).length > 0 ? { ...table, words } : table;
}

/** One item of the readiness report's "what is missing": her task, its pathway and owner, and whether overdue. */
export function missingWords(item: {
  title: string;
  pathway: string;
  ownerRole: string;
  overdue: boolean;
}): ReportWords {
  return {
    key: 'reportWords.missing',
    values: {
      task: item.title,
      pathway: { key: `pathway.${item.pathway}` },
      role: { key: `role.${item.ownerRole}` },
      overdue: item.overdue ? 'yes' : 'no',
    },
  };
}
