/**
 * Signing in with the organisation's identity provider (OpenID Connect), when the API says it is configured
 * (GET /client-config): a link that starts the code flow at GET /auth/oidc/login; on the way back (the callback
 * sends the browser to /?signed-in=organisation) the page picks up her token with POST /auth/oidc/session, whose
 * HttpOnly cookie the callback left. A refused sign-in comes back as /?sign-in-error=<why>.
 * A refused sign-in comes back with its code (libs/contracts api-errors.ts) and the issuer's reason in English.
 *
 * Signing in again over a page whose sign-in ran out (`inPlace`) must not leave it, or her filters and open panel
 * would be lost: the issuer's pages open in a small window instead (GET /auth/oidc/login?window=small, which the
 * way back repeats), and the web app loaded there hands the outcome to this page over a BroadcastChannel (same
 * origin only; the window's opener cannot be used, as the cross-origin trip to the issuer severs it) and closes.
 * A blocked window falls back to leaving the page.
 */
import { MouseEvent, useCallback, useEffect, useState } from 'react';
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

const HANDED_BACK = 'resettle.organisation-sign-in';

interface HandedBack {
  type: typeof HANDED_BACK;
  signedIn: boolean;
  error: string | null;
}

/**
 * In the small window the issuer sent back to: hands the outcome to the page she is working on, and closes. True
 * when it did (the window then shows nothing else).
 */
export function handBackToOpener(): boolean {
  if (new URLSearchParams(location.search).get('window') !== 'small') return false;
  const back = returnedFromIssuer();
  if (!back.signedIn && !back.error) return false;
  const message: HandedBack = { type: HANDED_BACK, signedIn: back.signedIn, error: back.error };
  const channel = new BroadcastChannel(HANDED_BACK);
  channel.postMessage(message);
  channel.close();
  window.close();
  return true;
}

/** The address without the callback's query, so a reload does not try to finish the sign-in again. */
function forgetReturn(): void {
  history.replaceState(null, '', `${location.pathname}${location.hash}`);
}

export function OrganisationSignIn({
  onSignedIn,
  inPlace = false,
}: {
  onSignedIn: (session: Session) => void;
  /** Over a page she is working on: the issuer opens in a small window, so the page stays as it is. */
  inPlace?: boolean;
}) {
  const options = useSignInOptions();
  const [error, setError] = useState<string | null>(() => (inPlace ? null : returnedFromIssuer().error));
  const [busy, setBusy] = useState(() => !inPlace && returnedFromIssuer().signedIn);

  const pickUpToken = useCallback(async () => {
    setBusy(true);
    try {
      const { accessToken } = await api<LoginResponse>('POST', '/auth/oidc/session', undefined, undefined);
      const user = await api<Session['user']>('GET', '/auth/me', undefined, accessToken);
      onSignedIn({ token: accessToken, user });
    } catch (caught) {
      setError(apiErrorText(caught));
    } finally {
      setBusy(false);
    }
  }, [onSignedIn]);

  useEffect(() => {
    if (inPlace) return;
    const back = returnedFromIssuer();
    if (!back.signedIn && !back.error) return;
    forgetReturn();
    if (back.signedIn) void pickUpToken();
    // Once, on the page the issuer sent her back to.
  }, []);

  useEffect(() => {
    if (!inPlace) return;
    const channel = new BroadcastChannel(HANDED_BACK);
    channel.onmessage = (event: MessageEvent<HandedBack>) => {
      if (event.data?.type !== HANDED_BACK) return;
      if (event.data.signedIn) void pickUpToken();
      else setError(event.data.error);
    };
    return () => channel.close();
  }, [inPlace, pickUpToken]);

  const openSmallWindow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!inPlace) return;
    const opened = window.open('/auth/oidc/login?window=small', 'resettle-sign-in', 'popup,width=520,height=720');
    // Blocked: the link leaves the page, as a first sign-in does.
    if (opened) event.preventDefault();
  };

  if (!options?.organisation && !error) return null;
  return (
    <section className="organisation-sign-in">
      {error && (
        <div className="error-summary" role="alert">
          {error}
        </div>
      )}
      {options?.organisation && (
        <a className="button" href="/auth/oidc/login" aria-disabled={busy} onClick={openSmallWindow}>
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
