import { FormEvent, useState } from 'react';
import { Session, signIn } from '../api';
import { apiErrorText } from '../api-error-text';
import { t } from '../i18n';
import { LanguageSwitch } from '../language-switch';
import { OrganisationSignIn, useSignInOptions } from '../organisation-sign-in';

export function SignIn({
  onSignedIn,
  notice,
  inPlace = false,
}: {
  onSignedIn: (session: Session) => void;
  notice: string | null;
  /** Over a page she is working on (signing in again): an organisation sign-in must not leave the page. */
  inPlace?: boolean;
}) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const local = useSignInOptions()?.local ?? true;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(username, password));
    } catch (caught) {
      // 401: wrong username or password; 429: too many failed attempts, and how long to wait. Both keyed.
      setError(apiErrorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <div className="sign-in-language">
        <LanguageSwitch />
      </div>
      <h1>{t('signIn.title')}</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <div className="error-summary" role="alert">
          {error}
        </div>
      )}
      <OrganisationSignIn onSignedIn={onSignedIn} inPlace={inPlace} />
      <form hidden={!local} onSubmit={(event) => void submit(event)}>
        <label htmlFor="username">{t('signIn.username')}</label>
        <input
          id="username"
          autoFocus
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="password">{t('signIn.password')}</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? t('signIn.signingIn') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
