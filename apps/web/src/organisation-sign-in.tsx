/**
 * Signing in with the organisation's identity provider (OpenID Connect), when the API says it is configured
 * (GET /client-config): a link that starts the code flow at GET /auth/oidc/login; on the way back (the callback
 * sends the browser to /?signed-in=organisation) the page picks up her token with POST /auth/oidc/session, whose
 * HttpOnly cookie the callback left. A refused sign-in comes back as /?sign-in-error=<why>.
 * A refused sign-in comes back with its code (libs/contracts api-errors.ts) and the issuer's reason in English.
 */
import { useEffect, useState } from 'react';
import type { LoginResponse } from '@app/contracts';
import { api, Session } from './api';
import { apiErrorText } from './api-error-text';
import { t } from './i18n';

export interface SignInOptions {
  local: boolean;
  organisation: boolean;
}

/** How she may sign in here; both ways are assumed until the API has said. */
export function useSignInOptions(): SignInOptions | null {
  const [options, setOptions] = useState<SignInOptions | null>(null);
  useEffect(() => {
    let live = true;
    void fetch('/client-config')
      .then((response) => response.json() as Promise<{ signIn?: SignInOptions }>)
      .then((config) => live && setOptions(config.signIn ?? { local: true, organisation: false }))
      .catch(() => live && setOptions({ local: true, organisation: false }));
    return () => {
      live = false;
    };
  }, []);
  return options;
}

function returnedFromIssuer(): { signedIn: boolean; error: string | null } {
  const query = new URLSearchParams(location.search);
  const reason = query.get('sign-in-error');
  // The issuer's or the claim mapping's reason is the API's English; the sentence around it is in her language.
  return {
    signedIn: query.get('signed-in') === 'organisation',
    error: reason === null ? null : t('signIn.organisationRefused', { reason }),
  };
}

/** The address without the callback's query, so a reload does not try to finish the sign-in again. */
function forgetReturn(): void {
  history.replaceState(null, '', `${location.pathname}${location.hash}`);
}

export function OrganisationSignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const options = useSignInOptions();
  const [error, setError] = useState<string | null>(() => returnedFromIssuer().error);
  const [busy, setBusy] = useState(() => returnedFromIssuer().signedIn);

  useEffect(() => {
    const back = returnedFromIssuer();
    if (!back.signedIn && !back.error) return;
    forgetReturn();
    if (!back.signedIn) return;
    void (async () => {
      try {
        const { accessToken } = await api<LoginResponse>('POST', '/auth/oidc/session', undefined, undefined);
        const user = await api<Session['user']>('GET', '/auth/me', undefined, accessToken);
        onSignedIn({ token: accessToken, user });
      } catch (caught) {
        setError(apiErrorText(caught));
      } finally {
        setBusy(false);
      }
    })();
    // Once, on the page the issuer sent her back to.
  }, []);

  if (!options?.organisation && !error) return null;
  return (
    <section className="organisation-sign-in">
      {error && (
        <div className="error-summary" role="alert">
          {error}
        </div>
      )}
      {options?.organisation && (
        <a className="button" href="/auth/oidc/login" aria-disabled={busy}>
          {busy ? t('signIn.organisationSigningIn') : t('signIn.organisation')}
        </a>
      )}
    </section>
  );
}

/** Ends the single sign-on session here and, when the issuer has an end-session endpoint, there too. */
export async function endOrganisationSession(): Promise<void> {
  try {
    const { endSessionUrl } = await api<{ endSessionUrl: string | null }>(
      'POST',
      '/auth/oidc/sign-out',
      undefined,
      undefined,
    );
    if (endSessionUrl) location.assign(endSessionUrl);
  } catch {
    // Not configured (404) or already signed out: the Resettle session has ended all the same.
  }
}
