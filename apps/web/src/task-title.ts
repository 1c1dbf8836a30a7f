/**
 * A task's title in the reader's language. The API words titles in English (the task catalogue's templates in
 * libs/domain/src/default-task-catalogue.ts, and the tracking tasks the services title: keywork, referral stages,
 * missed sessions, POM allocation, ID documents). The web catalogues key each by its template key,
 * `taskTitle.<TEMPLATE_KEY>` (`.alternative` for a template's sentence-end-release alternative), and this finds
 * the key from the API's English title: board summaries and alerts carry the title but not the template key,
 * and a title an admin has changed, or a template an admin added, matches no key and is shown as the API words it.
 */
import en from './i18n/en.json';
import { currentLocale, hasMessage, MessageKey, MessageValues, t } from './i18n';
import { formatDate } from './format';

const PREFIX = 'taskTitle.';

/** English title -> key, for the titles with no arguments. */
const FIXED = new Map<string, MessageKey>(
  Object.entries(en)
    .filter(([key, text]) => key.startsWith(PREFIX) && !text.includes('{'))
    .map(([key, text]) => [text, key as MessageKey]),
);

/** The English words for each ID document, as the finance service puts them in a title (its label, lower case). */
const DOCUMENTS = new Map<string, string>(
  Object.entries(en)
    .filter(([key]) => key.startsWith('idDocument.'))
    .map(([key, text]) => [text, key]),
);

const ISO_DATE = '(\\d{4}-\\d{2}-\\d{2})';
const REFERENCE = '\\(([^()]+)\\)';

/**
 * The titles services build with data in them, read back into their arguments. Each pattern mirrors the service
 * that writes the title: keywork.ts keyworkTaskTitle, referral-stages.service.ts, missed-session-follow-ups.service.ts,
 * finance.service.ts (ID document applications).
 */
const BUILT: readonly { pattern: RegExp; key: string; values: (match: RegExpExecArray) => MessageValues | null }[] = [
  {
    pattern: new RegExp(`^Keywork session due by ${ISO_DATE} \\(every (?:week|(\\d+) weeks)\\)$`),
    key: 'KEYWORK_SESSION',
    values: (m) => ({ date: formatDate(m[1]), weeks: m[2] ? Number(m[2]) : 1 }),
  },
  ...['FIRST_CONTACT', 'ACTION_PLAN', 'APPROVAL', 'RESUBMISSION'].map((stage) => ({
    pattern: new RegExp(`^${escape(englishBeforeReference(`REFERRAL_${stage}`))}${REFERENCE}$`),
    key: `REFERRAL_${stage}`,
    values: (m: RegExpExecArray) => ({ reference: m[1] }),
  })),
  {
    pattern: new RegExp(`^Follow up missed CRS session (\\d+) ${REFERENCE}$`),
    key: 'CRS_MISSED_SESSION_FOLLOW_UP',
    values: (m) => ({ number: Number(m[1]), reference: m[2] }),
  },
  {
    pattern: new RegExp(`^Check her (.+) has arrived \\(applied ${ISO_DATE}\\)$`),
    key: 'ID_DOCUMENT',
    values: (m) => {
      const document = DOCUMENTS.get(m[1]);
      return document && hasMessage(document) ? { document: t(document), appliedOn: formatDate(m[2]) } : null;
    },
  },
];

/** The English of a referral stage's title before its reference ("Approve the CRS action plan "). */
function englishBeforeReference(key: string): string {
  const text = (en as Record<string, string>)[`${PREFIX}${key}`] ?? '';
  return text.slice(0, text.indexOf('({reference})'));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The title to show: in English exactly as the API words it; in Welsh from the catalogue when it knows the title. */
export function taskTitle(title: string): string {
  if (currentLocale() === 'en') return title;
  const fixed = FIXED.get(title);
  if (fixed) return t(fixed);
  for (const built of BUILT) {
    const match = built.pattern.exec(title);
    const key = `${PREFIX}${built.key}`;
    if (!match || !hasMessage(key)) continue;
    const values = built.values(match);
    if (values) return t(key, values);
  }
  return title;
}
