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

/** A fresh browser context (its own session storage) signed in as the user, with the live connection up. */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  user: TestUser,
  viewport = LAPTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('● Live').waitFor({ timeout: 30_000 });
  return { context, page };
}

export function screenshot(page: Page, name: string, fullPage = false): Promise<Buffer> {
  return page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** The board card of one woman. */
export function card(page: Page, womanId: string) {
  return page.locator(`[data-woman-id="${womanId}"]`);
}
