/**
 * The woman's panel in a real browser: a referral's needs and requirements shown under it, and a COM withdrawing it
 * by choosing a coded reason from the list, with free text. Screenshots go to artifacts/screenshots (ignored by git).
 */
import { Browser } from 'playwright-core';
import { Role } from '@app/domain';
import type { ReferralDetailView } from '@app/contracts';
import { ApiResponse, ErrorBody } from '../../setup/api-client';
import { AppProcess, freePort, startApp } from '../../setup/app-process';
import { launchBrowser, screenshot, signIn } from '../../setup/browser';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  createWoman,
  daysFromToday,
} from '../../factories';

jest.setTimeout(120_000);

const RISK = { roshLevel: 'LOW', riskSummary: 'No known risk to others' };
const pathway = (name: string) => ({ pathway: name, complexity: 'MEDIUM', desiredOutcomes: ['Support on release'] });

function ok<T>(response: ApiResponse<T | ErrorBody>): T {
  if (response.status !== 200 && response.status !== 201) {
    throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body as T;
}

describe('coded withdrawal and needs in the woman’s panel', () => {
  let api: TestApi;
  let gateway: AppProcess;
  let browser: Browser;
  let prt: SignedInUser;
  let com: SignedInUser;
  let caseworker: SignedInUser;
  let areaCode: string;

  beforeAll(async () => {
    const gatewayPort = await freePort();
    api = await startTestApi({ PUBLIC_GATEWAY_URL: `http://127.0.0.1:${gatewayPort}` });
    gateway = await startApp('gateway', { GATEWAY_ALLOWED_ORIGINS: api.baseUrl }, { port: gatewayPort });
    const provider = await createProvider(api.dataSource);
    areaCode = (await createReleaseArea(api.dataSource, provider.id)).code;
    [prt, com, caseworker] = await Promise.all([
      createSignedInUser(api.dataSource, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] }),
      createSignedInUser(api.dataSource, api.baseUrl, { role: Role.COM }),
      createSignedInUser(api.dataSource, api.baseUrl, { role: Role.CRS_CASEWORKER, providerId: provider.id }),
    ]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await api?.close();
  });

  it('shows her needs under the referral and withdraws it with the code chosen from the list', async () => {
    const woman = await createWoman(api.baseUrl, prt.token, {
      releaseAreaCode: areaCode,
      comId: com.id,
      conditionalReleaseDate: daysFromToday(30),
    });
    const draft = ok(
      await com.api.post<ReferralDetailView>(`/women/${woman.id}/referrals`, {
        pathways: [pathway('FINANCE_AND_ID')],
        riskInformation: RISK,
      }),
    );
    const toWithdraw = ok(
      await com.api.post<ReferralDetailView>(`/women/${woman.id}/referrals`, {
        pathways: [pathway('ACCOMMODATION')],
        riskInformation: RISK,
        needsAndRequirements: {
          accessibilityNeeds: 'Ground-floor rooms only',
          needsInterpreter: true,
          interpreterLanguage: 'Polish',
        },
      }),
    );
    ok(await com.api.post(`/referrals/${toWithdraw.id}/send`, {}));

    const { context, page } = await signIn(browser, api.baseUrl, com);
    await page
      .locator(`[data-referral-id="${draft.id}"]`)
      .getByRole('button', { name: `${woman.firstName} ${woman.lastName}` })
      .click();
    const panel = page.locator('aside.panel');
    const line = panel.locator(`[data-referral-id="${toWithdraw.id}"]`);
    await line.getByText('Interpreter: Polish').waitFor();
    await line.getByText('Accessibility: Ground-floor rooms only').waitFor();

    await line.locator('[data-form="withdraw"] summary').click();
    const submit = line.getByRole('button', { name: 'Withdraw referral' });
    await expect(submit.isDisabled()).resolves.toBe(true);
    await line.getByLabel('Reason').selectOption('NOT');
    await line.getByLabel(/What happened/).fill('Missed three first appointments at the women’s centre');
    await screenshot(page, 'referral-withdraw-coded');
    await submit.click();
    await panel
      .getByRole('status')
      .filter({ hasText: `${toWithdraw.reference}: withdrawn.` })
      .waitFor();
    await line.getByText('Withdrawn: Not engaged (Missed three first appointments at the women’s centre)').waitFor();
    await screenshot(page, 'referral-withdrawn-coded');

    const after = ok(await com.api.get<ReferralDetailView>(`/referrals/${toWithdraw.id}`));
    expect(after).toMatchObject({
      status: 'WITHDRAWN',
      withdrawalReasonCode: 'NOT',
      withdrawnReason: 'Missed three first appointments at the women’s centre',
    });
    await context.close();
  });

  it('shows the provider its withdrawals counted by code on the Reports page', async () => {
    const woman = await createWoman(api.baseUrl, prt.token, { releaseAreaCode: areaCode, comId: com.id });
    const draft = ok(
      await com.api.post<ReferralDetailView>(`/women/${woman.id}/referrals`, {
        pathways: [pathway('ACCOMMODATION')],
        riskInformation: RISK,
      }),
    );
    ok(await com.api.post(`/referrals/${draft.id}/send`, {}));
    ok(await com.api.post(`/referrals/${draft.id}/withdraw`, { reasonCode: 'MOV', reason: 'Moving to Leeds' }));

    const { context, page } = await signIn(browser, api.baseUrl, caseworker);
    await page.getByRole('link', { name: 'Reports' }).click();
    const byCode = page.locator('section', {
      has: page.getByRole('heading', { name: 'Returns and withdrawals by reason code' }),
    });
    const row = byCode.getByRole('row', { name: /Moved out of service area/ });
    await row.waitFor({ timeout: 30_000 });
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(1)).toEqual(['Withdrawn', 'MOV', 'Moved out of service area', 'Her circumstances changed', '1']);
    await byCode.scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-withdrawals-by-code');
    await context.close();
  });
});
