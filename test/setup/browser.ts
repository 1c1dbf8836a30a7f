/**
 * The browser for the web app's tests: Debian's Chromium driven by playwright-core (no browser downloads),
 * and signing a user in through the real sign-in page. Screenshots go to artifacts/screenshots (ignored by git).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import type { TestUser } from '../factories';

export const SCREENSHOTS = join(__dirname, '..', '..', 'artifacts', 'screenshots');

export const LAPTOP = { width: 1280, height: 800 };
export const WALL_SCREEN = { width: 2560, height: 1440 };

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Records every Content-Security-Policy violation in the context's pages from now on: the page's own
 * securitypolicyviolation events (what a report-uri would receive) and Chromium's console messages about
 * refused loads, which also cover what the page cannot see (a refused frame, say).
 */
export async function watchCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('reportCspViolation', (_source, violation: string) => {
    violations.push(violation);
  });
  // A string, as the test's own types know nothing of the browser's document.
  await context.addInitScript(`document.addEventListener('securitypolicyviolation', (event) => {
    window.reportCspViolation(event.effectiveDirective + ' refused ' + event.blockedURI + ' at ' + event.sourceFile + ':' + event.lineNumber);
  });`);
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

const CSP_SENTINEL = 'http://csp-sentinel.invalid/sentinel.png';

/**
 * The violations reported so far, other than a sentinel: an image from an origin no policy admits, loaded on
 * purpose and waited for. Reports arrive in order, so once the sentinel's is in, any earlier one is too.
 */
export async function cspViolationsSoFar(page: Page, violations: string[]): Promise<string[]> {
  await page.evaluate(`new Image().src = '${CSP_SENTINEL}'`);
  const deadline = Date.now() + 10_000;
  while (!violations.some((v) => v.includes(CSP_SENTINEL))) {
    if (Date.now() > deadline) throw new Error('the CSP sentinel was never reported: is the watch working?');
    await page.waitForTimeout(50);
  }
  return violations.filter((v) => !v.includes(CSP_SENTINEL));
}

/**
 * A fresh browser context (its own session storage) signed in as the user, with the live connection up, and
 * the Content-Security-Policy violations its pages report.
 */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  user: TestUser,
  viewport = LAPTOP,
): Promise<{ context: BrowserContext; page: Page; cspViolations: string[] }> {
  const context = await browser.newContext({ viewport });
  const cspViolations = await watchCspViolations(context);
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('● Live').waitFor({ timeout: 30_000 });
  return { context, page, cspViolations };
}

export function screenshot(page: Page, name: string, fullPage = false): Promise<Buffer> {
  return page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** The board card of one woman. */
export function card(page: Page, womanId: string) {
  return page.locator(`[data-woman-id="${womanId}"]`);
}
