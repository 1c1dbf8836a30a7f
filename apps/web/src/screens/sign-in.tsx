import { FormEvent, useState } from 'react';
import { ApiError, Session, signIn } from '../api';
import { OrganisationSignIn, useSignInOptions } from '../organisation-sign-in';

export function SignIn({ onSignedIn, notice }: { onSignedIn: (session: Session) => void; notice: string | null }) {
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
      if (!(caught instanceof ApiError)) setError(String(caught));
      else if (caught.status === 401) setError('The username or password is wrong.');
      // 429: too many failed attempts; the API's message says how long to wait.
      else setError(caught.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <h1>Sign in to Resettle</h1>
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
      <OrganisationSignIn onSignedIn={onSignedIn} />
      <form hidden={!local} onSubmit={(event) => void submit(event)}>
        <label htmlFor="username">Username</label>
        <input
          id="username"
          autoFocus
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
