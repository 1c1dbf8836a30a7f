/**
 * Keywork in the woman's panel (issue 16 point 4), in a real browser against the real API, gateway and worker: a POM
 * records a session (the date and the keyworker, nothing else), the panel shows it with her next due date, and the
 * session is in the database; a governor sees the same section without the buttons (allowedActions decide).
 * Screenshots go to artifacts/screenshots (ignored by git).
 */
import { Browser } from 'playwright-core';
import { keyworkDeadline, Role } from '@app/domain';
import { card, screenshot, signIn } from '../../setup/browser';
import { TestApi } from '../../setup/test-app';
import { WebStack, startWebStack } from '../../setup/web-casework';
import { SignedInUser, createSignedInUser, createWoman, daysFromToday, recordNeeds, today } from '../../factories';

jest.setTimeout(120_000);

describe('keywork in the woman’s panel', () => {
  let web: WebStack | undefined;
  let api: TestApi;
  let browser: Browser;
  let prt: SignedInUser;
  let pom: SignedInUser;
  let governor: SignedInUser;

  beforeAll(async () => {
    web = await startWebStack();
    ({ api, browser } = web);
    [prt, pom, governor] = await Promise.all([
      createSignedInUser(api.dataSource, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] }),
      createSignedInUser(api.dataSource, api.baseUrl, { role: Role.POM, prisonCodes: ['STI'] }),
      createSignedInUser(api.dataSource, api.baseUrl, { role: Role.GOVERNOR, prisonCodes: ['STI'] }),
    ]);
  });

  afterAll(async () => {
    await web?.close();
  });

  it('lets a POM record a keywork session from the panel, and shows a governor the same without buttons', async () => {
    const woman = await createWoman(api.baseUrl, prt.token, {
      keyworkerName: 'Kim Officer',
      conditionalReleaseDate: daysFromToday(30),
    });
    await recordNeeds(prt.api, woman.id, ['ACCOMMODATION']);

    const { context, page } = await signIn(browser, api.baseUrl, pom);
    await card(page, woman.id).click();
    const section = page.locator('aside.panel [data-testid="keywork"]');
    await section.getByText('last session none recorded').waitFor();
    await section.getByLabel('Keyworker (empty: the one on her record)').fill('Sam Officer');
    await section.getByRole('button', { name: 'Record keywork session' }).click();
    await page.locator('aside.panel').getByRole('status').filter({ hasText: 'Keywork session: recorded.' }).waitFor();
    await section.getByRole('list', { name: 'Keywork sessions' }).getByText('with Sam Officer').waitFor();
    const due = keyworkDeadline({ lastSessionOn: today(), receptionDate: woman.receptionDate, frequencyWeeks: 1 });
    const dueText = new Date(`${due.dueDate}T12:00:00Z`).toLocaleDateString('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    await section.getByTestId('keywork-next-due').getByText(`Next session due by ${dueText}`).waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'woman-panel-keywork');
    await context.close();

    const rows: { session_on: string; keyworker_name: string; recorded_by_id: string }[] = await api.dataSource.query(
      `SELECT to_char(session_on, 'YYYY-MM-DD') AS session_on, keyworker_name, recorded_by_id
         FROM keywork_sessions WHERE woman_id = $1`,
      [woman.id],
    );
    expect(rows).toEqual([{ session_on: today(), keyworker_name: 'Sam Officer', recorded_by_id: pom.id }]);

    const oversight = await signIn(browser, api.baseUrl, governor);
    await card(oversight.page, woman.id).click();
    const seen = oversight.page.locator('aside.panel [data-testid="keywork"]');
    await seen.getByText('with Sam Officer').waitFor();
    await expect(seen.getByRole('button').count()).resolves.toBe(0);
    await oversight.context.close();
  });
});
