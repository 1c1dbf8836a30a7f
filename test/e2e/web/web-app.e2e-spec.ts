/**
 * The web app in a real browser (Debian's Chromium driven by playwright-core), served by the real API, with
 * a real gateway and worker: sign-in, the board with the suite's women, live changes without a reload, an
 * alert that arrives and is acknowledged, a claim race seen by the loser, and a caseworker kept off a prison
 * board. Screenshots of each screen go to artifacts/screenshots (ignored by git).
 */
import { Browser, BrowserContext, Page } from 'playwright-core';
import { Role } from '@app/domain';
import type { TaskView } from '@app/contracts';
import { AppProcess, freePort, startApp } from '../../setup/app-process';
import {
  LAPTOP,
  card,
  launchBrowser,
  screenshot,
  cspViolationsSoFar,
  signIn,
  watchCspViolations,
} from '../../setup/browser';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  createUser,
  createWoman,
  daysFromToday,
  recordNeeds,
} from '../../factories';

jest.setTimeout(90_000);

describe('the web app', () => {
  let api: TestApi;
  let gateway: AppProcess;
  let worker: AppProcess;
  let browser: Browser;
  let prt: SignedInUser;
  let caseworker: SignedInUser;
  let colleague: SignedInUser;
  let areaCode: string;

  beforeAll(async () => {
    // The API names the gateway to its pages and the gateway admits the API's pages: the port comes first.
    const gatewayPort = await freePort();
    api = await startTestApi({ PUBLIC_GATEWAY_URL: `http://127.0.0.1:${gatewayPort}` });
    [gateway, worker] = await Promise.all([
      startApp('gateway', { GATEWAY_ALLOWED_ORIGINS: api.baseUrl }, { port: gatewayPort }),
      // The reconciler runs at start; not again during the suite, so no burst of catch-up alerts lands mid-test.
      startApp('worker', { HORIZON_EVERY_MS: '1000', RECONCILE_EVERY_MS: '600000' }),
    ]);
    prt = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] });
    const provider = await createProvider(api.dataSource);
    areaCode = (await createReleaseArea(api.dataSource, provider.id)).code;
    [caseworker, colleague] = await Promise.all(
      [0, 1].map(() =>
        createSignedInUser(api.dataSource, api.baseUrl, { role: Role.CRS_CASEWORKER, providerId: provider.id }),
      ),
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([worker?.stop(), gateway?.stop()]);
    await api?.close();
  });

  function signedIn(
    user: SignedInUser,
    viewport = LAPTOP,
  ): Promise<{ context: BrowserContext; page: Page; cspViolations: string[] }> {
    return signIn(browser, api.baseUrl, user, viewport);
  }

  it('serves the app with security headers and a CSP the app passes while signing in and using the board', async () => {
    const served = await fetch(`${api.baseUrl}/`);
    const policy = served.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain(`connect-src 'self' ${gateway.url} ${gateway.url.replace('http', 'ws')}`);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    // Not behind TLS here (BEHIND_TLS unset): no HSTS, which would pin the host to https.
    expect(served.headers.get('strict-transport-security')).toBeNull();

    const woman = await createWoman(api.baseUrl, prt.token, { conditionalReleaseDate: daysFromToday(30) });
    await recordNeeds(prt.api, woman.id, ['ACCOMMODATION']);
    const { context, page, cspViolations } = await signedIn(prt);
    await card(page, woman.id).waitFor();
    // A change over the live connection (the gateway, a different origin), then the woman's panel.
    await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
    await card(page, woman.id)
      .getByText(/Finance and ID: (overdue|at risk|on track)/)
      .waitFor({ timeout: 5_000 });
    await card(page, woman.id).click();
    await page.getByRole('heading', { name: `${woman.firstName} ${woman.lastName}` }).waitFor();

    await expect(cspViolationsSoFar(page, cspViolations)).resolves.toEqual([]);
    await context.close();
  });

  it('tells someone locked out after too many wrong passwords how long to wait', async () => {
    const user = await createUser(api.dataSource, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] });
    const context = await browser.newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    await page.goto(api.baseUrl);
    await page.getByLabel('Username').fill(user.username);
    // The deployed default: the tenth failure in a row from one address starts a 15-minute lockout.
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      await page.getByLabel('Password').fill(`wrong-${attempt}`);
      const answered = page.waitForResponse((response) => response.url().endsWith('/auth/login'));
      await page.getByRole('button', { name: 'Sign in' }).click();
      statuses.push((await answered).status());
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
    }

    expect(statuses).toEqual([...Array<number>(9).fill(401), 429]);
    await page.getByRole('alert').getByText('Too many failed sign-in attempts. Try again in 15 minutes.').waitFor();
    await screenshot(page, 'sign-in-locked-out');
    await context.close();
  });

  it('keeps the API documentation at /docs working under its own policy', async () => {
    const context = await browser.newContext({ viewport: LAPTOP });
    const cspViolations = await watchCspViolations(context);
    const page = await context.newPage();
    await page.goto(`${api.baseUrl}/docs`);
    await page.getByText('Resettle API').first().waitFor({ timeout: 15_000 });
    await page.getByText('/auth/login').first().waitFor();

    await expect(cspViolationsSoFar(page, cspViolations)).resolves.toEqual([]);
    await context.close();
  });

  it('signs in, shows the board, and shows a change made elsewhere without a reload', async () => {
    const woman = await createWoman(api.baseUrl, prt.token, { conditionalReleaseDate: daysFromToday(30) });
    await recordNeeds(prt.api, woman.id, ['ACCOMMODATION']);
    const { context, page } = await signedIn(prt);

    await card(page, woman.id).waitFor();
    await screenshot(page, 'prison-board');
    await expect(card(page, woman.id).textContent()).resolves.toContain(woman.lastName);
    await expect(card(page, woman.id).textContent()).resolves.not.toContain('Finance and ID');

    // Someone else records a new need through the API: its chip appears on the open board.
    await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
    await card(page, woman.id)
      .getByText(/Finance and ID: (overdue|at risk|on track)/)
      .waitFor({ timeout: 30_000 });

    await card(page, woman.id).click();
    await page.getByRole('heading', { name: `${woman.firstName} ${woman.lastName}` }).waitFor();
    await screenshot(page, 'woman-panel');
    await context.close();
  });

  it('shows an alert as it fires and lets it be acknowledged', async () => {
    // Released in 20 weeks, so none of her other tasks is already late and alerting at the same moment.
    const woman = await createWoman(api.baseUrl, prt.token);
    const { tasksCreated } = await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
    const task = tasksCreated.find((t) => t.ownerRole === Role.PRE_RELEASE_TEAM) as TaskView;
    const { context, page } = await signedIn(prt);

    // Due in three seconds, as a new deadline revision: the worker's horizon picks it up.
    await api.dataSource.query(
      `UPDATE tasks SET at_risk_at = now() + interval '2 seconds', due_at = now() + interval '3 seconds',
              escalation_ats = '{}', deadline_revision = deadline_revision + 1 WHERE id = $1`,
      [task.id],
    );
    // The notice names the task and the woman, not an id.
    await page
      .getByRole('alert')
      .filter({ hasText: `${task.title} for ${woman.firstName} ${woman.lastName} (${woman.prisonNumber})` })
      .first()
      // Generous: on a loaded machine the worker's horizon and the relay can each lag a few seconds.
      .waitFor({ timeout: 30_000 });
    // One line per task in the alerts panel, however many thresholds it has passed.
    const alertItem = page.locator(`.alerts [data-task-id="${task.id}"]`);
    await alertItem.getByText('Overdue').waitFor({ timeout: 30_000 });
    await alertItem.getByText(task.title, { exact: true }).waitFor();
    await alertItem.getByText(`${woman.firstName} ${woman.lastName} (${woman.prisonNumber})`).waitFor();
    await screenshot(page, 'alert');
    await alertItem.getByRole('button', { name: 'Acknowledge' }).click();
    await alertItem.waitFor({ state: 'detached', timeout: 30_000 });
    const rows: { kind: string; acknowledged_by_id: string | null }[] = await api.dataSource.query(
      'SELECT kind, acknowledged_by_id FROM alerts WHERE task_id = $1 ORDER BY created_at',
      [task.id],
    );
    expect(rows.map((r) => r.kind)).toContain('OVERDUE');
    expect(rows.every((r) => r.acknowledged_by_id === prt.id)).toBe(true);
    await context.close();
  });

  it('tells the caseworker who loses a claim race who won', async () => {
    const woman = await createWoman(api.baseUrl, prt.token, { releaseAreaCode: areaCode });
    // Accommodation support is CRS work before release (crs-scope.ts: the only CRS-owned pre-release task).
    const { tasksCreated } = await recordNeeds(prt.api, woman.id, ['ACCOMMODATION']);
    const task = tasksCreated.find((t) => t.ownerRole === Role.CRS_CASEWORKER) as TaskView;
    expect(task).toBeDefined();
    const [a, b] = await Promise.all([signedIn(caseworker), signedIn(colleague)]);
    const claimButton = (page: Page) =>
      page.locator(`[data-task-id="${task.id}"]`).getByRole('button', { name: 'Claim' });
    await Promise.all([claimButton(a.page).waitFor(), claimButton(b.page).waitFor()]);
    await screenshot(a.page, 'caseworker-queue');
    await Promise.all([claimButton(a.page).click(), claimButton(b.page).click()]);

    const messages = await Promise.all(
      [a.page, b.page].map(async (page) => {
        const status = page.getByRole('status').filter({ hasText: task.title });
        await status.waitFor({ timeout: 30_000 });
        return status.textContent();
      }),
    );
    const won = messages.filter((m) => m?.includes('it is yours'));
    const lost = messages.filter((m) => m?.includes('Already claimed by'));
    expect([won.length, lost.length]).toEqual([1, 1]);
    const winner = messages[0]?.includes('it is yours') ? caseworker : colleague;
    expect(lost[0]).toContain(winner.displayName);
    await Promise.all([a.context.close(), b.context.close()]);
  });

  it('keeps a CRS caseworker off a prison board', async () => {
    const { context, page } = await signedIn(caseworker);
    await page.goto(`${api.baseUrl}/#/board/STI`);
    await page.getByText('The STI board is not open to you').waitFor();
    await screenshot(page, 'refused-board');
    await context.close();
  });

  it('asks an expired or revoked session to sign in again over the page', async () => {
    const { context, page } = await signedIn(prt);
    // Runs in the page (a string, as the test's own types know nothing of the browser's sessionStorage).
    await page.evaluate(`(() => {
      const session = JSON.parse(sessionStorage.getItem('resettle.session'));
      sessionStorage.setItem('resettle.session', JSON.stringify({ ...session, token: 'expired' }));
    })()`);
    await page.reload();
    await page
      .getByRole('dialog', { name: 'Sign in again' })
      .getByText('Your sign-in has expired')
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'sign-in');
    await context.close();
  });
});
