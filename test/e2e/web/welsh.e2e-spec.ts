/**
 * The web app in Welsh (issue 18; Welsh Language Standards (No. 1) Regulations 2015) in a real browser against the
 * real API, gateway and worker: she chooses Cymraeg on the sign-in page, and every screen and state worth seeing
 * (sign-in and its error, the board, an alert as it fires, her panel with tasks, referrals, delivery sessions,
 * keywork, release day and audit trail, the sign-in-again dialog, settings, a refused board, the caseworker's queue
 * with a claim lost to a colleague (an API error, shown by its code), reports, the COM's caseload) shows no English
 * word: every word of the page's text, once the run's data is taken out, is Welsh (test/setup/english-words.ts
 * says how it decides). The choice is kept on her user: a reload, and a sign-in in a fresh browser, stay in Welsh.
 * Screenshots of each Welsh screen go to artifacts/screenshots/cy-*.png (ignored by git).
 */
import { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { parse, TYPE, MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { Role } from '@app/domain';
import type { ReferralDetailView, TaskView } from '@app/contracts';
import { LAPTOP, card, screenshot } from '../../setup/browser';
import { TestApi } from '../../setup/test-app';
import { catalogueWords, englishWordsIn, withoutData } from '../../setup/english-words';
import { webCatalogue } from '../../setup/web-catalogues';
import { WebCasework, ok, startWebCasework } from '../../setup/web-casework';
import { SignedInUser, TestUser, createSignedInUser, createWoman, daysFromToday, recordNeeds } from '../../factories';

jest.setTimeout(180_000);

const en = webCatalogue('en');
const cy = webCatalogue('cy');

function literals(elements: MessageFormatElement[], into: string[] = []): string[] {
  for (const element of elements) {
    if (element.type === TYPE.literal) into.push(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) literals(option.value, into);
    }
  }
  return into;
}

/**
 * The English the Welsh pages must not show: each catalogue message's own words (the text between its
 * arguments), where it differs from Welsh. Words the Welsh catalogue uses too (COM, CRS, GOV.UK Notify) and
 * fragments of fewer than four letters (which Welsh words can hold) are left out.
 */
const welshText = Object.values(cy).join('\n');
const ENGLISH_FRAGMENTS = [
  ...new Set(
    Object.keys(en)
      .filter((key) => en[key] !== cy[key])
      .flatMap((key) => literals(parse(en[key])))
      .flatMap((text) => text.split(/[:;,.()“”…●○!?]/))
      .map((text) => text.trim())
      .filter((text) => (text.match(/\p{L}/gu) ?? []).length >= 4 && !welshText.includes(text)),
  ),
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const WELSH_WORDS = catalogueWords(cy);

/**
 * Where the data is: per table, the columns of what people typed and of reference data (names, places, notes,
 * referral free text, references). Every value in them in the run's database is data, so a new screen needs no
 * list of its names; columns the API words itself (a release date's reason, task titles, audit summaries) are
 * not here. A value that looks like a code (`ACCOMMODATION`) is not taken: a code on a page is a fault.
 */
const DATA_COLUMNS: Record<string, string[]> = {
  women: [
    'first_name',
    'last_name',
    'prison_number',
    'keyworker_name',
    'release_day_request_reason',
    'banking_barrier',
  ],
  users: ['display_name', 'username', 'email'],
  providers: ['name'],
  release_areas: ['name'],
  prisons: ['name'],
  task_notes: ['body'],
  referrals: [
    'reference',
    'pathways',
    'risk_information',
    'needs_and_requirements',
    'additional_information',
    'action_plan',
    'withdrawn_reason',
    'returned_reason',
  ],
  keywork_sessions: ['keyworker_name'],
  release_day_appointments: ['place', 'town', 'notes'],
  delivery_sessions: ['place', 'attendance_reason', 'session_summary', 'session_response', 'concern_details'],
  travel_times: ['from_town', 'to_town'],
};

function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((item) => stringsIn(item, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => stringsIn(item, into));
  return into;
}

/**
 * What Welsh pages must not show: every English word left after the data is taken out (test/setup/english-words.ts),
 * English day, month and time words (a date formatted without the catalogue's Welsh names), and the English
 * catalogue's own fragments (words of an English message that no dictionary knows, such as `caseload`).
 * Text an element marks as another language (`lang="en"`, the language switch's "English") is not Welsh's to say.
 */
async function englishOnPage(page: Page, data: string[]): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const otherLanguages = await page.locator('body [lang]:not([lang^="cy"])').allInnerTexts();
  const rest = withoutData(text, [...data, ...otherLanguages]);
  const englishDates =
    rest.match(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|AM|PM)\b/g) ?? [];
  const fragments = ENGLISH_FRAGMENTS.filter((fragment) =>
    new RegExp(`(^|[^\\p{L}])${escape(fragment)}($|[^\\p{L}])`, 'u').test(rest),
  );
  return [...new Set([...englishWordsIn(rest, { data: [], welsh: WELSH_WORDS }), ...englishDates, ...fragments])];
}

describe('the web app in Welsh', () => {
  let web: WebCasework | undefined;
  let api: TestApi;
  let browser: Browser;
  let prt: SignedInUser;
  let com: SignedInUser;
  let caseworker: SignedInUser;
  let colleague: SignedInUser;
  let areaCode: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    web = await startWebCasework();
    ({ api, browser, prt, com, caseworker, areaCode } = web);
    const [{ provider_id: providerId }] = await api.dataSource.query<{ provider_id: string }[]>(
      'SELECT provider_id FROM users WHERE id = $1',
      [caseworker.id],
    );
    colleague = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.CRS_CASEWORKER, providerId });
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await web?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: LAPTOP });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(api.baseUrl);
    return page;
  }

  /** Signs in on the page as it stands (in whichever language), and waits for the live connection in Welsh. */
  async function signInOn(page: Page, user: TestUser): Promise<void> {
    await page.locator('#username').fill(user.username);
    await page.locator('#password').fill(user.password);
    await page.locator('button[type="submit"]').click();
    await page.getByText('● Byw').waitFor({ timeout: 30_000 });
  }

  /** The sign-in page switched to Cymraeg (as she would before signing in), then signed in. */
  async function signInInWelsh(user: TestUser): Promise<Page> {
    const page = await newPage();
    await page.getByRole('button', { name: 'Cymraeg' }).click();
    await page.getByRole('heading', { name: 'Mewngofnodi i Ailsefydlu' }).waitFor();
    await signInOn(page, user);
    return page;
  }

  /** Every value of the data columns in the run's database, whichever suite or test made it. */
  async function dataInDatabase(): Promise<string[]> {
    const values = await Promise.all(
      Object.entries(DATA_COLUMNS).map(async ([table, columns]) => {
        const rows = await api.dataSource.query<Record<string, unknown>[]>(
          `SELECT ${columns.join(', ')} FROM ${table}`,
        );
        return rows.flatMap((row) => stringsIn(Object.values(row)));
      }),
    );
    return values.flat().filter((value) => !/^[A-Z0-9_]+$/.test(value));
  }

  async function expectWelsh(page: Page, name: string, fullPage = true): Promise<void> {
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('cy');
    await screenshot(page, `cy-${name}`, fullPage);
    await expect(englishOnPage(page, await dataInDatabase())).resolves.toEqual([]);
  }

  async function preferredLanguage(user: TestUser): Promise<string | null> {
    const rows = await api.dataSource.query<{ preferred_language: string | null }[]>(
      'SELECT preferred_language FROM users WHERE id = $1',
      [user.id],
    );
    return rows[0].preferred_language;
  }

  /** Her saved language once it is the one expected (the page saves it as she switches), or after 10 s as it is. */
  async function savedLanguage(user: TestUser, expected: string): Promise<string | null> {
    const deadline = Date.now() + 10_000;
    let saved = await preferredLanguage(user);
    while (saved !== expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      saved = await preferredLanguage(user);
    }
    return saved;
  }

  /** A woman at Styal with open needs, her COM, a CRS referral in delivery with a session booked, and keywork. */
  async function womanWithCasework() {
    const woman = await createWoman(api.baseUrl, prt.token, {
      releaseAreaCode: areaCode,
      comId: com.id,
      conditionalReleaseDate: daysFromToday(30),
    });
    const { tasksCreated } = await recordNeeds(prt.api, woman.id, ['ACCOMMODATION', 'FINANCE_AND_ID']);
    const draft = ok(
      await com.api.post<ReferralDetailView>(`/women/${woman.id}/referrals`, {
        pathways: [{ pathway: 'ACCOMMODATION', complexity: 'MEDIUM', desiredOutcomes: ['A settled address'] }],
        riskInformation: { roshLevel: 'LOW', riskSummary: 'No known risk to others' },
        needsAndRequirements: { needsInterpreter: false },
      }),
    );
    ok(await com.api.post(`/referrals/${draft.id}/send`, {}));
    ok(await caseworker.api.post(`/referrals/${draft.id}/claim`, {}));
    ok(
      await caseworker.api.post(`/referrals/${draft.id}/book-assessment`, {
        assessmentAt: `${daysFromToday(2)}T10:00:00Z`,
      }),
    );
    ok(await caseworker.api.post(`/referrals/${draft.id}/action-plan`, { actionPlan: 'Weekly tenancy sessions' }));
    ok(await com.api.post(`/referrals/${draft.id}/approve-action-plan`, {}));
    ok(
      await caseworker.api.post(`/referrals/${draft.id}/sessions`, {
        startsAt: `${daysFromToday(4)}T14:00:00Z`,
        durationMinutes: 45,
        method: 'VIDEO_CALL',
      }),
    );
    // A second draft her COM still has to send, so her caseload has a line of each kind.
    ok(
      await com.api.post(`/women/${woman.id}/referrals`, {
        pathways: [{ pathway: 'EDUCATION_SKILLS_AND_WORK', complexity: 'LOW', desiredOutcomes: ['A course'] }],
      }),
    );
    ok(
      await prt.api.post(`/women/${woman.id}/keywork/sessions`, {
        sessionOn: daysFromToday(-3),
        keyworkerName: 'Sam Officer',
      }),
    );
    // A release-day appointment in a town with no travel time recorded: a release-day warning to word in Welsh.
    ok(
      await prt.api.post(`/women/${woman.id}/release-day/appointments`, {
        kind: 'PROBATION',
        startsAt: `${woman.releaseDate}T14:00:00Z`,
        durationMinutes: 60,
        place: 'Probation office',
        town: 'Aberporth',
      }),
    );
    return { woman, tasksCreated, referral: draft };
  }

  it('words the sign-in page, its error from the API, the board, an alert, her panel, a dialog and settings in Welsh', async () => {
    const { woman, tasksCreated } = await womanWithCasework();

    const page = await newPage();
    await page.getByRole('button', { name: 'Cymraeg' }).click();
    await page.getByRole('heading', { name: 'Mewngofnodi i Ailsefydlu' }).waitFor();
    await expectWelsh(page, 'sign-in', false);

    // A wrong password: the API's 401 comes keyed (SIGN_IN_FAILED) and is shown in Welsh.
    await page.locator('#username').fill(prt.username);
    await page.locator('#password').fill('not-her-password');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('alert').getByText('Mae’r enw defnyddiwr neu’r cyfrinair yn anghywir.').waitFor();
    await expectWelsh(page, 'sign-in-error', false);

    await signInOn(page, prt);
    await card(page, woman.id).waitFor();
    await page.getByRole('heading', { name: 'Bwrdd STI' }).waitFor();
    await expectWelsh(page, 'board');
    // Chosen before sign-in, kept on her user.
    await expect(savedLanguage(prt, 'cy')).resolves.toBe('cy');

    // An alert as it fires: her PRT task falls due in three seconds (a new deadline revision the worker picks up).
    const task = tasksCreated.find((t: TaskView) => t.ownerRole === Role.PRE_RELEASE_TEAM) as TaskView;
    await api.dataSource.query(
      `UPDATE tasks SET at_risk_at = now() + interval '2 seconds', due_at = now() + interval '3 seconds',
              escalation_ats = '{}', deadline_revision = deadline_revision + 1 WHERE id = $1`,
      [task.id],
    );
    const alertItem = page.locator(`.alerts [data-task-id="${task.id}"]`);
    await alertItem.getByText('Yn hwyr').waitFor({ timeout: 45_000 });
    await page.locator('.announcement').waitFor();
    await expectWelsh(page, 'alert');

    await card(page, woman.id).click();
    const panel = page.locator('aside.panel');
    await panel.getByRole('heading', { name: 'Tasgau' }).waitFor();
    await panel.getByText('Sesiwn 1').waitFor();
    await panel.getByRole('heading', { name: 'Gwaith allweddol' }).waitFor();
    await panel.getByText('Trywydd archwilio').waitFor();
    await panel.getByText('Ychwanegu nodyn').first().click();
    // Her warnings and the release-day plan's (an appointment in a town with no travel time) are worded in Welsh.
    await panel.locator('.warning').first().waitFor();
    await expectWelsh(page, 'woman-panel');

    await page.reload();
    await page.getByText('● Byw').waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Bwrdd STI' }).waitFor();

    await page.getByRole('link', { name: 'Gosodiadau' }).click();
    await page.getByRole('heading', { name: 'Eich gosodiadau' }).waitFor();
    await page.getByLabel('Iaith').waitFor();
    await expectWelsh(page, 'settings');

    // Her sign-in runs out: the dialog that asks her to sign in again is Welsh too.
    await page.evaluate(`(() => {
      const session = JSON.parse(sessionStorage.getItem('resettle.session'));
      sessionStorage.setItem('resettle.session', JSON.stringify({ ...session, token: 'expired' }));
    })()`);
    await page.reload();
    await page.getByRole('dialog', { name: 'Mewngofnodi eto' }).getByText('Mae eich sesiwn wedi dod i ben').waitFor({
      timeout: 30_000,
    });
    await expectWelsh(page, 'sign-in-again');
  });

  it('keeps her Welsh on her user: a fresh browser signs her in to Welsh, and English is one click away', async () => {
    // A new browser knows nothing of her choice: the sign-in page is English until her user says Welsh.
    const page = await newPage();
    await page.getByRole('heading', { name: 'Sign in to Resettle' }).waitFor();
    await signInOn(page, prt);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('cy');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('● Live').waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(savedLanguage(prt, 'en')).resolves.toBe('en');
    await page.getByRole('button', { name: 'Cymraeg' }).click();
    await page.getByText('● Byw').waitFor();
    await expect(savedLanguage(prt, 'cy')).resolves.toBe('cy');
  });

  it('words the caseworker’s queue, a lost claim (an API conflict), reports and a refused board in Welsh', async () => {
    const { tasksCreated } = await womanWithCasework();
    const crsTask = tasksCreated.find((t: TaskView) => t.ownerRole === Role.CRS_CASEWORKER) as TaskView;

    const page = await signInInWelsh(caseworker);
    await page.getByRole('heading', { name: 'Ciw gweithwyr achos' }).waitFor();
    const claim = page.locator(`[data-task-id="${crsTask.id}"]`).getByRole('button', { name: 'Hawlio' });
    await claim.waitFor();
    await expectWelsh(page, 'queue');

    // Her colleague claims it first; her own click gets the API's 409 (ALREADY_CLAIMED), said in Welsh. The live
    // board would reload the queue on the colleague's claim and take the button away before her click (a CI run
    // lost that race), so the queue's reloads are held until her click has gone out.
    const heldReloads: Route[] = [];
    let holding = true;
    await page.route(/\/tasks\?/, async (route) => {
      if (holding) heldReloads.push(route);
      else await route.continue();
    });
    ok(await colleague.api.post(`/tasks/${crsTask.id}/claim`, {}));
    await claim.click();
    holding = false;
    for (const route of heldReloads) await route.continue();
    await page.unroute(/\/tasks\?/);
    await page
      .getByRole('status')
      .filter({ hasText: `Mae ${colleague.displayName} eisoes wedi’i hawlio.` })
      .waitFor({ timeout: 30_000 });
    await expectWelsh(page, 'queue-claim-lost');

    await page.getByRole('link', { name: 'Adroddiadau' }).click();
    await page.getByRole('heading', { name: 'Adroddiadau', level: 1 }).waitFor();
    await page.locator('.report-title').waitFor({ timeout: 30_000 });
    // Every word of the report is Welsh or data: its title, tables, headings, scope, freshness line, notes and cells.
    const [heading] = await page.locator('.report-title').allInnerTexts();
    const [title] = heading.split(/: (.*)/s);
    expect(Object.entries(cy).some(([key, text]) => key.startsWith('reportTitle.') && text === title)).toBe(true);
    await expectWelsh(page, 'reports');

    await page.goto(`${api.baseUrl}/#/board/STI`);
    await page.getByText('Nid yw bwrdd STI ar agor i chi').waitFor();
    await expectWelsh(page, 'refused-board');
  });

  it('words every report a governor reads in Welsh, its notes, coded cells and a drill-down among them', async () => {
    // A woman releasing within the readiness window with work open (the "what is missing" cell) and a task
    // overdue (the overdue work tables, their role, pathway and status cells, and the drill-down).
    const woman = await createWoman(api.baseUrl, prt.token, {
      releaseAreaCode: areaCode,
      comId: com.id,
      conditionalReleaseDate: daysFromToday(10),
    });
    const { tasksCreated } = await recordNeeds(prt.api, woman.id, ['ACCOMMODATION', 'HEALTH']);
    await api.dataSource.query(
      `UPDATE tasks SET at_risk_at = now() - interval '12 days', due_at = now() - interval '10 days',
              escalation_ats = '{}', deadline_revision = deadline_revision + 1 WHERE id = $1`,
      [tasksCreated[0].id],
    );
    const governor = await createSignedInUser(api.dataSource, api.baseUrl, {
      role: Role.GOVERNOR,
      prisonCodes: ['STI'],
    });
    const page = await signInInWelsh(governor);
    await page.getByRole('link', { name: 'Adroddiadau' }).click();
    await page.getByRole('heading', { name: 'Adroddiadau', level: 1 }).waitFor();

    const reports: [tab: string, kind: string][] = [
      ['reports.overdueWork', 'OVERDUE_WORK'],
      ['reports.overdueTrend', 'OVERDUE_TREND'],
      ['reports.releaseReadiness', 'RELEASE_READINESS'],
      ['reports.providerAccountability', 'PROVIDER_ACCOUNTABILITY'],
      ['reports.referralTimeliness', 'REFERRAL_TIMELINESS'],
      ['reports.accommodationOutcomes', 'ACCOMMODATION_OUTCOMES'],
      ['reports.alerts', 'ALERTS'],
      ['reports.keywork', 'KEYWORK'],
    ];
    for (const [tab, kind] of reports) {
      await page.getByRole('button', { name: cy[tab], exact: true }).click();
      await page.locator('.report-title', { hasText: cy[`reportTitle.${kind}`] }).waitFor({ timeout: 30_000 });
      await page.getByText(cy['reports.loading']).waitFor({ state: 'detached' });
      await expectWelsh(page, `report-${kind.toLowerCase()}`);
      if (kind === 'OVERDUE_WORK') {
        await page.getByRole('button', { name: cy['reports.showTasks'] }).first().click();
        await page.getByRole('button', { name: cy['reports.closeTaskList'] }).waitFor({ timeout: 30_000 });
        await expectWelsh(page, 'report-overdue-tasks');
      }
      if (kind === 'RELEASE_READINESS') {
        await page.getByRole('cell', { name: woman.prisonNumber }).waitFor();
      }
    }
  });

  it('words the COM’s caseload in Welsh', async () => {
    await womanWithCasework();
    const page = await signInInWelsh(com);
    await page.getByRole('heading', { name: 'Fy llwyth achosion' }).waitFor();
    await page.getByText('Atgyfeiriadau i’w hanfon').waitFor();
    await expectWelsh(page, 'caseload');
  });
});
