/**
 * Her own settings: where GOV.UK Notify messages reach her (e-mail, UK mobile) and which she wants, and the
 * language the web app speaks to her. What is sent is said plainly here, so she knows no case details ever leave
 * the system in a message.
 */
import { FormEvent, useEffect, useState } from 'react';
import type { UserSettingsView } from '@app/contracts';
import { api } from '../api';
import { apiErrorText } from '../api-error-text';
import { isLocale, LANGUAGE_NAMES, LOCALES, t, useLocale } from '../i18n';
import { chooseLanguage } from '../language-switch';

export function Settings({ isManager }: { isManager: boolean }) {
  const [saved, setSaved] = useState<UserSettingsView | null>(null);
  const [email, setEmail] = useState('');
  const [mobile, setMobile] = useState('');
  const [byEmail, setByEmail] = useState(true);
  const [bySms, setBySms] = useState(false);
  const [claimed, setClaimed] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const locale = useLocale();

  function show(settings: UserSettingsView) {
    setSaved(settings);
    setEmail(settings.email ?? '');
    setMobile(settings.mobile ?? '');
    setByEmail(settings.notifyByEmail);
    setBySms(settings.notifyBySms);
    setClaimed(settings.notifyClaimedTasks);
  }

  useEffect(() => {
    api<UserSettingsView>('GET', '/users/me/settings').then(show, (caught: unknown) =>
      setMessage({ ok: false, text: apiErrorText(caught) }),
    );
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const body = {
        email: email.trim() === '' ? null : email.trim(),
        mobile: mobile.trim() === '' ? null : mobile.trim(),
        notifyByEmail: byEmail,
        notifyBySms: bySms,
        notifyClaimedTasks: claimed,
      };
      show(await api<UserSettingsView>('PATCH', '/users/me/settings', body));
      setMessage({ ok: true, text: t('settings.saved') });
    } catch (caught) {
      setMessage({ ok: false, text: apiErrorText(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="settings">
      <h1>{t('settings.title')}</h1>
      <p>{t('settings.intro', { manager: isManager ? 'yes' : 'no' })}</p>
      <label htmlFor="settings-language">{t('settings.language')}</label>
      <select
        id="settings-language"
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) chooseLanguage(e.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      {message && (
        <p className={message.ok ? 'notice' : 'error-summary'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {saved && (
        <form onSubmit={(event) => void submit(event)}>
          <label htmlFor="settings-email">{t('settings.email')}</label>
          <input
            id="settings-email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <label htmlFor="settings-mobile">{t('settings.mobile')}</label>
          <input
            id="settings-mobile"
            type="tel"
            autoComplete="tel"
            value={mobile}
            onChange={(e) => setMobile(e.target.value)}
          />
          <fieldset>
            <legend>{t('settings.sendMe')}</legend>
            <label>
              <input type="checkbox" checked={byEmail} onChange={(e) => setByEmail(e.target.checked)} />{' '}
              {t('settings.byEmail')}
            </label>
            <label>
              <input type="checkbox" checked={bySms} onChange={(e) => setBySms(e.target.checked)} />{' '}
              {t('settings.bySms')}
            </label>
            <label>
              <input type="checkbox" checked={claimed} onChange={(e) => setClaimed(e.target.checked)} />{' '}
              {t('settings.claimedTasks')}
            </label>
          </fieldset>
          <button type="submit" disabled={busy}>
            {busy ? t('common.saving') : t('settings.save')}
          </button>
        </form>
      )}
    </main>
  );
}
