/**
 * Her own settings: where GOV.UK Notify messages reach her (e-mail, UK mobile) and which she wants. What is sent
 * is said plainly here, so she knows no case details ever leave the system in a message.
 */
import { FormEvent, useEffect, useState } from 'react';
import type { UserSettingsView } from '@app/contracts';
import { api, ApiError } from '../api';

export function Settings({ isManager }: { isManager: boolean }) {
  const [saved, setSaved] = useState<UserSettingsView | null>(null);
  const [email, setEmail] = useState('');
  const [mobile, setMobile] = useState('');
  const [byEmail, setByEmail] = useState(true);
  const [bySms, setBySms] = useState(false);
  const [claimed, setClaimed] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

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
      setMessage({ ok: false, text: caught instanceof ApiError ? caught.message : String(caught) }),
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
      setMessage({ ok: true, text: 'Your settings are saved.' });
    } catch (caught) {
      setMessage({ ok: false, text: caught instanceof ApiError ? caught.message : String(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="settings">
      <h1>Your settings</h1>
      <p>
        Resettle sends messages through GOV.UK Notify
        {isManager
          ? ': escalations of your team’s work at once, and a digest of its overdue and at-risk tasks each working morning'
          : ''}
        . A message names the task and links here; it never holds a woman’s name or the details of her case.
      </p>
      {message && (
        <p className={message.ok ? 'notice' : 'error-summary'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {saved && (
        <form onSubmit={(event) => void submit(event)}>
          <label htmlFor="settings-email">E-mail address</label>
          <input
            id="settings-email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <label htmlFor="settings-mobile">Mobile number (UK)</label>
          <input
            id="settings-mobile"
            type="tel"
            autoComplete="tel"
            value={mobile}
            onChange={(e) => setMobile(e.target.value)}
          />
          <fieldset>
            <legend>Send me messages</legend>
            <label>
              <input type="checkbox" checked={byEmail} onChange={(e) => setByEmail(e.target.checked)} /> by e-mail
            </label>
            <label>
              <input type="checkbox" checked={bySms} onChange={(e) => setBySms(e.target.checked)} /> by text message
            </label>
            <label>
              <input type="checkbox" checked={claimed} onChange={(e) => setClaimed(e.target.checked)} /> when a task I
              have claimed is at risk, overdue or escalated
            </label>
          </fieldset>
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save settings'}
          </button>
        </form>
      )}
    </main>
  );
}
