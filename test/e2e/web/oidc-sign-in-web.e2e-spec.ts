/**
 * The whole single sign-on in a real browser: Chromium opens Resettle, follows "Sign in with your organisation’s
 * account" to a real OpenID provider (oidc-provider, started by the suite), signs in on its login page, agrees on
 * its consent page, and lands on her prison's live board; signing out ends the Resettle session, in her other tab
 * too, and goes to the issuer's end-session page. Screenshots: artifacts/screenshots/oidc-*.png.
 */
import { rmSync } from 'node:fs';
import { Browser } from 'playwright-core';
import { AppProcess, freePort, startApp } from '../../setup/app-process';
import { launchBrowser, LAPTOP, screenshot, watchCspViolations } from '../../setup/browser';
import { startTestIssuer, TestIssuer, writeMappingFile } from '../../setup/oidc-issuer';

jest.setTimeout(120_000);

describe('the web app signing in with the organisation’s identity provider', () => {
  let issuer: TestIssuer;
  let api: AppProcess;
  let gateway: AppProcess;
  let browser: Browser;
  let mappingFile: string;

  beforeAll(async () => {
    const [apiPort, gatewayPort] = await Promise.all([freePort(), freePort()]);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    issuer = await startTestIssuer({
      accounts: {
        erin: { name: 'Erin Web', authorities: ['ROLE_RESETTLE_PRT'], auth_source: 'nomis', caseloads: ['STI'] },
      },
      redirectUri: `${apiUrl}/auth/oidc/callback`,
      postLogoutRedirectUri: `${apiUrl}/`,
    });
    mappingFile = writeMappingFile({
      usernamePrefix: 'web-sso-',
      roles: [{ when: 'ROLE_RESETTLE_PRT', role: 'PRE_RELEASE_TEAM' }],
    });
    const env = issuer.env(mappingFile, `${apiUrl}/auth/oidc/callback`);
    // One after the other: a start that fails leaves nothing running that afterAll would not know of.
    api = await startApp('api', { ...env, PUBLIC_GATEWAY_URL: `http://127.0.0.1:${gatewayPort}` }, { port: apiPort });
    gateway = await startApp('gateway', { ...env, GATEWAY_ALLOWED_ORIGINS: apiUrl }, { port: gatewayPort });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([api?.stop(), gateway?.stop(), issuer?.stop()]);
    if (mappingFile) rmSync(mappingFile, { force: true });
  });

  it('signs in through the issuer’s login and consent pages to her live board, and signs out', async () => {
    const context = await browser.newContext({ viewport: LAPTOP });
    const cspViolations = await watchCspViolations(context);
    const page = await context.newPage();
    await page.goto(api.url);
    const organisation = page.getByRole('link', { name: 'Sign in with your organisation’s account' });
    await organisation.waitFor();
    await screenshot(page, 'oidc-1-sign-in-choice');

    await organisation.click();
    await page.waitForURL((url) => url.origin === issuer.url);
    await page.locator('input[name="login"]').fill('erin');
    await page.locator('input[name="password"]').fill('any password');
    await screenshot(page, 'oidc-2-issuer-login');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).waitFor();
    await screenshot(page, 'oidc-3-issuer-consent');
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.waitForURL((url) => url.origin === api.url && url.hash === '#/board/STI');
    await page.getByText('● Live').waitFor({ timeout: 30_000 });
    expect(page.url()).not.toContain('signed-in=organisation');
    await page.getByText('Erin Web').first().waitFor();
    await screenshot(page, 'oidc-4-board-after-sign-in');

    // Her board in a second tab: the issuer remembers her, so the sign-in goes straight through.
    const otherTab = await context.newPage();
    await otherTab.goto(api.url);
    await otherTab.getByRole('link', { name: 'Sign in with your organisation’s account' }).click();
    await otherTab.waitForURL((url) => url.origin === api.url && url.hash === '#/board/STI');
    await otherTab.getByText('● Live').waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.origin === issuer.url && url.pathname.startsWith('/session/end'));
    await screenshot(page, 'oidc-5-issuer-sign-out');
    // Back at Resettle she is asked to sign in: the session here has ended.
    await page.goto(api.url);
    await organisation.waitFor();
    expect(await page.evaluate<string | null>("sessionStorage.getItem('resettle.session')")).toBeNull();
    // The other tab's board closed as she signed out, not when its token would have expired, and says why.
    await otherTab.getByText('You signed out, so this page is signed out too.').waitFor({ timeout: 30_000 });
    await otherTab.getByRole('link', { name: 'Sign in with your organisation’s account' }).waitFor();
    expect(await otherTab.evaluate<string | null>("sessionStorage.getItem('resettle.session')")).toBeNull();
    await screenshot(otherTab, 'oidc-6-other-tab-signed-out');
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('signs her in again over her board through a small window, keeping the page as it was', async () => {
    const context = await browser.newContext({ viewport: LAPTOP });
    const cspViolations = await watchCspViolations(context);
    const page = await context.newPage();
    await page.goto(api.url);
    await page.getByRole('link', { name: 'Sign in with your organisation’s account' }).click();
    await page.waitForURL((url) => url.origin === issuer.url);
    await page.locator('input[name="login"]').fill('erin');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.origin === api.url && url.hash === '#/board/STI');
    await page.getByText('● Live').waitFor({ timeout: 30_000 });
    // Her page as she has it: a filter chosen, and a mark that only this page load holds.
    await page.getByLabel('Releasing').selectOption('all');
    await page.evaluate('window.__sameDocument = true');
    const storedToken = "JSON.parse(sessionStorage.getItem('resettle.session') ?? '{}').token";
    const before = await page.evaluate<string>(storedToken);

    // The API refuses her once (her sign-in has run out): the page asks her to sign in again over the board. Only
    // the 24-week board's request is refused: a reload of the board already chosen (a live event, a reconnect) that
    // took the refusal would open the dialog before the filter is changed, and the page under it is inert.
    await page.route(
      (url) => url.pathname === '/women' && url.searchParams.get('window') === '24w',
      (route) => route.fulfill({ status: 401, json: { message: 'expired' } }),
      { times: 1 },
    );
    await page.getByLabel('Releasing').selectOption('24w');
    const dialog = page.getByRole('dialog', { name: 'Sign in again' });
    await dialog.waitFor();
    // Signed in at the issuer already: the small window goes there and back by itself, and closes.
    const [small] = await Promise.all([
      page.waitForEvent('popup'),
      dialog.getByRole('link', { name: 'Sign in with your organisation’s account' }).click(),
    ]);
    await small.waitForEvent('close', { timeout: 30_000 });
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });

    // The same page, with its filter, and a fresh token from the issuer.
    await expect(page.evaluate('window.__sameDocument')).resolves.toBe(true);
    await expect(page.getByLabel('Releasing').inputValue()).resolves.toBe('24w');
    expect(new URL(page.url()).hash).toBe('#/board/STI');
    const after = await page.evaluate<string>(storedToken);
    expect(after).not.toBe(before);
    expect((await fetch(`${api.url}/auth/me`, { headers: { authorization: `Bearer ${after}` } })).status).toBe(200);
    await page.getByText('● Live').waitFor({ timeout: 30_000 });
    await screenshot(page, 'oidc-7-signed-in-again-in-place');
    expect(cspViolations).toEqual([]);
    await context.close();
  });
});
