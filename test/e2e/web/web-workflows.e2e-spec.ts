/**
 * The web app's working screens in a real browser against the real API and a real gateway process: catching up
 * after the gateway goes away and comes back (without a page reload), the COM's caseload, the caseworker's
 * queue, the board on a wall screen and a laptop and from the keyboard, notes and alerts in the woman's panel,
 * and the owning-role filter. Screenshots of each screen go to artifacts/screenshots (ignored by git).
 */
import { Browser, Page } from 'playwright-core';
import { Pathway, Role } from '@app/domain';
import type { ReferralDetailView, WomanDetailView } from '@app/contracts';
import { AppProcess, startApp } from '../../setup/app-process';
import { LAPTOP, WALL_SCREEN, card, screenshot, signIn } from '../../setup/browser';
import { TestApi } from '../../setup/test-app';
import { WebCasework, ok, startWebCasework } from '../../setup/web-casework';
import { until } from '../../setup/until';
import {
  SignedInUser,
  createWoman,
  daysFromToday,
  everyPassedThresholdRaised,
  recordNeeds,
  uniqueSuffix,
} from '../../factories';

jest.setTimeout(120_000);

const ACCOMMODATION = {
  pathway: 'ACCOMMODATION',
  complexity: 'MEDIUM',
  desiredOutcomes: ['A settled address before release'],
};
const RISK = { roshLevel: 'MEDIUM', riskSummary: 'Risk to a former partner when drinking' };

describe('the web app at work', () => {
  let api: TestApi;
  let gateway: AppProcess;
  let browser: Browser;
  let prt: SignedInUser;
  let com: SignedInUser;
  let caseworker: SignedInUser;
  let areaCode: string;

  let web: WebCasework | undefined;

  beforeAll(async () => {
    web = await startWebCasework();
    ({ api, gateway, browser, prt, com, caseworker, areaCode } = web);
  });

  afterAll(async () => {
    await web?.close();
  });

  /** A Styal woman in the suite's CRS area, on the suite COM's caseload, releasing in a month. */
  async function newWoman(needs: string[]): Promise<WomanDetailView> {
    const woman = await createWoman(api.baseUrl, prt.token, {
      releaseAreaCode: areaCode,
      comId: com.id,
      conditionalReleaseDate: daysFromToday(30),
    });
    if (needs.length > 0) await recordNeeds(prt.api, woman.id, needs);
    return ok(await prt.api.get<WomanDetailView>(`/women/${woman.id}`));
  }

  async function draftReferral(womanId: string): Promise<ReferralDetailView> {
    return ok(
      await com.api.post<ReferralDetailView>(`/women/${womanId}/referrals`, {
        pathways: [ACCOMMODATION],
        riskInformation: RISK,
      }),
    );
  }

  async function sentReferral(womanId: string): Promise<ReferralDetailView> {
    const draft = await draftReferral(womanId);
    return ok(await com.api.post<ReferralDetailView>(`/referrals/${draft.id}/send`, {}));
  }

  /** Taken by the caseworker, assessed and planned: it waits on the COM to approve the action plan. */
  async function referralAwaitingApproval(womanId: string): Promise<ReferralDetailView> {
    const sent = await sentReferral(womanId);
    ok(await caseworker.api.post(`/referrals/${sent.id}/claim`, {}));
    ok(await caseworker.api.post(`/referrals/${sent.id}/book-assessment`, { assessmentAt: '2030-01-07T10:00:00Z' }));
    return ok(
      await caseworker.api.post<ReferralDetailView>(`/referrals/${sent.id}/action-plan`, {
        actionPlan: 'Weekly sessions with the housing caseworker; a bid for supported housing in Salford.',
      }),
    );
  }

  async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
    return page.evaluate('({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })');
  }

  it('shows it is reconnecting when the gateway goes away, then catches up without a reload', async () => {
    const woman = await newWoman(['ACCOMMODATION']);
    const { context, page } = await signIn(browser, api.baseUrl, prt);
    await card(page, woman.id).waitFor();
    // Her creation's events may still be on their way (and would refetch the board), and so may the alerts the
    // worker raises for the thresholds her tasks have already passed (she walks out in a month): an alert event
    // reaching the page just before the gateway goes would refetch the board after the need below is recorded.
    // The sentinel: once the worker has raised every alert she is due, a change of her name, which shows on her
    // card only once every earlier event has reached the page (events come in sequence order).
    await recordNeeds(prt.api, woman.id, ['HEALTH']);
    expect(await until(() => everyPassedThresholdRaised(api.dataSource, woman.id), 60_000)).toBe(true);
    const sentinelName = `Sentinel-${uniqueSuffix()}`;
    ok(await prt.api.patch(`/women/${woman.id}`, { lastName: sentinelName }));
    await card(page, woman.id).getByText(sentinelName).waitFor({ timeout: 30_000 });
    // Set on this page load only: a reload would lose it.
    await page.evaluate('window.__sameDocument = true');

    // The gateway shuts down as it would for a deploy; the page says so.
    const port = gateway.port;
    await gateway.stop();
    try {
      await page.getByText('○ Reconnecting…').waitFor({ timeout: 30_000 });
      // Meanwhile someone records a new need: the board cannot know yet. The sentinel: the page's next attempt to
      // reach the gateway, made after the need was recorded (an attempt is when it could have learnt of it).
      await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
      await page.waitForEvent('websocket', { timeout: 30_000 });
      await expect(card(page, woman.id).textContent()).resolves.not.toContain('Finance and ID');
      await screenshot(page, 'reconnecting');
    } finally {
      // The gateway comes back where the page expects it (and where the later tests need it).
      gateway = await startApp('gateway', { GATEWAY_ALLOWED_ORIGINS: api.baseUrl }, { port });
      if (web) web.gateway = gateway;
    }
    // The page reconnects and catches up by itself.
    await page.getByText('● Live').waitFor({ timeout: 60_000 });
    await card(page, woman.id)
      .getByText(/Finance and ID: (overdue|at risk|on track)/)
      .waitFor({ timeout: 30_000 });
    await expect(page.evaluate('window.__sameDocument')).resolves.toBe(true);
    await context.close();
  });

  it('shows a COM the referrals she has to send and the action plans she has to approve', async () => {
    const [first, second] = await Promise.all([newWoman(['ACCOMMODATION']), newWoman(['ACCOMMODATION'])]);
    const draft = await draftReferral(first.id);
    const planned = await referralAwaitingApproval(second.id);
    const { context, page } = await signIn(browser, api.baseUrl, com);
    await page.getByRole('heading', { name: 'My caseload' }).waitFor();

    const toSend = page.locator('section', { has: page.getByRole('heading', { name: 'Referrals to send' }) });
    const toApprove = page.locator('section', {
      has: page.getByRole('heading', { name: 'Action plans awaiting approval' }),
    });
    await toSend.getByText(new RegExp(`^${draft.reference} · `)).waitFor();
    await expect(toSend.textContent()).resolves.toContain(`${first.firstName} ${first.lastName}`);
    await toApprove.getByText(new RegExp(`^${planned.reference} · `)).waitFor();
    await expect(toSend.textContent()).resolves.not.toContain(planned.reference);
    await screenshot(page, 'com-view');

    await toApprove.locator('li', { hasText: planned.reference }).getByRole('button', { name: 'Approve' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${planned.reference}: done` })
      .waitFor();
    await toApprove.getByText(new RegExp(`^${planned.reference} · `)).waitFor({ state: 'detached' });
    const after = ok(await com.api.get<ReferralDetailView>(`/referrals/${planned.id}`));
    expect(after.status).toBe('ACTION_PLAN_APPROVED');
    await context.close();
  });

  it('lets a COM open a woman from her caseload and send her referral from the panel', async () => {
    const woman = await newWoman(['ACCOMMODATION']);
    const draft = await draftReferral(woman.id);
    const { context, page } = await signIn(browser, api.baseUrl, com);
    await page
      .locator(`[data-referral-id="${draft.id}"]`)
      .getByRole('button', { name: `${woman.firstName} ${woman.lastName}` })
      .click();
    const panel = page.locator('aside.panel');
    const line = panel.locator(`[data-referral-id="${draft.id}"]`);
    await line.getByText('draft').waitFor();
    await line.getByRole('button', { name: 'Send to the provider' }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: `${draft.reference}: done` })
      .waitFor();
    await line.getByText('sent').waitFor();
    await screenshot(page, 'woman-panel-referral');
    // Sent, it is the caseworker's to take: the COM has no further step to offer.
    await expect(line.getByRole('button').count()).resolves.toBe(0);
    const after = ok(await com.api.get<ReferralDetailView>(`/referrals/${draft.id}`));
    expect(after.status).toBe('SENT');
    await context.close();
  });

  it('shows a caseworker a referral to take and a task to claim, and takes the referral', async () => {
    const woman = await newWoman(['ACCOMMODATION', 'EDUCATION_SKILLS_AND_WORK']);
    const referral = await sentReferral(woman.id);
    const crsTask = woman.tasks.find((t) => t.ownerRole === Role.CRS_CASEWORKER);
    const { context, page } = await signIn(browser, api.baseUrl, caseworker);
    await page.getByRole('heading', { name: 'Caseworker queue' }).waitFor();

    const referralItem = page.locator('li', { hasText: referral.reference });
    await referralItem.getByRole('button', { name: 'Take referral' }).waitFor();
    await page.locator(`[data-task-id="${crsTask?.id}"]`).getByRole('button', { name: 'Claim' }).waitFor();
    await screenshot(page, 'caseworker-queue-referrals');

    await referralItem.getByRole('button', { name: 'Take referral' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${referral.reference}: it is yours` })
      .waitFor();
    const myWork = page.locator('section', { has: page.getByRole('heading', { name: 'My work' }) });
    await myWork.getByText(new RegExp(`^${referral.reference} · `)).waitFor();
    const after = ok(await caseworker.api.get<ReferralDetailView>(`/referrals/${referral.id}`));
    expect([after.status, after.caseworkerId]).toEqual(['ASSIGNED', caseworker.id]);
    await context.close();
  });

  it('fits a wall screen and a laptop without sideways scrolling, and opens a woman from the keyboard', async () => {
    const woman = await newWoman(['ACCOMMODATION', 'FINANCE_AND_ID', 'HEALTH']);
    for (const [name, viewport] of [
      ['board-wall-screen', WALL_SCREEN],
      ['board-laptop', LAPTOP],
    ] as const) {
      const { context, page } = await signIn(browser, api.baseUrl, prt, viewport);
      await card(page, woman.id).waitFor();
      const { scrollWidth, innerWidth } = await horizontalOverflow(page);
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      await screenshot(page, name);
      await context.close();
    }

    const { context, page } = await signIn(browser, api.baseUrl, prt);
    await card(page, woman.id).waitFor();
    let focused: string | null = null;
    for (let presses = 0; presses < 200 && focused !== woman.id; presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate<string | null>('document.activeElement?.getAttribute("data-woman-id") ?? null');
    }
    expect(focused).toBe(woman.id);
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: `${woman.firstName} ${woman.lastName}` });
    await heading.waitFor();
    // Focus moves to her name, so the next Tab is inside the panel; Escape closes it and returns to her card.
    await expect(page.evaluate('document.activeElement?.id')).resolves.toBe('panel-title');
    const { scrollWidth, innerWidth } = await horizontalOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await page.keyboard.press('Escape');
    await heading.waitFor({ state: 'detached' });
    await expect(page.evaluate('document.activeElement?.getAttribute("data-woman-id")')).resolves.toBe(woman.id);
    await context.close();
  });

  it('adds a note and acknowledges an alert from the panel, and filters the board by owning role', async () => {
    // One woman with CRS and pre-release team work, one with pre-release team work only (health).
    const both = await newWoman(['ACCOMMODATION', 'HEALTH']);
    const prisonOnly = await newWoman(['HEALTH']);
    const task = both.tasks.find((t) => t.ownerRole === Role.PRE_RELEASE_TEAM && t.pathway === Pathway.HEALTH);
    if (!task) throw new Error('no pre-release team health task');
    // An alert row as the deadline engine writes it (the engine itself is tested in test/e2e/live).
    await api.dataSource.query(
      `INSERT INTO alerts (task_id, woman_id, kind, level, deadline_revision, threshold_at, recipients)
       VALUES ($1, $2, 'OVERDUE', 0, 1, now(), '{"rooms": []}')`,
      [task.id, both.id],
    );
    const { context, page } = await signIn(browser, api.baseUrl, prt);
    const chip = (womanId: string, label: string) =>
      card(page, womanId).getByText(new RegExp(`${label}: (overdue|at risk|on track)`));
    await chip(both.id, 'Accommodation').waitFor();
    await chip(both.id, 'Health').waitFor();
    await card(page, prisonOnly.id).waitFor();

    await page.getByLabel('Owned by').selectOption('CRS_CASEWORKER');
    await card(page, prisonOnly.id).waitFor({ state: 'detached' });
    await chip(both.id, 'Accommodation').waitFor();
    await chip(both.id, 'Health').waitFor({ state: 'detached' });
    await screenshot(page, 'board-owning-role');
    await page.getByLabel('Owned by').selectOption('PRE_RELEASE_TEAM');
    await card(page, prisonOnly.id).waitFor();
    await chip(both.id, 'Health').waitFor();
    await page.getByLabel('Owned by').selectOption('');

    await card(page, both.id).click();
    const panel = page.locator('aside.panel');
    const taskItem = panel.locator(`.task-list [data-task-id="${task.id}"]`);
    await taskItem.getByText('Add a note').click();
    await taskItem.getByLabel('Note').fill('GP at Wythenshawe agreed to register her; letter to follow.');
    await taskItem.getByRole('button', { name: 'Save note' }).click();
    await panel.getByRole('status').filter({ hasText: 'saved' }).waitFor();
    await taskItem
      .getByRole('list', { name: `Notes on ${task.title}` })
      .getByText('GP at Wythenshawe agreed to register her; letter to follow.')
      .waitFor();
    await expect(taskItem.textContent()).resolves.toContain(prt.displayName);

    const alertLine = panel.locator('.panel-alerts').locator(`[data-task-id="${task.id}"]`);
    await alertLine.getByText(task.title, { exact: false }).first().waitFor();
    await screenshot(page, 'woman-panel-note');
    await alertLine.getByRole('button', { name: 'Acknowledge' }).click();
    await alertLine.waitFor({ state: 'detached' });
    const rows: { acknowledged_by_id: string | null }[] = await api.dataSource.query(
      'SELECT acknowledged_by_id FROM alerts WHERE task_id = $1',
      [task.id],
    );
    expect(rows).toEqual([{ acknowledged_by_id: prt.id }]);
    await context.close();
  });
});
