/**
 * Her release plan from the woman's panel (issue 18 part 3), in a real browser against the real API, gateway and worker: a
 * pre-release team member chooses Welsh, ticks staff names in and downloads the plan; the downloaded PDF is read
 * back (PDF.js) and is her Welsh plan; the print is in the audit trail; a governor's panel offers no plan (the server's
 * allowedActions decide). Screenshots of the panel's form and of the printed plan's first page go to
 * artifacts/screenshots (ignored by git).
 */
import { readFile } from 'node:fs/promises';
import { Browser } from 'playwright-core';
import { Role } from '@app/domain';
import { card, screenshot, signIn } from '../../setup/browser';
import { pdfText } from '../../setup/pdf-text';
import { screenshotPdfPage } from '../../setup/pdf-screenshot';
import { TestApi } from '../../setup/test-app';
import { WebStack, startWebStack } from '../../setup/web-casework';
import {
  SignedInUser,
  createProvider,
  createReleaseArea,
  createSignedInUser,
  createWoman,
  daysFromToday,
  recordNeeds,
} from '../../factories';

jest.setTimeout(120_000);

describe('her release plan from the woman’s panel', () => {
  let web: WebStack | undefined;
  let api: TestApi;
  let browser: Browser;
  let prt: SignedInUser;
  let com: SignedInUser;
  let governor: SignedInUser;

  beforeAll(async () => {
    web = await startWebStack();
    ({ api, browser } = web);
    [prt, com, governor] = await Promise.all([
      createSignedInUser(api.dataSource, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] }),
      createSignedInUser(api.dataSource, api.baseUrl, { role: Role.COM }),
      createSignedInUser(api.dataSource, api.baseUrl, { role: Role.GOVERNOR, prisonCodes: ['STI'] }),
    ]);
  });

  afterAll(async () => {
    await web?.close();
  });

  it('downloads her plan in Welsh from the panel, records the print, and offers no plan to a governor', async () => {
    const provider = await createProvider(api.dataSource);
    const area = await createReleaseArea(api.dataSource, provider.id);
    await api.dataSource.query('UPDATE release_areas SET probation_phone = $2 WHERE code = $1', [
      area.code,
      '01632 960555',
    ]);
    const woman = await createWoman(api.baseUrl, prt.token, {
      releaseAreaCode: area.code,
      conditionalReleaseDate: daysFromToday(30),
    });
    await api.dataSource.query('UPDATE women SET com_id = $2 WHERE id = $1', [woman.id, com.id]);
    await recordNeeds(prt.api, woman.id, ['ACCOMMODATION', 'FINANCE_AND_ID']);
    const releaseDate = (await prt.api.get<{ releaseDate: string }>(`/women/${woman.id}`)).body.releaseDate;
    expect(
      (
        await prt.api.post(`/women/${woman.id}/release-day/appointments`, {
          kind: 'PROBATION',
          startsAt: `${releaseDate}T10:00:00.000Z`,
          durationMinutes: 60,
          place: 'Swyddfa Prawf, Stryd y Castell',
          town: 'Manchester',
        })
      ).status,
    ).toBe(201);

    const { context, page } = await signIn(browser, api.baseUrl, prt);
    await card(page, woman.id).click();
    const form = page.locator('aside.panel [data-testid="release-plan-form"]');
    await form.getByLabel('Welsh (Cymraeg)').check();
    await form.getByLabel('Staff names (otherwise by role and organisation)').check();
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'woman-panel-release-plan-form');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      form.getByRole('button', { name: 'Download her plan (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${woman.prisonNumber}-cynllun-rhyddhau.pdf`);
    const pdf = new Uint8Array(await readFile(await download.path()));
    await form.getByRole('status').filter({ hasText: 'The print is recorded in her audit trail.' }).waitFor();
    await context.close();

    const { text } = await pdfText(pdf);
    for (const shown of [
      'Eich cynllun rhyddhau',
      `${woman.firstName} ${woman.lastName}`,
      'Lle i fyw: tŷ neu lety',
      'Swyddfa Prawf, Stryd y Castell, Manchester',
      'Y tîm cyn rhyddhau yn HMP Styal',
      com.displayName,
      '01632 960555',
      'Gŵyl y Banc',
    ]) {
      expect({ shown, found: text.includes(shown) }).toEqual({ shown, found: true });
    }
    await screenshotPdfPage(browser, pdf, 'release-plan-printed-cy');

    const printed: { actor_id: string; after: { language: string; include: Record<string, boolean> } }[] =
      await api.dataSource.query(
        `SELECT actor_id, after FROM audit_events WHERE woman_id = $1 AND entity_type = 'RELEASE_PLAN'`,
        [woman.id],
      );
    expect(printed).toEqual([
      {
        actor_id: prt.id,
        after: expect.objectContaining({ language: 'cy', include: { staffNames: true, specialCategory: false } }),
      },
    ]);

    const theirs = await signIn(browser, api.baseUrl, governor);
    await card(theirs.page, woman.id).click();
    await theirs.page.locator('aside.panel').getByRole('heading', { name: 'Release day' }).waitFor();
    await expect(theirs.page.locator('aside.panel [data-testid="release-plan-form"]').count()).resolves.toBe(0);
    await theirs.context.close();
  });
});
