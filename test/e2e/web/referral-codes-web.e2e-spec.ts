/**
 * The woman's panel in a real browser: a referral's needs and requirements shown under it, and a COM withdrawing it
 * by choosing a coded reason from the list, with free text. Screenshots go to artifacts/screenshots (ignored by git).
 */
import { Browser } from 'playwright-core';
import type { ReferralDetailView } from '@app/contracts';
import { screenshot, signIn } from '../../setup/browser';
import { TestApi } from '../../setup/test-app';
import { WebCasework, ok, startWebCasework } from '../../setup/web-casework';
import { SignedInUser, createWoman, daysFromToday } from '../../factories';

jest.setTimeout(120_000);

const RISK = { roshLevel: 'LOW', riskSummary: 'No known risk to others' };
const pathway = (name: string) => ({ pathway: name, complexity: 'MEDIUM', desiredOutcomes: ['Support on release'] });

describe('coded withdrawal and needs in the woman’s panel', () => {
  let api: TestApi;
  let browser: Browser;
  let prt: SignedInUser;
  let com: SignedInUser;
  let caseworker: SignedInUser;
  let areaCode: string;

  let web: WebCasework | undefined;

  beforeAll(async () => {
    web = await startWebCasework();
    ({ api, browser, prt, com, caseworker, areaCode } = web);
  });

  afterAll(async () => {
    await web?.close();
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
