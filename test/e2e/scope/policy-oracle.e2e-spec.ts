/**
 * The policy oracle: for every user of the fixture (every role, in scope and elsewhere) and every GET operation
 * of the API's own OpenAPI document (generated, not a hand list; CSV exports of reports included), the answer
 * carries nothing the visibility policy forbids. What is forbidden is worked out from the policy module itself
 * (VISIBILITY, referralVisibility, canSeeTask, canSeeTaskNotes, accessScopeFor), never from per-role examples;
 * and an operation must declare the data kinds it exposes (x-data-kinds), or it fails.
 */
import {
  AUDIT_ENTITY_KINDS,
  DataKind,
  Pathway,
  Role,
  SENSITIVE_FLAGS,
  SENSITIVE_PATHWAYS,
  TaskStatus,
  accessScopeFor,
  inComCaseload,
  canSeeTask,
  canSeeTaskNotes,
  mayView,
  referralVisibility,
} from '@app/domain';
import type { TaskView } from '@app/contracts';
import { AppProcess, startApp } from '../../setup/app-process';
import { expandOperation, GetOperation, readGetOperations } from '../../setup/get-operations';
import { expectDocumentedAnswer } from '../../setup/response-contract';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  ORACLE_USERS,
  OracleUser,
  OracleUserAccount,
  PolicyFixture,
  bringDeadlinesForward,
  buildPolicyFixture,
} from '../../factories';

jest.setTimeout(300_000);

/** Something the policy guards, findable in any answer. */
interface Token {
  label: string;
  pattern: RegExp;
  /** Whose data it is; null for vocabulary (a pathway or flag code), which reference data may name. */
  about: 'a' | 'b' | null;
  /** The kinds it belongs to: an operation must declare them all to answer with it. */
  kinds(user: OracleUserAccount): DataKind[];
  /** Whether the visibility policy lets this user see it (her scope aside). */
  allowed(user: OracleUserAccount): boolean;
}

/** A code as a whole word: HEALTH, but not the HEALTH of MENTAL_HEALTH or of HEALTH_GP_REGISTRATION. */
function code(value: string): RegExp {
  return new RegExp(`(?<![A-Z_])${value}(?![A-Z_])`);
}

function literal(value: string): RegExp {
  return new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

describe('policy oracle: every GET, every role', () => {
  let api: TestApi;
  let worker: AppProcess;
  let fixture: PolicyFixture;
  let operations: GetOperation[];
  let tokens: Token[];
  /** Tokens some user was allowed to see and did see: proof the negative checks look for real text. */
  const seen = new Set<string>();

  function kindsOfTask(user: OracleUserAccount, task: TaskView): DataKind[] {
    if (SENSITIVE_PATHWAYS.includes(task.pathway)) return [DataKind.SENSITIVE_PATHWAYS];
    return [task.ownerRole === user.role ? DataKind.TASKS : DataKind.OTHER_ROLES_TASKS];
  }

  function allKinds(...kinds: DataKind[]): Pick<Token, 'kinds' | 'allowed'> {
    return { kinds: () => kinds, allowed: (user) => kinds.every((k) => mayView(user.role, k)) };
  }

  function buildTokens(): Token[] {
    const { texts, women, referrals, tasksA } = fixture;
    const referralFacts = (r: typeof referrals.sent) => ({
      providerId: r.providerId,
      status: r.status,
      pathways: r.pathways.map((p) => p.pathway),
    });
    const sent = referralFacts(referrals.sent);
    const draft = referralFacts(referrals.draft);
    const list: Token[] = [
      {
        label: 'her first name',
        pattern: literal(texts.womanAFirstName),
        about: 'a',
        ...allKinds(DataKind.WOMAN_RECORD),
      },
      {
        label: 'her prison number',
        pattern: literal(women.a.prisonNumber),
        about: 'a',
        ...allKinds(DataKind.WOMAN_RECORD),
      },
      {
        label: 'B’s last name',
        pattern: literal(texts.womanBLastName),
        about: 'b',
        ...allKinds(DataKind.WOMAN_RECORD),
      },
      {
        label: 'B’s prison number',
        pattern: literal(women.b.prisonNumber),
        about: 'b',
        ...allKinds(DataKind.WOMAN_RECORD),
      },
      ...SENSITIVE_FLAGS.filter((f) => !(SENSITIVE_PATHWAYS as string[]).includes(f)).map((flag): Token => ({
        label: `flag ${flag}`,
        pattern: code(flag),
        about: null,
        ...allKinds(DataKind.SENSITIVE_FLAGS),
      })),
      ...SENSITIVE_PATHWAYS.map((pathway): Token => ({
        label: `pathway code ${pathway}`,
        pattern: code(pathway),
        about: null,
        kinds: () => [DataKind.SENSITIVE_PATHWAYS],
        // A provider's caseworker sees the special category pathways of a referral sent to her provider.
        allowed: (user) =>
          mayView(user.role, DataKind.SENSITIVE_PATHWAYS) ||
          (referralVisibility(user, sent).visible &&
            sent.pathways.includes(pathway) &&
            !referralVisibility(user, sent).hiddenPathways.includes(pathway)),
      })),
      ...tasksA.map((task): Token => ({
        label: `task ${task.title} (${task.pathway}, ${task.ownerRole}) id`,
        pattern: literal(task.id),
        about: 'a',
        kinds: (user) => kindsOfTask(user, task),
        allowed: (user) => canSeeTask(user.role, task),
      })),
      ...[...texts.taskNotes].map(([taskId, text]): Token => {
        const task = tasksA.find((t) => t.id === taskId) as TaskView;
        return {
          label: `note on ${task.title} (${task.pathway}, ${task.ownerRole})`,
          pattern: literal(text),
          about: 'a',
          kinds: (user) => [...kindsOfTask(user, task), DataKind.TASK_NOTES],
          allowed: (user) => canSeeTaskNotes(user.role, task),
        };
      }),
      {
        label: 'assessment note',
        pattern: literal(texts.assessmentNote),
        about: 'a',
        ...allKinds(DataKind.ASSESSMENTS),
      },
      { label: 'pathway note', pattern: literal(texts.pathwayNote), about: 'a', ...allKinds(DataKind.ASSESSMENTS) },
      {
        label: 'health pathway note',
        pattern: literal(texts.sensitivePathwayNote),
        about: 'a',
        ...allKinds(DataKind.ASSESSMENTS, DataKind.SENSITIVE_PATHWAYS),
      },
      {
        label: 'draft referral id',
        pattern: literal(referrals.draft.id),
        about: 'a',
        kinds: () => [DataKind.REFERRAL_DRAFTS],
        allowed: (user) => referralVisibility(user, draft).visible,
      },
      {
        label: 'draft referral reference',
        pattern: literal(referrals.draft.reference),
        about: 'a',
        kinds: () => [DataKind.REFERRAL_DRAFTS],
        allowed: (user) => referralVisibility(user, draft).visible,
      },
      {
        label: 'draft risk summary',
        pattern: literal(texts.draftRiskSummary),
        about: 'a',
        kinds: () => [DataKind.REFERRAL_DRAFTS, DataKind.RISK_INFORMATION],
        allowed: (user) => referralVisibility(user, draft).riskInformation,
      },
      {
        label: 'sent referral id',
        pattern: literal(referrals.sent.id),
        about: 'a',
        kinds: () => [DataKind.REFERRALS],
        allowed: (user) => referralVisibility(user, sent).visible,
      },
      {
        label: 'sent risk summary (RoSH)',
        pattern: literal(texts.sentRiskSummary),
        about: 'a',
        kinds: () => [DataKind.RISK_INFORMATION],
        allowed: (user) => referralVisibility(user, sent).riskInformation,
      },
      {
        label: 'sent additional information',
        pattern: literal(texts.sentAdditionalInformation),
        about: 'a',
        kinds: () => [DataKind.RISK_INFORMATION],
        allowed: (user) => referralVisibility(user, sent).riskInformation,
      },
      {
        label: 'release-day notes',
        pattern: literal(texts.releaseDayNotes),
        about: 'a',
        ...allKinds(DataKind.RELEASE_DAY_DETAIL),
      },
      {
        label: 'health appointment place',
        pattern: literal(texts.healthAppointmentPlace),
        about: 'a',
        ...allKinds(DataKind.RELEASE_DAY_DETAIL),
      },
      {
        label: 'health appointment notes',
        pattern: literal(texts.healthAppointmentNotes),
        about: 'a',
        ...allKinds(DataKind.RELEASE_DAY_DETAIL),
      },
      {
        label: 'probation appointment notes',
        pattern: literal(texts.probationNotes),
        about: 'a',
        ...allKinds(DataKind.RELEASE_DAY_DETAIL),
      },
      {
        label: 'probation appointment place',
        pattern: literal(texts.probationPlace),
        about: 'a',
        ...allKinds(DataKind.RELEASE_DAY_PLAN),
      },
      {
        label: 'banking barrier',
        pattern: literal(texts.bankingBarrier),
        about: 'a',
        ...allKinds(DataKind.FINANCE_AND_ID),
      },
      {
        label: 'keyworker name',
        pattern: literal(texts.keyworkerName),
        about: 'a',
        ...allKinds(DataKind.KEYWORK),
      },
    ];
    return list;
  }

  function inScope(user: OracleUserAccount, whose: 'a' | 'b'): boolean {
    const woman = fixture.women[whose];
    const area = whose === 'a' ? fixture.areas.a : fixture.areas.b;
    const scope = accessScopeFor(user);
    switch (scope.kind) {
      case 'ESTATE':
        return true;
      case 'PRISONS':
        return scope.prisonCodes.includes(woman.prisonCode);
      case 'PROVIDER':
        return area.providerId === scope.providerId;
      case 'COM_CASELOAD':
        return inComCaseload(scope, { comId: woman.comId, releaseAreaCode: area.code });
    }
  }

  /** The oracle: may this answer of this operation, to this user, carry this token? */
  function mayCarry(user: OracleUserAccount, operation: GetOperation, token: Token): boolean {
    if (token.about !== null && !inScope(user, token.about)) return false;
    // Routes without case data may name codes (the task catalogue names every pathway), never anyone's data.
    if (operation.kinds.length === 0) return token.about === null;
    if (!token.kinds(user).every((k) => operation.kinds.includes(k))) return false;
    return token.allowed(user);
  }

  /** One answer, and whether the browser may keep it (every API answer is personal data: `no-store`). */
  interface Answer {
    status: number;
    text: string;
    cacheControl: string | null;
  }

  /** Whether Cache-Control has the no-store directive (health checks say `no-cache, no-store, must-revalidate`). */
  function mayNotBeStored(cacheControl: string | null): boolean {
    return (cacheControl ?? '').split(',').some((directive) => directive.trim().toLowerCase() === 'no-store');
  }

  async function rawGet(user: OracleUserAccount, path: string): Promise<Answer> {
    const response = await fetch(`${api.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${user.token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const body: unknown = contentType.includes('application/json') && text ? JSON.parse(text) : text;
    await expectDocumentedAnswer(api.baseUrl, { method: 'GET', path, status: response.status, contentType, body });
    return { status: response.status, text, cacheControl: response.headers.get('cache-control') };
  }

  /** Every answer the user gets from one operation: each expansion, and each report table as CSV. */
  async function answers(user: OracleUserAccount, operation: GetOperation): Promise<({ path: string } & Answer)[]> {
    const out: ({ path: string } & Answer)[] = [];
    for (const path of expandOperation(fixture, operation)) {
      const answer = await rawGet(user, path);
      out.push({ path, ...answer });
      if (answer.status === 200 && operation.queryParams.includes('format')) {
        const tables = (JSON.parse(answer.text) as { tables: { key: string }[] }).tables.map((t) => t.key);
        for (const table of tables) {
          const csvPath = `${path}${path.includes('?') ? '&' : '?'}format=csv&table=${table}`;
          out.push({ path: csvPath, ...(await rawGet(user, csvPath)) });
        }
      }
    }
    return out;
  }

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startApp('worker', {
      HORIZON_EVERY_MS: '1000',
      RECONCILE_EVERY_MS: '60000',
      SCHEDULER_WATCHDOG_MS: '500',
    });
    fixture = await buildPolicyFixture(api.dataSource, api.baseUrl);

    // Alerts through the real deadline engine: on a task of each owning role and on a special category task.
    const open = fixture.tasksA.filter((t) => [TaskStatus.TODO, TaskStatus.IN_PROGRESS].includes(t.status));
    const alerted = [
      ...(['PRE_RELEASE_TEAM', 'POM', 'COM', 'CRS_CASEWORKER'] as Role[]).map((role) =>
        open.find((t) => t.ownerRole === role && !SENSITIVE_PATHWAYS.includes(t.pathway)),
      ),
      open.find((t) => t.pathway === Pathway.DOMESTIC_ABUSE),
    ].map((t) => (t as TaskView).id);
    await bringDeadlinesForward(api.dataSource, alerted);
    // A positive wait (for rows to appear), not a sleep standing in for a negative check.
    let raised = 0;
    const deadline = Date.now() + 30_000;
    while (raised < alerted.length && Date.now() < deadline) {
      const rows: { n: string }[] = await api.dataSource.query(
        `SELECT count(DISTINCT task_id) AS n FROM alerts WHERE task_id = ANY($1) AND kind = 'OVERDUE'`,
        [alerted],
      );
      raised = Number(rows[0].n);
      if (raised < alerted.length) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (raised < alerted.length)
      throw new Error(`the worker raised overdue alerts on ${raised} of ${alerted.length} tasks`);

    operations = await readGetOperations(api.baseUrl);
    tokens = buildTokens();
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('reads a generated document with the case routes in it, every GET declaring the data kinds it exposes', () => {
    const paths = operations.map((o) => o.path);
    expect(paths).toEqual(expect.arrayContaining(['/women/{id}', '/tasks/{id}', '/referrals/{id}', '/reports/alerts']));
    const undeclared = operations.filter((o) => !Array.isArray(o.kinds)).map((o) => o.path);
    expect(undeclared).toEqual([]);
    const unknownKinds = operations.flatMap((o) => o.kinds.filter((k) => !Object.values(DataKind).includes(k)));
    expect(unknownKinds).toEqual([]);
  });

  it('has a fixture whose audit trail holds every entity type the change recorder writes, each known to the policy', async () => {
    const rows: { entity_type: string }[] = await api.dataSource.query(
      'SELECT DISTINCT entity_type FROM audit_events WHERE woman_id = $1',
      [fixture.women.a.id],
    );
    const types = rows.map((r) => r.entity_type).sort();
    expect(types.filter((t) => !(t in AUDIT_ENTITY_KINDS))).toEqual([]);
    expect(types).toEqual(
      expect.arrayContaining(['WOMAN', 'PATHWAY', 'ASSESSMENT', 'TASK', 'REFERRAL', 'ID_DOCUMENT', 'RELEASE_DAY_PLAN']),
    );
  });

  it.each(ORACLE_USERS)(
    'sends %s nothing the policy forbids, and nothing a browser may keep, in any GET operation',
    async (name: OracleUser) => {
      const user = fixture.users[name];
      const leaks: string[] = [];
      const failures: string[] = [];
      const stored: string[] = [];
      for (const operation of operations.filter((o) => Array.isArray(o.kinds))) {
        for (const answer of await answers(user, operation)) {
          if (answer.status >= 500) failures.push(`${answer.path}: ${answer.status}`);
          if (!mayNotBeStored(answer.cacheControl))
            stored.push(`${answer.path}: ${answer.cacheControl ?? 'no Cache-Control'}`);
          for (const token of tokens) {
            if (!token.pattern.test(answer.text)) continue;
            if (mayCarry(user, operation, token)) seen.add(token.label);
            else leaks.push(`${answer.path} (${answer.status}) carries ${token.label}`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(leaks).toEqual([]);
      expect(stored).toEqual([]);
    },
  );

  it('found every guarded thing in some answer to someone allowed it (so the checks above look for real text)', () => {
    const allowedSomewhere = tokens.filter((t) =>
      ORACLE_USERS.some((n) =>
        operations.some((o) => Array.isArray(o.kinds) && o.kinds.length > 0 && mayCarry(fixture.users[n], o, t)),
      ),
    );
    expect(allowedSomewhere.map((t) => t.label).filter((label) => !seen.has(label))).toEqual([]);
    expect(allowedSomewhere.length).toBeGreaterThan(20);
  });
});
