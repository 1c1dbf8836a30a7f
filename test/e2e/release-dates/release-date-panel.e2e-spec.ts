/**
 * The woman's panel in a real browser says which date is her release date and why (issue 13 point 2): a
 * recalled woman on a PRRD override set by the prison's calculation (ministryofjustice/prison-api precedence).
 */
import { Browser } from 'playwright-core';
import { Role } from '@app/domain';
import { AppProcess, freePort, startApp } from '../../setup/app-process';
import { card, launchBrowser, screenshot, signIn } from '../../setup/browser';
import { TestApi, startTestApi } from '../../setup/test-app';
import { SignedInUser, createSignedInUser, createWoman, daysFromToday, recordNeeds } from '../../factories';

jest.setTimeout(120_000);

describe('the release date on the woman’s panel', () => {
  let api: TestApi;
  let gateway: AppProcess;
  let browser: Browser;
  let prt: SignedInUser;

  beforeAll(async () => {
    const gatewayPort = await freePort();
    api = await startTestApi({ PUBLIC_GATEWAY_URL: `http://127.0.0.1:${gatewayPort}` });
    gateway = await startApp('gateway', { GATEWAY_ALLOWED_ORIGINS: api.baseUrl }, { port: gatewayPort });
    prt = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await api?.close();
  });

  it('shows a recalled woman released on her PRRD override, and why', async () => {
    const woman = await createWoman(api.baseUrl, prt.token, {
      custodyStatus: 'RECALLED',
      conditionalReleaseDate: null,
      postRecallReleaseDate: daysFromToday(70),
      postRecallReleaseOverrideDate: daysFromToday(63),
    });
    await recordNeeds(prt.api, woman.id, ['ACCOMMODATION']);
    const { context, page } = await signIn(browser, api.baseUrl, prt);
    await card(page, woman.id).click();
    const panel = page.locator('aside.panel');
    await panel.getByRole('heading', { name: `${woman.firstName} ${woman.lastName}` }).waitFor();
    await expect(panel.locator('.release-date-reason').textContent()).resolves.toBe(
      "Post-recall release date (PRRD, override set by the prison's calculation): she was recalled, so only her post-recall release date counts",
    );
    await screenshot(page, 'woman-panel-release-date-reason');
    await context.close();
  });
});
