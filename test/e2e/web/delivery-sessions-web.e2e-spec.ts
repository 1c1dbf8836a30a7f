/**
 * CRS delivery sessions in a real browser against the real API and gateway: the caseworker books a session from
 * her queue and records that she did not attend (which opens her follow-up task); her COM sees the sessions in the
 * woman's panel with no forms, since the server's allowedActions offer her none. Screenshots go to
 * artifacts/screenshots (ignored by git).
 */
import { Browser } from 'playwright-core';
import type { DeliverySessionsView, ReferralDetailView } from '@app/contracts';
import { screenshot, signIn } from '../../setup/browser';
import { TestApi } from '../../setup/test-app';
import { WebCasework, ok, startWebCasework } from '../../setup/web-casework';
import { SignedInUser, createWoman, daysFromToday } from '../../factories';

jest.setTimeout(120_000);

describe('delivery sessions in the web app', () => {
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

  async function approvedReferral(): Promise<ReferralDetailView & { womanName: string }> {
    const woman = await createWoman(api.baseUrl, prt.token, {
      releaseAreaCode: areaCode,
      comId: com.id,
      conditionalReleaseDate: daysFromToday(30),
    });
    const draft = ok(
      await com.api.post<ReferralDetailView>(`/women/${woman.id}/referrals`, {
        pathways: [{ pathway: 'ACCOMMODATION', complexity: 'MEDIUM', desiredOutcomes: ['A settled address'] }],
        riskInformation: { roshLevel: 'LOW', riskSummary: 'No known risk to others' },
      }),
    );
    ok(await com.api.post(`/referrals/${draft.id}/send`, {}));
    ok(await caseworker.api.post(`/referrals/${draft.id}/claim`, {}));
    ok(
      await caseworker.api.post(`/referrals/${draft.id}/book-assessment`, {
        assessmentAt: `${daysFromToday(2)}T10:00:00Z`,
      }),
    );
    ok(await caseworker.api.post(`/referrals/${draft.id}/action-plan`, { actionPlan: 'Weekly tenancy sessions' }));
    const approved = ok(await com.api.post<ReferralDetailView>(`/referrals/${draft.id}/approve-action-plan`, {}));
    return { ...approved, womanName: `${woman.firstName} ${woman.lastName}` };
  }

  it('lets the caseworker book a session from her queue and record that she did not attend', async () => {
    const referral = await approvedReferral();
    const { context, page } = await signIn(browser, api.baseUrl, caseworker);
    await page.getByRole('heading', { name: 'Caseworker queue' }).waitFor();
    const sessions = page.locator(`[data-sessions-of="${referral.id}"]`);
    const book = sessions.getByRole('form', { name: `Book a session for ${referral.reference}` });
    await book.getByLabel('Session starts').fill(`${daysFromToday(3)}T10:00`);
    await book.getByLabel('How').selectOption('IN_PERSON_PROVIDER_LOCATION');
    await book.getByLabel('Where', { exact: true }).fill('The women’s centre, 14 Oldham Street');
    await screenshot(page, 'sessions-book-form');
    await book.getByRole('button', { name: 'Book session' }).click();
    await sessions
      .getByRole('status')
      .filter({ hasText: `${referral.reference}: session: booked.` })
      .waitFor();
    await sessions.getByText('Session 1').waitFor();

    const listed = ok(await caseworker.api.get<DeliverySessionsView>(`/referrals/${referral.id}/sessions`));
    expect(listed.sessions).toHaveLength(1);
    expect(listed.sessions[0]).toMatchObject({ method: 'IN_PERSON_PROVIDER_LOCATION', status: 'BOOKED' });
    // Not yet held: the server offers no attendance form.
    await expect(sessions.getByRole('form', { name: /Record attendance/ }).count()).resolves.toBe(0);

    // The session's time passes (as it would by waiting); the page is read again.
    await api.dataSource.query(`UPDATE delivery_sessions SET starts_at = now() - interval '1 hour' WHERE id = $1`, [
      listed.sessions[0].id,
    ]);
    await page.reload();
    const record = page.getByRole('form', { name: `Record attendance of ${referral.reference} session 1` });
    await record.getByLabel('Did she attend?').selectOption('NO');
    await record.getByLabel('Why she did not attend').fill('Not at the address and did not answer her phone');
    await screenshot(page, 'sessions-attendance-form');
    await record.getByRole('button', { name: 'Record attendance' }).click();
    await page
      .locator(`[data-sessions-of="${referral.id}"]`)
      .getByRole('status')
      .filter({ hasText: 'attendance recorded' })
      .waitFor();
    // Recorded once: the form goes, and the session says what happened.
    await record.waitFor({ state: 'detached' });
    await page.locator(`[data-session-id="${listed.sessions[0].id}"]`).getByText('Did not attend').waitFor();
    // Her follow-up task is hers, in her own work.
    await page.getByText(`Follow up missed CRS session 1 (${referral.reference})`).waitFor();
    await screenshot(page, 'sessions-did-not-attend', true);

    const after = ok(await caseworker.api.get<DeliverySessionsView>(`/referrals/${referral.id}/sessions`));
    expect(after.sessions[0]).toMatchObject({ attendance: 'NO', status: 'ATTENDANCE_RECORDED' });
    expect(after.sessions[0].followUpTaskId).not.toBeNull();
    await context.close();
  });

  it('shows her COM the sessions in the woman’s panel, with no forms to book or record', async () => {
    const referral = await approvedReferral();
    ok(
      await caseworker.api.post(`/referrals/${referral.id}/sessions`, {
        startsAt: `${daysFromToday(4)}T14:00:00Z`,
        durationMinutes: 45,
        method: 'VIDEO_CALL',
      }),
    );
    // Her COM reaches her panel from the draft she has still to send for another pathway.
    const draft = ok(
      await com.api.post<ReferralDetailView>(`/women/${referral.womanId}/referrals`, {
        pathways: [{ pathway: 'EDUCATION_SKILLS_AND_WORK', complexity: 'LOW', desiredOutcomes: ['A course'] }],
      }),
    );
    const { context, page } = await signIn(browser, api.baseUrl, com);
    await page
      .locator(`[data-referral-id="${draft.id}"]`)
      .getByRole('button', { name: referral.womanName })
      .first()
      .click();
    const panel = page.locator('aside.panel');
    const sessions = panel.locator(`[data-sessions-of="${referral.id}"]`);
    await sessions.getByText('Session 1').waitFor();
    await sessions.getByText('Video call').waitFor();
    await expect(sessions.getByRole('form').count()).resolves.toBe(0);
    await screenshot(page, 'sessions-woman-panel-com');
    await context.close();
  });
});
