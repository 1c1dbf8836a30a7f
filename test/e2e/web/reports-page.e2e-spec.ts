/**
 * The governor's reports page in a real browser: the report for her prison, a drill-down to the tasks, a
 * chart, and a CSV download whose rows are the rows on screen, with no Content-Security-Policy violation.
 * Screenshots go to artifacts/screenshots.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Browser, chromium } from 'playwright-core';
import { addCalendarDays, addWorkingDays, lastWorkingDayOnOrBefore, Role } from '@app/domain';
import { AppProcess, freePort, startApp } from '../../setup/app-process';
import { cspViolationsSoFar, watchCspViolations } from '../../setup/browser';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  createPrison,
  createReleaseArea,
  createSignedInUser,
  insertTask,
  insertWoman,
  SignedInUser,
  testRegionCode,
  today,
} from '../../factories';

jest.setTimeout(90_000);

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'artifacts', 'screenshots');

describe('the reports page', () => {
  let api: TestApi;
  let gateway: AppProcess;
  let browser: Browser;
  let governor: SignedInUser;
  let prison: string;

  beforeAll(async () => {
    // The API names the gateway to its pages and the gateway admits the API's pages: the port comes first.
    const gatewayPort = await freePort();
    api = await startTestApi({ PUBLIC_GATEWAY_URL: `http://127.0.0.1:${gatewayPort}` });
    gateway = await startApp('gateway', { GATEWAY_ALLOWED_ORIGINS: api.baseUrl }, { port: gatewayPort });
    prison = await createPrison(api.dataSource, testRegionCode());
    const area = await createReleaseArea(api.dataSource, null);
    const woman = await insertWoman(api.dataSource, {
      prisonCode: prison,
      releaseAreaCode: area.code,
      releaseDate: addCalendarDays(today(), 40),
    });
    const late = (days: number) => addWorkingDays(lastWorkingDayOnOrBefore(today()), -days);
    await insertTask(api.dataSource, {
      womanId: woman,
      ownerRole: 'POM',
      pathway: 'FINANCE_AND_ID',
      dueDate: late(4),
      title: 'Apply for her birth certificate',
    });
    await insertTask(api.dataSource, {
      womanId: woman,
      ownerRole: 'PRE_RELEASE_TEAM',
      pathway: 'ACCOMMODATION',
      dueDate: late(9),
    });
    governor = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.GOVERNOR, prisonCodes: [prison] });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await api?.close();
  });

  it('shows a governor her prison’s overdue work, drills down, charts the trend, and downloads a table as CSV', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const cspViolations = await watchCspViolations(context);
    const page = await context.newPage();
    await page.goto(api.baseUrl);
    await page.getByLabel('Username').fill(governor.username);
    await page.getByLabel('Password').fill(governor.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Reports' }).click();

    const byPrison = page.locator('section', { has: page.getByRole('heading', { name: 'By prison' }) });
    const row = byPrison.getByRole('row', { name: new RegExp(`Test prison ${prison}`) });
    await row.waitFor({ timeout: 30_000 });
    const cells = await row.getByRole('cell').allTextContents();
    // Prison, at risk, overdue, then the four age buckets: one 3-7 and one 8-14 working days late.
    expect(cells.slice(0, 7)).toEqual([`Test prison ${prison}`, '0', '2', '0', '1', '1', '0']);
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-overdue-work.png'), fullPage: true });

    const downloading = page.waitForEvent('download');
    await byPrison.getByRole('button', { name: /Download CSV/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^overdue-work-byPrison-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv: Record<string, string>[] = parse(readFileSync(await download.path(), 'utf8'), { columns: true });
    expect(csv).toHaveLength(1);
    const headers = await byPrison.getByRole('columnheader').allTextContents();
    // Every column on screen is in the file with the same value (the file also carries the codes).
    headers
      .filter((h) => h !== 'Tasks')
      .forEach((header, i) => expect([header, csv[0][header]]).toEqual([header, cells[i]]));
    expect(csv[0]['Prison code']).toBe(prison);

    await row.getByRole('button', { name: 'Show tasks' }).click();
    await page.getByRole('cell', { name: 'Apply for her birth certificate' }).waitFor();

    await page.getByRole('button', { name: 'Overdue trend' }).click();
    await page.getByRole('img', { name: /Overdue and at-risk tasks at the end of each week/ }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-trend.png'), fullPage: true });
    // The charts (Chart.js) and the CSV download pass the Content-Security-Policy.
    await expect(cspViolationsSoFar(page, cspViolations)).resolves.toEqual([]);
    await context.close();
  });
});
