/**
 * People's contact details and message preferences: her own through GET/PATCH /users/me/settings, anyone's by an
 * administrator only, bad input refused naming the field with nothing written, every change audited; and the
 * settings page in a real browser, reached from the header.
 */
import { Browser } from 'playwright-core';
import { Role } from '@app/domain';
import type { UserSettingsView } from '@app/contracts';
import { AppProcess, freePort, startApp } from '../../setup/app-process';
import { launchBrowser, screenshot, signIn } from '../../setup/browser';
import { TestApi, startTestApi } from '../../setup/test-app';
import { createSignedInUser, SignedInUser } from '../../factories';

jest.setTimeout(90_000);

describe('contact details and message preferences', () => {
  let api: TestApi;
  let gateway: AppProcess;
  let browser: Browser;
  let admin: SignedInUser;

  beforeAll(async () => {
    const gatewayPort = await freePort();
    api = await startTestApi({ PUBLIC_GATEWAY_URL: `http://127.0.0.1:${gatewayPort}` });
    gateway = await startApp('gateway', { GATEWAY_ALLOWED_ORIGINS: api.baseUrl }, { port: gatewayPort });
    admin = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.ADMIN });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await api?.close();
  });

  function caseworkerAt(prison: string): Promise<SignedInUser> {
    return createSignedInUser(api.dataSource, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: [prison] });
  }

  async function auditOf(userId: string): Promise<{ action: string; actor_id: string; after: UserSettingsView }[]> {
    return api.dataSource.query(
      `SELECT action, actor_id, after FROM audit_events WHERE entity_type = 'USER' AND entity_id = $1 ORDER BY id`,
      [userId],
    );
  }

  it('lets her keep her own e-mail and mobile, normalising the number, and audits the change', async () => {
    const prt = await caseworkerAt('STI');
    const before = await prt.api.get<UserSettingsView>('/users/me/settings');
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      email: null,
      mobile: null,
      notifyByEmail: true,
      notifyBySms: false,
      notifyClaimedTasks: false,
      preferredLanguage: null,
    });

    const changed = await prt.api.patch<UserSettingsView>('/users/me/settings', {
      email: 'jo.bloggs@justice.test.example',
      mobile: '07700 900123',
      notifyBySms: true,
    });

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ email: 'jo.bloggs@justice.test.example', mobile: '+447700900123' });
    expect((await prt.api.get<UserSettingsView>('/users/me/settings')).body).toEqual(changed.body);
    const audit = await auditOf(prt.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'SETTINGS_CHANGED', actor_id: prt.id, after: changed.body });
  });

  it('keeps the language she chooses for the web app (en or cy), audited like her other settings', async () => {
    const prt = await caseworkerAt('STI');
    const changed = await prt.api.patch<UserSettingsView>('/users/me/settings', { preferredLanguage: 'cy' });
    expect(changed.status).toBe(200);
    expect(changed.body.preferredLanguage).toBe('cy');
    expect((await prt.api.get<UserSettingsView>('/users/me/settings')).body.preferredLanguage).toBe('cy');
    const audit = await auditOf(prt.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'SETTINGS_CHANGED',
      actor_id: prt.id,
      after: { preferredLanguage: 'cy' },
    });
  });

  it.each([
    ['preferredLanguage', { preferredLanguage: 'fr' }],
    ['mobile', { mobile: '020 7946 0000' }],
    ['email', { email: 'not an address' }],
    ['notifyBySms', { notifyBySms: true }],
    ['notifyClaimedTasks', { notifyClaimedTasks: 'yes' }],
  ])('refuses a bad %s with a 400 naming it, and writes nothing', async (field, body) => {
    const prt = await caseworkerAt('STI');
    const response = await prt.api.patch<{ message: string }>('/users/me/settings', body);
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(field);
    expect(await auditOf(prt.id)).toEqual([]);
    const [row]: { email: string | null; mobile: string | null; notify_by_sms: boolean }[] = await api.dataSource.query(
      'SELECT email, mobile, notify_by_sms FROM users WHERE id = $1',
      [prt.id],
    );
    expect(row).toEqual({ email: null, mobile: null, notify_by_sms: false });
  });

  it('lets an administrator correct anyone’s details, and no one else', async () => {
    const prt = await caseworkerAt('STI');
    const colleague = await caseworkerAt('STI');

    const refused = await colleague.api.patch(`/users/${prt.id}/settings`, { email: 'someone@else.test.example' });
    expect(refused.status).toBe(403);
    const corrected = await admin.api.patch<UserSettingsView>(`/users/${prt.id}/settings`, {
      email: 'corrected@justice.test.example',
    });
    expect(corrected.status).toBe(200);
    expect((await prt.api.get<UserSettingsView>('/users/me/settings')).body.email).toBe(
      'corrected@justice.test.example',
    );
    const audit = await auditOf(prt.id);
    expect(audit.map((a) => `${a.action}:${a.actor_id === admin.id ? 'admin' : 'other'}`)).toEqual([
      'SETTINGS_CHANGED:admin',
    ]);
  });

  it('shows her settings page from the header, and saves what she enters there', async () => {
    const prt = await caseworkerAt('STI');
    const { context, page } = await signIn(browser, api.baseUrl, prt);
    try {
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: 'Your settings' }).waitFor();
      await page.getByLabel('E-mail address').fill('sam.jones@justice.test.example');
      await page.getByLabel('Mobile number (UK)').fill('+44 7700 900456');
      await page.getByLabel('by text message').check();
      await page.getByLabel(/when a task I have claimed/).check();
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Your settings are saved.').waitFor();
      await screenshot(page, 'settings');

      const [row]: Record<string, unknown>[] = await api.dataSource.query(
        'SELECT email, mobile, notify_by_email, notify_by_sms, notify_claimed_tasks FROM users WHERE id = $1',
        [prt.id],
      );
      expect(row).toEqual({
        email: 'sam.jones@justice.test.example',
        mobile: '+447700900456',
        notify_by_email: true,
        notify_by_sms: true,
        notify_claimed_tasks: true,
      });

      await page.getByLabel('Mobile number (UK)').fill('01234 567890');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page
        .getByRole('alert')
        .getByText(/mobile/)
        .waitFor();
      await screenshot(page, 'settings-bad-mobile');
    } finally {
      await context.close();
    }
  });
});
