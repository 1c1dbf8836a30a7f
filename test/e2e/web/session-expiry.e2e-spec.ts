/**
 * The web app across token expiry, in a real browser against the real API, gateway and worker: the page gets
 * fresh tokens before they expire and stays live; when no fresh token can be had (the sign-in has lasted
 * JWT_SESSION_MAX_SECONDS) it asks her to sign in again over the board, keeps the board's filters and open
 * panel, and then reconnects and catches up with what changed meanwhile.
 */
import { Browser } from 'playwright-core';
import { Role } from '@app/domain';
import { AppProcess, freePort, startApp } from '../../setup/app-process';
import { card, launchBrowser, screenshot, signIn } from '../../setup/browser';
import { TestApi, startTestApi } from '../../setup/test-app';
import { SignedInUser, createSignedInUser, createWoman, daysFromToday, recordNeeds } from '../../factories';

jest.setTimeout(90_000);

/**
 * The web's tokens last 5 s, and one sign-in may be refreshed for 20 s: short enough to watch them run out, long
 * enough that a loaded machine signs in and connects inside one token's life (3 s was not, under CI beside other work).
 */
const WEB_TTL_SECONDS = 5;
const WEB_SESSION_MAX_SECONDS = 20;

describe('the web app across token expiry', () => {
  /** Serves the page, with short tokens. */
  let webApi: TestApi;
  /** Arranges data for the tests, with the usual hour-long tokens. */
  let api: TestApi;
  let gateway: AppProcess;
  let worker: AppProcess;
  let browser: Browser;
  let prt: SignedInUser;

  beforeAll(async () => {
    // The page's origin must be one the gateway admits, and the page must know the gateway: port first.
    const gatewayPort = await freePort();
    [api, webApi] = await Promise.all([
      startTestApi(),
      startTestApi({
        PUBLIC_GATEWAY_URL: `http://127.0.0.1:${gatewayPort}`,
        JWT_TTL_SECONDS: String(WEB_TTL_SECONDS),
        JWT_SESSION_MAX_SECONDS: String(WEB_SESSION_MAX_SECONDS),
      }),
    ]);
    [gateway, worker] = await Promise.all([
      startApp('gateway', { GATEWAY_ALLOWED_ORIGINS: webApi.baseUrl }, { port: gatewayPort }),
      startApp('worker'),
    ]);
    prt = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([worker?.stop(), gateway?.stop()]);
    await Promise.all([api?.close(), webApi?.close()]);
  });

  /** A woman on the Styal board (releasing in 30 days) with accommodation needs. */
  async function womanOnTheBoard() {
    const woman = await createWoman(api.baseUrl, prt.token, { conditionalReleaseDate: daysFromToday(30) });
    await recordNeeds(prt.api, woman.id, ['ACCOMMODATION']);
    return woman;
  }

  /** The token the page holds (read in the page, where sessionStorage lives). */
  const storedToken = "JSON.parse(sessionStorage.getItem('resettle.session') ?? '{}').token";

  it('gets fresh tokens before they expire and stays live', async () => {
    const woman = await womanOnTheBoard();
    const { context, page } = await signIn(browser, webApi.baseUrl, prt);
    await card(page, woman.id).waitFor();
    const first = await page.evaluate<string>(storedToken);

    // Two token lifetimes later the page holds a third token and was never asked to sign in.
    const tokens = new Set([first]);
    const deadline = Date.now() + 5 * WEB_TTL_SECONDS * 1000;
    while (tokens.size < 3 && Date.now() < deadline) {
      tokens.add(await page.evaluate<string>(storedToken));
      await page.waitForTimeout(200);
    }
    expect(tokens.size).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole('dialog', { name: 'Sign in again' }).count()).toBe(0);
    await page.getByText('● Live').waitFor({ timeout: 5_000 });

    // Still live on the renewed socket: a change made elsewhere appears without a reload.
    await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
    await card(page, woman.id)
      .getByText(/Finance and ID: (overdue|at risk|on track)/)
      .waitFor({ timeout: 10_000 });
    await context.close();
  });

  it('asks her to sign in again over the board when no fresh token can be had, keeping its state, then catches up', async () => {
    const woman = await womanOnTheBoard();
    const { context, page } = await signIn(browser, webApi.baseUrl, prt);
    await card(page, woman.id).waitFor();
    await page.getByLabel('Releasing').selectOption('24w');
    await page.getByLabel('Owned by').selectOption('PRE_RELEASE_TEAM');
    await card(page, woman.id).click();
    const panelHeading = page.getByRole('heading', { name: `${woman.firstName} ${woman.lastName}` });
    await panelHeading.waitFor();

    const dialog = page.getByRole('dialog', { name: 'Sign in again' });
    await dialog.waitFor({ timeout: (WEB_SESSION_MAX_SECONDS + 10) * 1000 });
    // The socket's token runs out while she is away: the page shows it is not live.
    await page.getByText('○ Reconnecting…').waitFor({ timeout: (WEB_TTL_SECONDS + 5) * 1000 });
    await screenshot(page, 'sign-in-again');
    // Meanwhile someone records a need for her.
    await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);

    await dialog.getByLabel('Username').fill(prt.username);
    await dialog.getByLabel('Password').fill(prt.password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByText('● Live').waitFor({ timeout: 10_000 });

    // The board is as she left it, and has caught up with what changed while she was signed out.
    expect(await page.getByLabel('Releasing').inputValue()).toBe('24w');
    expect(await page.getByLabel('Owned by').inputValue()).toBe('PRE_RELEASE_TEAM');
    expect(await panelHeading.isVisible()).toBe(true);
    await card(page, woman.id)
      .getByText(/Finance and ID: (overdue|at risk|on track)/)
      .waitFor({ timeout: 10_000 });
    await context.close();
  });
});
