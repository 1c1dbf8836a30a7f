/**
 * The language switch on every page (the Welsh Language Standards' "Cymraeg" / "English" link): each choice is
 * named in its own language. Signed in, her choice is saved on her user; before, the browser keeps it.
 */
import { PreferredLanguage } from '@app/contracts';
import { api, loadSession } from './api';
import { currentLocale, LANGUAGE_NAMES, Locale, setLocale, useLocale } from './i18n';

/** Saves the choice on her user when she is signed in; a failure leaves the page in the language she chose. */
export function chooseLanguage(locale: Locale): void {
  setLocale(locale);
  if (loadSession()) {
    void api('PATCH', '/users/me/settings', { preferredLanguage: locale as PreferredLanguage }).catch(() => undefined);
  }
}

/**
 * After sign-in: her saved language wins; with none saved yet, the one she signed in with becomes hers.
 */
export async function adoptUserLanguage(): Promise<void> {
  const settings = await api<{ preferredLanguage: PreferredLanguage | null }>('GET', '/users/me/settings');
  if (settings.preferredLanguage) setLocale(settings.preferredLanguage);
  else await api('PATCH', '/users/me/settings', { preferredLanguage: currentLocale() as PreferredLanguage });
}

export function LanguageSwitch() {
  const locale = useLocale();
  const other: Locale = locale === 'cy' ? 'en' : 'cy';
  return (
    <button
      type="button"
      className="link-button language-switch"
      lang={other}
      data-testid="language-switch"
      onClick={() => chooseLanguage(other)}
    >
      {LANGUAGE_NAMES[other]}
    </button>
  );
}
