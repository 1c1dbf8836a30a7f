/**
 * Every task title the API words in its default setup has Welsh in the web catalogues: each template of the task
 * catalogue and its sentence-end-release alternative as `taskTitle.<TEMPLATE_KEY>` (`.alternative`), worded in
 * en.json exactly as the domain words it (apps/web/src/task-title.ts finds the key by the API's English title),
 * and the titles the services build (keywork, referral stages, missed sessions) with their arguments.
 * apps/web/src/task-title.spec.ts checks the built titles are read back into those arguments.
 */
import {
  DEFAULT_TASK_CATALOGUE,
  ID_DOCUMENT_ISSUERS,
  MISSED_SESSION_FOLLOW_UP,
  REFERRAL_STAGE_RULES,
  keyworkTaskTitle,
  stageTemplateKey,
} from '@app/domain';
import { webCatalogue } from '../setup/web-catalogues';

const en = webCatalogue('en');
const cy = webCatalogue('cy');

const TEMPLATES = DEFAULT_TASK_CATALOGUE.flatMap((template) => [
  [template.key, template.title] as const,
  ...(template.ineligibleAlternative
    ? [[`${template.key}.alternative`, template.ineligibleAlternative.title] as const]
    : []),
]);

describe('task titles in the web catalogues', () => {
  it.each(TEMPLATES)('taskTitle.%s is the template title in English and has Welsh', (key, title) => {
    expect(en[`taskTitle.${key}`]).toBe(title);
    expect(cy[`taskTitle.${key}`]).toBeTruthy();
    expect(cy[`taskTitle.${key}`]).not.toBe(title);
  });

  it('words no two templates alike, so a title finds one key', () => {
    const titles = Object.entries(en)
      .filter(([key]) => key.startsWith('taskTitle.'))
      .map(([, text]) => text);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('has the referral stage and missed-session titles with the reference the services add', () => {
    for (const rule of REFERRAL_STAGE_RULES) {
      expect(en[`taskTitle.${stageTemplateKey(rule.stage)}`]).toBe(`${rule.title} ({reference})`);
    }
    expect(en['taskTitle.CRS_MISSED_SESSION_FOLLOW_UP']).toBe(
      `${MISSED_SESSION_FOLLOW_UP.title} {number} ({reference})`,
    );
  });

  it('has the keywork title as keywork.ts words it', () => {
    expect(keyworkTaskTitle('2026-12-07', 1)).toBe('Keywork session due by 2026-12-07 (every week)');
    expect(keyworkTaskTitle('2026-12-07', 2)).toBe('Keywork session due by 2026-12-07 (every 2 weeks)');
    expect(en['taskTitle.KEYWORK_SESSION']).toContain('Keywork session due by {date}');
  });

  it('has each ID document as the finance service puts it in a title (its label in lower case)', () => {
    for (const [type, issuer] of Object.entries(ID_DOCUMENT_ISSUERS)) {
      expect(en[`idDocument.${type}`]).toBe(issuer.label.toLowerCase());
      expect(cy[`idDocument.${type}`]).toBeTruthy();
    }
  });
});
